"""Rendering a mail of the outbox (attendees.PendingMail) in the language the person
registered in, from attendees/templates/attendees/mail/, into a django-post-office Email.

The rendered text is stored as it is. post_office.mail.send() would run it through the
template engine a second time, turning an attendee's name such as "{% debug %}" into
code; Email rows are therefore written here directly.
"""

import copy
import datetime
import html
import re
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.utils import formataddr, make_msgid, parseaddr
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext
from post_office.models import PRIORITY, STATUS, Email
from post_office.utils import create_attachments

from attendees.check_in_qr import check_in_qr_png
from attendees.models import MailKind, PendingMail, Registration, cancellation_is_open
from events.calendar import (
    OUTLOOK_CALENDAR,
    forum_calendar,
    google_calendar_link,
    google_calendar_search_link,
    outlook_calendar_link,
)
from events.models import Forum
from forum_site.core.bilingual import shown
from forum_site.core.dates import forum_date, forum_time

# Mails that carry the forum's .ics, and the iTIP method of the file (RFC 5546): the
# organizer's REQUEST puts the event in the person's calendar, named as its ATTENDEE, and
# replaces it when the forum moves; a CANCEL removes it (same UID, higher SEQUENCE).
CALENDAR_METHOD: dict[str, str] = {
    MailKind.CONFIRMATION: "REQUEST",
    MailKind.PROMOTED: "REQUEST",
    MailKind.FORUM_RESCHEDULED: "REQUEST",
    MailKind.FORUM_CANCELLED: "CANCEL",
    MailKind.CANCELLED: "CANCEL",
}
# A person's own cancellation takes the forum out of their calendar only: the event is
# withdrawn for them (same UID, SEQUENCE one higher); the forum itself still takes place.
WITHDRAWS_THE_EVENT = {MailKind.CANCELLED}
# A copy added with the Google or Outlook button is the person's own, which no mailed file
# reaches: these mails say so, with the buttons to change it (MOVED) or find it (REMOVED).
CALENDAR_MOVED = {MailKind.FORUM_RESCHEDULED}
CALENDAR_REMOVED = {MailKind.CANCELLED, MailKind.FORUM_CANCELLED}


# Mails that give a seat carry the QR code to show at the door, at the top of the HTML.
WITH_QR_CODE = {MailKind.CONFIRMATION, MailKind.PROMOTED, MailKind.REMINDER}
QR_FILE_NAME = "check-in-qr.png"
# Attachments the HTML shows inline, by their Content-ID (delivery.py marks them so).
INLINE_IMAGES = {QR_FILE_NAME: "check-in-qr"}


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


# The first photos of the forum, linked from the thank-you.
THANK_YOU_PHOTOS = 3


