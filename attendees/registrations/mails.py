"""The mails about a person's registration: their kinds, what each says (the templates
in attendees/templates/attendees/registrations/mail/ and the context built here), and the
calls that decide them.

A service decides a mail inside its transaction, under the forum lock, by queuing it in
the outbox (attendees/outbox/mail.py); a worker renders it later through the composer
registered here, in the language the person registered in."""

import copy
import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from attendees.check_in_qr import check_in_qr_png
from attendees.models import PendingMail, Registration, RegistrationStatus, cancellation_is_open
from attendees.outbox.composers import composes
from attendees.outbox.mail import queue_one
from attendees.outbox.rendering import (
    QR_FILE_NAME,
    absolute,
    calendar_buttons,
    html_part,
    map_link,
    rendered_mail,
    reply_address,
    ticket,
)
from attendees.outbox.stop_mail import forum_list_headers
from attendees.questions.answers import registration_answers_shown
from attendees.registrations.addresses import check_in_qr_path, management_path, news_confirm_path
from events.calendar import forum_calendar, google_calendar_search_link
from events.models import Forum
from events.outlook_choice import outlook_choice_path
from forum_site.core.bilingual import shown


class RegistrationMail(models.TextChoices):
    CONFIRMATION = "confirmation", _("confirmation")
    WAITLISTED = "waitlisted", _("waiting list")
    PROMOTED = "promoted", _("promotion")
    CANCELLED = "cancelled", _("cancellation")
    MANAGEMENT_LINK = "management_link", _("management link again")
    FORUM_CANCELLED = "forum_cancelled", _("forum cancelled")
    FORUM_RESCHEDULED = "forum_rescheduled", _("forum rescheduled")
    NEWS_WITHDRAWN = "news_withdrawn", _("news withdrawn")
    REMINDER = "reminder", _("reminder")
    STILL_WAITING = "still_waiting", _("still on the waiting list")


# Mails that carry the forum's .ics, and the iTIP method of the file (RFC 5546): the
# organizer's REQUEST puts the event in the person's calendar, named as its ATTENDEE, and
# replaces it when the forum moves; a CANCEL removes it (same UID, higher SEQUENCE).
CALENDAR_METHOD: dict[str, str] = {
    RegistrationMail.CONFIRMATION: "REQUEST",
    RegistrationMail.PROMOTED: "REQUEST",
    RegistrationMail.FORUM_RESCHEDULED: "REQUEST",
    RegistrationMail.FORUM_CANCELLED: "CANCEL",
    RegistrationMail.CANCELLED: "CANCEL",
}
# A person's own cancellation takes the forum out of their calendar only: the event is
# withdrawn for them (same UID, SEQUENCE one higher); the forum itself still takes place.
WITHDRAWS_THE_EVENT = {RegistrationMail.CANCELLED}
# A copy added with the Google or Outlook button is the person's own, which no mailed file
# reaches: these mails say so, with the buttons to change it (MOVED) or find it (REMOVED).
CALENDAR_MOVED = {RegistrationMail.FORUM_RESCHEDULED}
CALENDAR_REMOVED = {RegistrationMail.CANCELLED, RegistrationMail.FORUM_CANCELLED}
# Mails that give a seat carry the QR code to show at the door, at the top of the HTML.
# Sent to everyone registered for a forum at once: filed as the forum's list (List-Id).
TO_EVERYONE = {
    RegistrationMail.REMINDER,
    RegistrationMail.STILL_WAITING,
    RegistrationMail.FORUM_RESCHEDULED,
    RegistrationMail.FORUM_CANCELLED,
}
WITH_QR_CODE = {RegistrationMail.CONFIRMATION, RegistrationMail.PROMOTED, RegistrationMail.REMINDER}

# A reminder is for who has a seat, a "still waiting" note for who waits, when it goes out:
# someone who cancelled or got a seat since it was queued is not told otherwise.
STILL_TRUE_WHILE: dict[str, str] = {
    RegistrationMail.REMINDER: RegistrationStatus.CONFIRMED,
    RegistrationMail.STILL_WAITING: RegistrationStatus.WAITLISTED,
}


def _outdated(pending: PendingMail) -> bool:
    required = STILL_TRUE_WHILE.get(pending.kind)
    registration = pending.registration
    return (
        required is not None and pending.email is None and registration is not None and registration.status != required
    )


