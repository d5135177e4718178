"""A forum as schema.org `Event` data (JSON-LD), for search engines' event results: what
Google's event guidelines require and recommend, from the forum as it stands (cancelled,
moved, full, past)."""

import json

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import get_language

from forum_site.core import clock
from forum_site.core.bilingual import shown
from forum_site.core.markdown import markdown_plain

from .models import Forum, RegistrationState, Venue
from .share_views import forum_picture

SCHEMA = "https://schema.org/"
# JSON inside <script>: a "</script>" or "<!--" in a theme must not end the element early.
SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
AVAILABILITY: dict[str, str] = {
    RegistrationState.OPEN: "InStock",
    RegistrationState.WAITING_LIST: "SoldOut",
    RegistrationState.CLOSED: "SoldOut",
    RegistrationState.NOT_YET_OPEN: "PreOrder",
}


def _status(forum: Forum) -> str:
    if forum.is_cancelled:
        return SCHEMA + "EventCancelled"
    if forum.is_rescheduled:
        return SCHEMA + "EventRescheduled"
    return SCHEMA + "EventScheduled"


def _address(venue: Venue) -> dict:
    """The venue's one-line Korean address split where Korean addresses split: the region
    (광주광역시), then the district (북구); the street address is the whole of it, down to
    the building and the room a person walks to."""
    words = venue.address.split()
    street = " ".join(filter(None, (venue.address, str(venue))))
    address = {"@type": "PostalAddress", "addressCountry": "KR", "streetAddress": street}
    if words and words[0].endswith(("시", "도")):
        address["addressRegion"] = words[0]
        if len(words) > 1 and words[1].endswith(("구", "군", "시")):
            address["addressLocality"] = words[1]
    return address


def _location(forum: Forum) -> dict:
    """The venue; while a forum has none (not yet chosen, or never recorded), the region
    it is held in (FORUM_REGION)."""
    if forum.venue:
        return {"@type": "Place", "name": forum.venue.shown, "address": _address(forum.venue)}
    region = shown(settings.FORUM_REGION, settings.FORUM_REGION_EN)
    return {
        "@type": "Place",
        "name": region,
        "address": {"@type": "PostalAddress", "addressCountry": "KR", "addressRegion": settings.FORUM_REGION},
    }


def organizer_name() -> str:
    """Who holds the forums, in the page's language (FORUM_ORGANIZER_NAME and _EN)."""
    return shown(settings.FORUM_ORGANIZER_NAME, settings.FORUM_ORGANIZER_NAME_EN)


def _organizer() -> dict:
    return {
        "@type": "Organization",
        "name": organizer_name(),
        "url": settings.FORUM_ORGANIZER_URL,
    }


def _performer(speaker) -> dict:
    position, organization = speaker.shown_position, speaker.shown_organization
    person = {"@type": "Person", "name": speaker.shown_name, "url": settings.SITE_URL + speaker.get_absolute_url()}
    if position:
        person["jobTitle"] = position
    if organization:
        person["affiliation"] = {"@type": "Organization", "name": organization}
    return person


def _description(forum: Forum) -> str:
    if forum.report_is_public:
        return markdown_plain(forum.shown_report)[:300]
    abstracts = [markdown_plain(talk.shown_abstract) for talk in forum.programme if talk.abstract]
    if abstracts:
        return " ".join(abstracts)[:300]
    return forum.full_title


def event_data(forum: Forum) -> dict:
    url = settings.SITE_URL + forum.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": forum.full_title,
        "description": _description(forum),
        "image": [forum_picture(forum).url],
        "url": url,
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "startDate": localtime(forum.starts_at).isoformat(),
        "endDate": localtime(forum.ends_at).isoformat(),
        "eventStatus": _status(forum),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "organizer": _organizer(),
    }
    data["location"] = _location(forum)
    if forum.is_rescheduled and forum.previous_starts_at:
        data["previousStartDate"] = localtime(forum.previous_starts_at).isoformat()
    speakers = [speaker for talk in forum.programme for speaker in talk.ordered_speakers]
    if speakers:
        data["performer"] = [_performer(speaker) for speaker in dict.fromkeys(speakers)]
    # An offer to come while one can still register, wait or come; none once it has begun.
    if not forum.is_cancelled and clock.now() < forum.starts_at:
        offer = {
            "@type": "Offer",
            "url": url + "#registration",
            "price": 0,
            "priceCurrency": "KRW",
            "availability": SCHEMA + AVAILABILITY[forum.registration_state],
        }
        if forum.registration_opens_at:
            offer["validFrom"] = localtime(forum.registration_opens_at).isoformat()
        data["offers"] = offer
    return data


def event_script(forum: Forum) -> SafeString:
    text = json.dumps(event_data(forum), ensure_ascii=False).translate(SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))
