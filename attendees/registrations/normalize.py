"""What a registration stores, made canonical in one place: the public form, the desk
form, the admin's change form and the services all pass their input through here.

Each function returns the canonical value or raises ValidationError with a message for
the person and a code, so a form shows it next to the field. Each is idempotent:
normalising a normalised value changes nothing.
"""

import ipaddress
import re
import unicodedata

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from attendees.contacts import KOREA, address_key
from forum_site.core.text import is_invisible

# Korean mobile (010, 011, 016-019) and landline numbers (02, 031-064, 070), digits only.
NOT_DIGITS = re.compile(r"\D")
# A web or mail address inside a name, organisation or position ("재인증 www.evil.example/login"):
# these texts are copied into the site's own mails, where an address would read as the
# forum's. A scheme, "www.", an "@" or a dotted name ending in two or more letters.
ADDRESS_IN_TEXT = re.compile(r"://|\bwww\.|@|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", re.IGNORECASE | re.ASCII)


def person_text(value: str) -> str:
    """A name, organisation or position: NFC, white space folded, trimmed. Invisible or
    control characters are refused rather than dropped: the person should see what we keep.
    So is a web or mail address, which our mails would carry under the forum's name."""
    value = unicodedata.normalize("NFC", value)
    value = " ".join(value.split())
    if any(is_invisible(char) for char in value):
        raise ValidationError(_("Please remove the special characters."), code="control_characters")
    if ADDRESS_IN_TEXT.search(value):
        raise ValidationError(_("Please leave out web and email addresses."), code="address_in_text")
    return value


def email_address(value: str) -> str:
    """The canonical form of an address, so that every spelling of one mailbox is one value.

    Full-width letters and other compatibility forms are folded (NFKC), zero-width and
    other invisible characters dropped, the whole lower-cased and the domain written in
    ASCII (IDNA). Quoted local parts, IP-literal domains and control characters are
    refused: people do not have such addresses, and they are how one mailbox is made
    to look like many.
    """
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(_("Please enter a valid email address."), code="invalid")
    value = unicodedata.normalize("NFKC", value)
    value = address_key("".join(char for char in value if not is_invisible(char)))
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError(_("Please enter a valid email address."), code="invalid")
    if '"' in local or "\\" in local:
        raise ValidationError(_("Please enter an address without quotation marks."), code="quoted_local_part")
    if domain.startswith("[") or _is_ip_address(domain):
        raise ValidationError(_("Please enter an address with a domain name, not an IP address."), code="ip_domain")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValidationError(_("Please enter a valid email address."), code="invalid") from None
    if "." not in domain.strip("."):
        # "someone@localhost" reaches no one outside this machine.
        raise ValidationError(_("Please enter the whole address, with its domain (e.g. example.kr)."), code="no_domain")
    value = f"{local}@{domain}"
    validate_email(value)
    return value


def _is_ip_address(domain: str) -> bool:
    try:
        ipaddress.ip_address(domain)
    except ValueError:
        return False
    return True


def phone_number(value: str) -> str:
    """A phone number read with libphonenumber's rules (any script's digits read as their
    value): a Korean one stored as its national digits (01012345678, as staff search and
    type them), another country's in E.164 (+4915112345678); empty stays empty.

    An extension ("010-1234-5678 ext 99") is refused with its own message: the stored
    digits could not carry it, and dropping it would lose what the person typed."""
    value = "".join(str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char for char in value)
    value = unicodedata.normalize("NFKC", value).strip()
    if not value:
        return ""
    try:
        parsed = phonenumbers.parse(value, "KR")  # without a +country code, a Korean number
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and parsed.extension:
        raise ValidationError(
            _("Please enter the number without an extension: a mobile number reaches you best on the day."),
            code="phone_extension",
        )
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        # The example's hyphens do not break (U+2011): a phone number stays on one line at 390 px.
        raise ValidationError(
            _(
                "This is not a phone number we can use: write it like 010‑1234‑5678, "
                "or one from abroad with its country code, e.g. +49 …"
            ),
            code="invalid_phone",
        )
    if parsed.country_code == KOREA:
        return NOT_DIGITS.sub("", phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# How each of the person's fields (models.PERSONAL_DATA_FIELDS) is made canonical.
NORMALISERS = {
    "name": person_text,
    "email": email_address,
    "phone": phone_number,
    "organization": person_text,
    "position": person_text,
}


def person_details(**fields: str) -> dict[str, str]:
    """Normalise the given person fields; ValidationError names every field that is wrong."""
    cleaned, errors = {}, {}
    for name, value in fields.items():
        try:
            cleaned[name] = NORMALISERS[name](value)
        except ValidationError as error:
            errors[name] = error
    if errors:
        raise ValidationError(errors)
    return cleaned