@composes(*RegistrationMail.values, outdated=_outdated)
def registration_mail(pending: PendingMail) -> dict:
    """The mail's subject, text and attachments, in the language of the registration."""
    registration = pending.registration
    if registration is None:
        raise ValueError(f"mail {pending.pk} has no registration")
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
            "manage_url": absolute(management_path(registration)),
            "forum_url": absolute(forum.get_absolute_url()),
            "news_confirm_url": _news_confirmation_url(registration),
            "qr_url": absolute(check_in_qr_path(registration)),
            # Read when the mail is written: a reminder sent late says whom to tell instead.
            "cancellation_open": cancellation_is_open(forum),
            "reply_to": reply_address(),
        }
        if kind == RegistrationMail.CONFIRMATION:
            context["answers"] = registration_answers_shown(registration)
        if kind == RegistrationMail.FORUM_CANCELLED:
            context["next_forum"] = Forum.objects.next_after(forum)
            context["site_url"] = settings.SITE_URL
        context["calendar_moved"] = kind in CALENDAR_MOVED
        context["calendar_links"] = (
            _calendar_copy_links(forum, context) if kind in CALENDAR_MOVED | CALENDAR_REMOVED else []
        )
        if kind == RegistrationMail.FORUM_RESCHEDULED:
            context["former_starts_at"] = datetime.datetime.fromisoformat(pending.details["former_starts_at"])
            # Changes recorded before venues had English names hold the Korean one only.
            context["former_venue"] = shown(pending.details["former_venue"], pending.details.get("former_venue_en", ""))
        subject = " ".join(render_to_string(f"attendees/registrations/mail/{kind}_subject.txt", context).split())
        message = render_to_string(f"attendees/registrations/mail/{kind}.txt", context)
        # Each address the words carry, shown by a short label in the HTML.
        links = {
            context["manage_url"]: gettext("My registration"),
            context["forum_url"]: gettext("About the forum"),
            context["qr_url"]: gettext("View the QR code"),
            context["news_confirm_url"]: gettext("Confirm the news"),
            map_link(forum): gettext("View map"),
            **{address: label for label, address in context["calendar_links"]},
        }
        top = None
        if kind in WITH_QR_CODE | CALENDAR_MOVED:
            buttons = [
                (gettext("My registration"), context["manage_url"]),
                *calendar_buttons(forum, context["forum_url"]),
            ]
            top = ticket(forum, buttons, qr=kind in WITH_QR_CODE)
        elif kind in CALENDAR_REMOVED:
            # Where a copy in a calendar is deleted, as the first thing the mail offers.
            top = ticket(forum, context["calendar_links"], qr=False, with_map=False)
        html_message = html_part(
            subject, message, registration.language, map_link=map_link(forum), labels=links, ticket=top
        )
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
            # Shown in the HTML (cid:, the outbox's INLINE_IMAGES) and attached, for mail programs that show only text.
            attachments[QR_FILE_NAME] = {
                "file": ContentFile(check_in_qr_png(registration)),
                "mimetype": "image/png",
            }
        headers = forum_list_headers(forum) if kind in TO_EVERYONE else None
        return rendered_mail(
            registration.email, subject, message, html_message, attachments=attachments, headers=headers
        )


def _calendar_copy_links(forum: Forum, context: dict) -> list[tuple[str, str]]:
    """Where a copy added with a button is changed (the buttons again, with the new date)
    or found to be deleted."""
    if context["calendar_moved"]:
        return calendar_buttons(forum, context["forum_url"])
    return [
        (gettext("Open Google Calendar"), google_calendar_search_link(forum)),
        (gettext("Open Outlook Calendar"), absolute(outlook_choice_path(forum, removal=True))),
    ]


def _news_confirmation_url(registration: Registration) -> str:
    """The double opt-in link, for a ticked news box whose mailbox has not yet confirmed it."""
    if not registration.consent_marketing or registration.marketing_confirmed_at is not None:
        return ""
    return absolute(news_confirm_path(registration))


def reschedule_preview(forum: Forum, *, starts_at, ends_at, venue, language: str) -> str:
    """The mail a new date, time or venue sends, as a person reading `language` gets it,
    for the page that confirms the change; each person's name and link are placeholders."""
    moved = copy.copy(forum)
    moved.starts_at, moved.ends_at, moved.venue = starts_at, ends_at, venue
    with translation.override(language):
        forum_url = absolute(forum.get_absolute_url())
        context = {
            "registration": {"name": gettext("(each person's name)")},
            "forum": moved,
            "forum_url": forum_url,
            "former_starts_at": forum.starts_at,
            "former_venue": forum.venue.shown if forum.venue else "",
            "manage_url": gettext("(each person's own link)"),
            "calendar_moved": True,
        }
        context["calendar_links"] = calendar_buttons(moved, forum_url)
        return render_to_string("attendees/registrations/mail/forum_rescheduled.txt", context)


# --- Deciding a mail: what the services call, inside their transaction --------------------


def queue_confirmation(registration: Registration) -> None:
    queue_one(registration, RegistrationMail.CONFIRMATION)


def queue_waitlisted(registration: Registration, *, position: int) -> None:
    queue_one(registration, RegistrationMail.WAITLISTED, position=position)


def queue_promoted(registration: Registration) -> None:
    queue_one(registration, RegistrationMail.PROMOTED)


def queue_cancelled(registration: Registration) -> None:
    queue_one(registration, RegistrationMail.CANCELLED)


def queue_management_link(registration: Registration) -> None:
    queue_one(registration, RegistrationMail.MANAGEMENT_LINK)


def queue_news_withdrawn(registration: Registration) -> None:
    queue_one(registration, RegistrationMail.NEWS_WITHDRAWN)