def render(pending: PendingMail) -> dict:
    """The mail's subject, text and attachments, in the language of the registration."""
    if pending.subscription_id is not None:
        return render_for_subscriber(pending)
    registration = pending.registration
    if registration is None:  # the table's check: a mail is for a registration or a subscriber
        raise ValueError(f"mail {pending.pk} has no recipient")
    # The programme in fixed queries, not one per talk.
    forum = Forum.objects.with_programme().get(pk=registration.forum_id)
    kind = pending.kind
    # Every address in the person's language: an English registrant's links open /en/ pages.
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "forum": forum,
            "position": pending.waitlist_position,
            "details": pending.details,
            "manage_url": _absolute(registration.management_path),
            "forum_url": _absolute(forum.get_absolute_url()),
            "news_confirm_url": _news_confirmation_url(registration),
            "qr_url": _absolute(registration.check_in_qr_path),
            # Read when the mail is written: a reminder sent late says whom to tell instead.
            "cancellation_open": cancellation_is_open(forum),
            "reply_to": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        }
        if kind == MailKind.FORUM_CANCELLED:
            context["next_forum"] = Forum.objects.next_after(forum)
            context["site_url"] = settings.SITE_URL
        if kind in (MailKind.THANK_YOU, MailKind.SORRY_WE_MISSED_YOU):
            context["report_url"] = context["forum_url"] + "#report-heading"
            context["photos"] = [
                (_absolute(photo.image.url), photo.caption or photo.alt_text)
                for photo in forum.photos.all()[:THANK_YOU_PHOTOS]
            ]
        context["calendar_moved"] = kind in CALENDAR_MOVED
        context["calendar_links"] = (
            _calendar_copy_links(forum, context) if kind in CALENDAR_MOVED | CALENDAR_REMOVED else []
        )
        if kind == MailKind.FORUM_RESCHEDULED:
            context["former_starts_at"] = datetime.datetime.fromisoformat(pending.details["former_starts_at"])
            # Changes recorded before venues had English names hold the Korean one only.
            context["former_venue"] = shown(pending.details["former_venue"], pending.details.get("former_venue_en", ""))
        subject = " ".join(render_to_string(f"attendees/mail/{kind}_subject.txt", context).split())
        message = render_to_string(f"attendees/mail/{kind}.txt", context)
        links = {
            context["manage_url"]: gettext("My registration"),
            _map_link(forum): gettext("Map"),
            **{address: label for label, address in context["calendar_links"]},
        }
        ticket = _ticket(forum, context, qr=kind in WITH_QR_CODE) if kind in WITH_QR_CODE | CALENDAR_MOVED else None
        html_message = html_part(
            subject, message, registration.language, map_link=_map_link(forum), labels=links, ticket=ticket
        )
        sender = sender_address()
        attachments = {}
        method = CALENDAR_METHOD.get(kind)
        if method:
            # Each file names its person and continues their SEQUENCE: built per mail.
            calendar = forum_calendar(
                forum,
                base_url=settings.SITE_URL,
                method=method,
                withdrawn=kind in WITHDRAWS_THE_EVENT,
                attendee=(registration.name, registration.email),
                sequence_offset=registration.calendar_sequence_offset,
            )
            # RFC 6047: the part's method= names the METHOD inside, for mail programs to act on.
            attachments[f"{forum.slug}.ics"] = {
                "file": ContentFile(calendar),
                "mimetype": f"text/calendar; method={method}",
            }
        if kind in WITH_QR_CODE:
            # Shown in the HTML (cid:, see INLINE_IMAGES) and attached, for mail programs that show only text.
            attachments[QR_FILE_NAME] = {
                "file": ContentFile(check_in_qr_png(registration)),
                "mimetype": "image/png",
            }
    return {
        "to": registration.email,
        "from_email": sender,
        "subject": subject,
        "message": message,
        "html_message": html_message,
        "attachments": attachments,
    }


def _calendar_buttons(forum: Forum, context: dict) -> list[tuple[str, str]]:
    return [
        (gettext("Google Calendar"), google_calendar_link(forum, url=context["forum_url"])),
        (gettext("Outlook Calendar"), outlook_calendar_link(forum, url=context["forum_url"])),
    ]


def _calendar_copy_links(forum: Forum, context: dict) -> list[tuple[str, str]]:
    """Where a copy added with a button is changed (the buttons again, with the new date)
    or found to be deleted."""
    if context["calendar_moved"]:
        return _calendar_buttons(forum, context)
    return [
        (gettext("Open Google Calendar"), google_calendar_search_link(forum)),
        (gettext("Open Outlook Calendar"), OUTLOOK_CALENDAR),
    ]


def _ticket(forum: Forum, context: dict, *, qr: bool = True) -> dict:
    """The top of a mail that gives a seat: the QR code, when and where, and buttons; a
    new date or venue shows the same without the QR code."""
    buttons = [(gettext("My registration"), context["manage_url"]), *_calendar_buttons(forum, context)]
    if forum.venue:
        buttons.append((gettext("Map"), forum.venue.map_link))
    return {
        "qr_cid": INLINE_IMAGES[QR_FILE_NAME] if qr else "",
        "forum": forum.series_and_number,
        "title": forum.shown_title,
        # The day and the hours, each kept on one line (a phone may put them on two).
        "day": forum_date(localtime(forum.starts_at)),
        "hours": f"{forum_time(localtime(forum.starts_at))} – {forum_time(localtime(forum.ends_at))}",
        "where": forum.venue.shown if forum.venue else "",
        "buttons": buttons,
    }


