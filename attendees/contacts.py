"""A person's email and phone as staff see them: a phone as people write it, and both
whole only for the staff allowed them (the export_unmasked permission). Everyone else sees
them masked on every admin page, list, search and export, and finds an address only by
typing it whole: no answer may reveal a character the mask hides."""

import phonenumbers
from django import template
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

KOREA = 82
SEES_WHOLE_CONTACTS = "attendees.export_unmasked"


def phone_display(stored: str) -> str:
    """A stored phone as people write it, which also keeps its leading 0 when a spreadsheet
    opens it: 01012345678 -> 010-1234-5678, 0212345678 -> 02-1234-5678, +4915112345678 ->
    +49 1511 2345678."""
    if not stored:
        return ""
    try:
        parsed = phonenumbers.parse(stored, "KR")
    except phonenumbers.NumberParseException:
        return stored
    korean = parsed.country_code == KOREA
    style = phonenumbers.PhoneNumberFormat.NATIONAL if korean else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(parsed, style)


# {{ registration.phone|phone }} in a template: the library "phones" (TEMPLATES in settings).
register = template.Library()
register.filter("phone", phone_display)


def sees_whole_contacts(user) -> bool:
    return user.has_perm(SEES_WHOLE_CONTACTS)


def mask_phone(phone: str) -> str:
    """01012345678 -> 010-****-5678, 0212345678 -> 02-****-5678; another country's keeps its
    code and its last four digits: +4915112345678 -> +49 **** ***5678."""
    shown = phone_display(phone)
    if shown.count("-") == 2 and not shown.startswith("+"):
        head, _middle, last = shown.split("-")
        return f"{head}-****-{last}"
    code, _space, number = shown.partition(" ") if shown.startswith("+") else ("", "", shown)
    digits = sum(char.isdigit() for char in number)
    masked, seen = [], 0
    for char in number:
        if char.isdigit():
            seen += 1
            char = char if seen > digits - 4 else "*"
        masked.append(char)
    return " ".join(filter(None, (code, "".join(masked))))


def mask_email(email: str) -> str:
    """kim.gwangju@example.kr -> k***@example.kr; empty stays empty."""
    if not email:
        return ""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_name(name: str) -> str:
    """A name as a public page may show it: 김광주 -> 김*주, 이산 -> 이*, Jane Doe -> J******e."""
    name = name.strip()
    if len(name) <= 2:
        return name[:1] + "*" * (len(name) - 1)
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_text(text: str) -> str:
    """What a person typed in answer to a question (a car number: 12가3456 -> 1***): its
    first character, so a list can still be sorted by it; empty stays empty."""
    return f"{text[:1]}***" if text else ""


def address_key(email: str) -> str:
    """The one form in which two spellings of an address compare equal: no surrounding
    space, lower case. Every stored address is in it already (normalize.email_address
    ends with it); what people type, and what other records hold, is brought to it."""
    return email.strip().lower()


def whole_addresses(search_term: str) -> list[str]:
    """The words of a search that are addresses, as stored."""
    return [address_key(word) for word in search_term.split() if "@" in word]


class MaskedContactsAdmin(admin.ModelAdmin):
    """An admin of a model with an `email` (and perhaps a `phone`): for staff without the
    permission, the list and the page show them masked, and a search matches an address
    only whole (a part would answer "which addresses start with f?" one letter at a time).
    The search's other fields (name, organisation) are shown whole anyway."""

    contact_fields = ("email", "phone")

    @admin.display(description=_("email"))
    def masked_email(self, obj):
        return mask_email(obj.email)

    @admin.display(description=_("phone"))
    def masked_phone(self, obj):
        return mask_phone(getattr(obj, "phone", ""))

    def masked(self, request, fields):
        """`fields` with each contact field replaced by its masked display, unless the user sees them whole."""
        if sees_whole_contacts(request.user):
            return list(fields)
        return [f"masked_{field}" if field in self.contact_fields else field for field in fields]

    def get_list_display(self, request):
        return self.masked(request, super().get_list_display(request))

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        if sees_whole_contacts(request.user):
            return fields
        return [field for field in fields if field.lstrip("^=@") not in self.contact_fields]

    def get_search_results(self, request, queryset, search_term):
        if sees_whole_contacts(request.user) or not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        whole = Q(email__in=whole_addresses(search_term))
        if self.get_search_fields(request):
            found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
            return found | queryset.filter(whole), may_have_duplicates
        return queryset.filter(whole), False
