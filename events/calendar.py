"""iCalendar (.ics) files for forums, built with the icalendar library."""

import datetime
import functools
from collections.abc import Iterable
from email.utils import parseaddr
from urllib.parse import urlencode

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from forum_site.core.text import single_line

from .models import Forum, Venue

PRODUCT_ID = "-//AI Breakfast Forum//forum-site//KO"
# How often subscribed calendar apps should fetch the feed again.
FEED_REFRESH_INTERVAL = datetime.timedelta(hours=1)


def _venue_words(venue: Venue) -> str:
    return ", ".join(part for part in (venue.shown, venue.shown_address) if part)


# One person a mailed file is for: (name, address), named as its ATTENDEE.
Attendee = tuple[str, str]


def forum_event(
    forum: Forum,
    *,
    url: str,
    withdrawn: bool = False,
    attendee: Attendee | None = None,
    sequence_offset: int = 0,
) -> icalendar.Event:
    """One forum as a calendar event, in Asia/Seoul time so calendars show 07:30 KST.
    `withdrawn`: the event taken out of one recipient's calendar while the forum still
    takes place (cancelled for them, and newer than the file they had). `attendee`: the
    person a mailed REQUEST or CANCEL is for (RFC 5546 names them; calendars match the
    file to their owner by it). `sequence_offset`: what that person's earlier files added
    (attendees' calendar_sequence_offset), so their SEQUENCE only ever grows."""
    seoul = timezone.get_default_timezone()
    event = icalendar.Event()
    # The forum's own UID, kept whatever its number or slug becomes (Forum.calendar_uid).
    event.add("uid", forum.calendar_uid)
    # A higher SEQUENCE with the same UID tells a calendar that this replaces what it has.
    event.add("sequence", forum.calendar_sequence + sequence_offset + (1 if withdrawn else 0))
    event.add("dtstamp", forum.updated_at)
    event.add("dtstart", forum.starts_at.astimezone(seoul))
    event.add("dtend", forum.ends_at.astimezone(seoul))
    # single_line(): text stored before titles were cleaned on save may still hold a line
    # break, and a calendar's content lines cannot.
    summary = forum.full_title
    if forum.is_cancelled:
        # Visible in clients that ignore STATUS:CANCELLED.
        summary = _("[Cancelled] %(summary)s") % {"summary": summary}
    event.add("summary", single_line(summary))
    event.add("url", url)
    # Who sends the forum's mails: RFC 5546 requires an ORGANIZER in a REQUEST or CANCEL,
    # and Gmail and Outlook act on a mailed event only with one.
    event.add(
        "organizer",
        icalendar.vCalAddress("mailto:" + parseaddr(settings.DEFAULT_FROM_EMAIL)[1]),
        parameters={"CN": single_line(str(_("AI Breakfast Forum")))},
    )
    if forum.venue:
        event.add("location", single_line(_venue_words(forum.venue)))
    talks = [
        f"{talk.shown_title} ({', '.join(speaker.shown_name for speaker in talk.ordered_speakers)})"
        for talk in forum.programme
    ]
    event.add("description", "\n".join([*talks, url]))
    cancelled = forum.is_cancelled or withdrawn
    if attendee is not None:
        name, address = attendee
        event.add(
            "attendee",
            icalendar.vCalAddress("mailto:" + address),
            parameters={
                "CN": single_line(name),
                "ROLE": "REQ-PARTICIPANT",
                # Registered on the site: nothing to answer, and the answer is already yes.
                "PARTSTAT": "DECLINED" if cancelled else "ACCEPTED",
                "RSVP": "FALSE",
            },
        )
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def forums_calendar(
    forums: Iterable[Forum],
    *,
    base_url: str,
    name: str,
    method: str = "",
    subscription: bool = False,
    withdrawn: bool = False,
    attendee: Attendee | None = None,
    sequence_offset: int = 0,
) -> bytes:
    """A calendar holding each forum; base_url (e.g. https://forum.example.kr) makes their
    page addresses absolute. Pass forums fetched with_programme() to keep it to three queries.
    `method` is the iTIP method of a file sent by mail (PUBLISH, or CANCEL to remove the
    event); a `subscription` feed tells calendar apps how often to fetch it again.
    `attendee` and `sequence_offset`: see forum_event."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if subscription:
        calendar.add("refresh-interval", FEED_REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(FEED_REFRESH_INTERVAL))
    calendar.add("x-wr-calname", single_line(name))
    calendar.add("x-wr-timezone", str(timezone.get_default_timezone()))
    calendar.add_component(site_timezone())
    for forum in forums:
        calendar.add_component(
            forum_event(
                forum,
                url=base_url + forum.get_absolute_url(),
                withdrawn=withdrawn,
                attendee=attendee,
                sequence_offset=sequence_offset,
            )
        )
    return calendar.to_ical()


@functools.cache
def site_timezone() -> icalendar.Timezone:
    """The VTIMEZONE of Asia/Seoul, which every event's times refer to. Building it walks
    the zone's whole history (13-25 ms), so it is built once per process, not per file."""
    return icalendar.Timezone.from_tzid(str(timezone.get_default_timezone()))