def reschedule_preview(forum: Forum, *, starts_at, ends_at, venue, language: str) -> str:
    """The mail a new date, time or venue sends, as a person reading `language` gets it,
    for the page that confirms the change; each person's name and link are placeholders."""
    moved = copy.copy(forum)
    moved.starts_at, moved.ends_at, moved.venue = starts_at, ends_at, venue
    with translation.override(language):
        context = {
            "registration": {"name": gettext("(each person's name)")},
            "forum": moved,
            "forum_url": _absolute(forum.get_absolute_url()),
            "former_starts_at": forum.starts_at,
            "former_venue": forum.venue.shown if forum.venue else "",
            "manage_url": gettext("(each person's own link)"),
            "calendar_moved": True,
        }
        context["calendar_links"] = _calendar_buttons(moved, context)
        return render_to_string("attendees/mail/forum_rescheduled.txt", context)


def _announcement_context(forum: Forum) -> dict:
    return {
        "forum": forum,
        "forum_url": _absolute(forum.get_absolute_url()),
        "register_url": _absolute(
            reverse("attendees:register", kwargs={"series": forum.series.slug, "number": forum.number})
        ),
    }


def announcement_preview(forum: Forum, language: str) -> tuple[str, str]:
    """(subject, text) of the forum's announcement as a subscriber reading `language` gets
    it, for the page that sends it; each subscriber's own link is shown as a placeholder."""
    context = {
        **_announcement_context(Forum.objects.with_programme().get(pk=forum.pk)),
        "unsubscribe_url": gettext("(each subscriber's own unsubscribe link)"),
        "site_url": settings.SITE_URL,
    }
    with translation.override(language):
        subject = " ".join(render_to_string("attendees/mail/announcement_subject.txt", context).split())
        return subject, render_to_string("attendees/mail/announcement.txt", context)