def forum_calendar(
    forum: Forum,
    *,
    base_url: str,
    method: str = "",
    withdrawn: bool = False,
    attendee: Attendee | None = None,
    sequence_offset: int = 0,
) -> bytes:
    return forums_calendar(
        [forum],
        base_url=base_url,
        name=str(forum),
        method=method,
        withdrawn=withdrawn,
        attendee=attendee,
        sequence_offset=sequence_offset,
    )


def base_url_of(request) -> str:
    """https://host of the request, without the trailing slash."""
    return request.build_absolute_uri("/").rstrip("/")


def ics_response(content: bytes, filename: str, *, disposition: str = "attachment") -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def forum_ics_download(request, forum: Forum, *, sequence_offset: int = 0) -> HttpResponse:
    """The forum's .ics as a download (pass it fetched with_programme())."""
    content = forum_calendar(forum, base_url=base_url_of(request), sequence_offset=sequence_offset)
    return ics_response(content, f"{forum.slug}.ics")


def _event_words(forum: Forum, url: str) -> dict[str, str]:
    return {
        "title": single_line(forum.full_title),
        "details": url,
        "location": single_line(_venue_words(forum.venue) if forum.venue else ""),
    }


def google_calendar_link(forum: Forum, *, url: str) -> str:
    """Google Calendar's "add event" page filled in with the forum: Android's Calendar app
    takes no downloaded .ics, but opens this."""
    seoul = timezone.get_default_timezone()
    start, end = (moment.astimezone(seoul).strftime("%Y%m%dT%H%M%S") for moment in (forum.starts_at, forum.ends_at))
    words = _event_words(forum, url)
    query = {
        "action": "TEMPLATE",
        "text": words["title"],
        "dates": f"{start}/{end}",
        "ctz": str(seoul),
        "details": words["details"],
        "location": words["location"],
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def google_calendar_search_link(forum: Forum) -> str:
    """Google Calendar searching for the forum: where someone who added it with the button
    finds the copy to change or delete (a mailed file cannot reach it)."""
    return "https://calendar.google.com/calendar/r/search?" + urlencode({"q": single_line(forum.full_title)})


# Outlook on the web's calendar, for the same reason (it has no search address).


# Outlook on the web answers personal accounts (Outlook.com, Hotmail) and work or school
# accounts (Microsoft 365) at two addresses, each signing in only its own kind.
OUTLOOK_PERSONAL = "https://outlook.live.com"
OUTLOOK_WORK = "https://outlook.office.com"


def outlook_calendar_link(forum: Forum, *, url: str, host: str = OUTLOOK_PERSONAL) -> str:
    """Outlook on the web's new-event page filled in with the forum (times with their offset)."""
    seoul = timezone.get_default_timezone()
    words = _event_words(forum, url)
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": words["title"],
        "startdt": forum.starts_at.astimezone(seoul).isoformat(),
        "enddt": forum.ends_at.astimezone(seoul).isoformat(),
        "body": words["details"],
        "location": words["location"],
    }
    return f"{host}/calendar/0/deeplink/compose?" + urlencode(query)