def render_for_subscriber(pending: PendingMail) -> dict:
    """An announcement or a reconfirmation request, in the subscriber's language, with
    the one-click unsubscribe of RFC 8058 in its headers and its text."""
    subscription = pending.subscription
    if subscription is None:
        raise ValueError(f"mail {pending.pk} has no recipient")
    # Every address in the subscriber's language: an English subscriber's links open /en/ pages.
    with translation.override(subscription.language):
        unsubscribe_url = _absolute(subscription.unsubscribe_path)
        context: dict[str, Any] = {
            "subscription": subscription,
            "unsubscribe_url": unsubscribe_url,
            "reconfirm_url": _absolute(subscription.reconfirm_path),
            "site_url": _absolute(reverse("events:home")).rstrip("/"),
        }
        if pending.kind == MailKind.ANNOUNCEMENT:
            context |= _announcement_context(Forum.objects.with_programme().get(pk=pending.details["forum"]))
        subject = " ".join(render_to_string(f"attendees/mail/{pending.kind}_subject.txt", context).split())
        message = render_to_string(f"attendees/mail/{pending.kind}.txt", context)
        rendered = {
            "to": subscription.email,
            "from_email": sender_address(),
            "subject": subject,
            "message": message,
            "html_message": html_part(
                subject, message, subscription.language, map_link=_map_link(context.get("forum"))
            ),
            "attachments": {},
            # RFC 2369 and 8058: mail programs show an "unsubscribe" button that POSTs here.
            "headers": {
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        }
    return rendered


# A web address in the escaped text; punctuation that ends a sentence is not part of it.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+?(?=[.,;:!?)]*(?:\s|$))")


def html_part(
    subject: str,
    message: str,
    language: str,
    *,
    map_link: str = "",
    labels: dict[str, str] | None = None,
    ticket: dict | None = None,
) -> str:
    """The HTML beside the plain text, from the same words: paragraphs, links that can be
    tapped, a width that fits a phone. The text was rendered with autoescape off (and is
    marked safe by render_to_string): escaped here, then the site's own addresses and the
    venue's map become links. Nothing else does: the text holds what people typed (a name
    like "재인증 http://evil.example/login"), and a link in an official mail is trusted. A link
    with a label (the personal link, the map) shows the label instead of its long address."""
    labels = {address: label for address, label in (labels or {}).items() if address}

    def link(match: re.Match) -> str:
        address = html.unescape(match.group(0))
        ours = address == settings.SITE_URL or address.startswith(settings.SITE_URL + "/")
        # A labelled address is one the mail's own code put there (a calendar button), never typed text.
        if address == map_link or ours or address in labels:
            return format_html('<a href="{}" rel="nofollow">{}</a>', address, labels.get(address, address))
        return match.group(0)

    body = linebreaks(WEB_ADDRESS.sub(link, escape(message)), autoescape=False)
    return render_to_string(
        "attendees/mail/layout.html",
        {
            "subject": subject,
            "body_html": mark_safe(body),  # escaped above
            "language": language,
            # The home page in the mail's language (/en/ for English).
            "site_url": _home(language),
            "ticket": ticket,
        },
    )


def _home(language: str) -> str:
    with translation.override(language):
        return _absolute(reverse("events:home"))


def _map_link(forum: Forum | None) -> str:
    return forum.venue.map_link if forum is not None and forum.venue is not None else ""


def sender_address() -> str:
    """DEFAULT_FROM_EMAIL's address under the site's name in the active language."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((str(gettext("AI Breakfast Forum")), address))


def _news_confirmation_url(registration: Registration) -> str:
    """The double opt-in link, for a ticked news box whose mailbox has not yet confirmed it."""
    if not registration.consent_marketing or registration.marketing_confirmed_at is not None:
        return ""
    return _absolute(reverse("attendees:news-confirm", kwargs={"token": registration.token}))


def store(rendered: dict) -> Email:
    email = Email.objects.create(
        from_email=rendered.get("from_email") or settings.DEFAULT_FROM_EMAIL,
        to=[rendered["to"]],
        subject=rendered["subject"],
        message=rendered["message"],
        html_message=rendered.get("html_message", ""),
        # RFC 3834: written by a program, so that out-of-office replies are not sent back.
        headers={"Auto-Submitted": "auto-generated", **(rendered.get("headers") or {})},
        status=STATUS.queued,
        priority=PRIORITY.medium,  # queued; never sent inside the web request
        # The site's own domain, not the name of whichever host the worker runs on.
        message_id=make_msgid(domain=urlsplit(settings.SITE_URL).hostname),
    )
    if rendered["attachments"]:
        email.attachments.add(*create_attachments(rendered["attachments"]))
    return email


def parts_placed(message: EmailMessage) -> EmailMessage:
    """Each attachment where mail programs look for it. post_office stores attachments
    without their MIME headers, so this is done here, on the message as it is sent:
    - the images the HTML shows by Content-ID (the QR code), marked inline with it;
    - the calendar file also as a text/calendar alternative of the text and the HTML,
      where RFC 6047 puts an iTIP message for calendars to act on; the attached file
      stays for people who open it by hand."""
    parts: list = []
    for attachment in message.attachments:
        if not isinstance(attachment, MIMEBase) and attachment[2].startswith("text/calendar"):
            name, content, mimetype = attachment
            text = content.decode() if isinstance(content, bytes) else content
            message.attach_alternative(text, mimetype)  # type: ignore[attr-defined]
            # As bytes: a str would be base64-encoded through "raw-unicode-escape" (\uc81c...).
            parts.append((name, text.encode(), "application/ics"))
            continue
        if isinstance(attachment, MIMEBase) or attachment[0] not in INLINE_IMAGES:
            parts.append(attachment)
            continue
        name, content, mimetype = attachment
        image = MIMEImage(content, _subtype=mimetype.split("/")[1])
        image.add_header("Content-ID", f"<{INLINE_IMAGES[name]}>")
        image.add_header("Content-Disposition", "inline", filename=name)
        parts.append(image)
    message.attachments = parts
    return message
