"""The mails a registration sends.

A service decides a mail inside its transaction, under the forum lock, by writing a
PendingMail row (queue_*). Once the transaction commits, the row is rendered from
attendees/templates/attendees/mail/ in the language the person registered in and stored
as a django-post-office Email, which the mail_worker command delivers, retrying while
the server is down. A process that dies between the commit and the rendering leaves
the row behind, and the worker renders it on its next round: no mail is lost.

The rendered text is stored as it is. post_office.mail.send() would run it through the
template engine a second time, turning an attendee's name such as "{% debug %}" into
code; Email rows are therefore written here directly.
"""

import datetime
from email.utils import make_msgid

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from post_office.models import PRIORITY, STATUS, Email
from post_office.settings import get_message_id_fqdn
from post_office.utils import create_attachments

from events.calendar import forum_calendar
from events.models import Forum

from .check_in_qr import check_in_qr_png
from .models import MailKind, PendingMail, Registration

# Mails that carry the forum's .ics, and the iTIP method of the file: a cancellation
# removes the event from calendars that imported it (same UID, higher SEQUENCE).
CALENDAR_METHOD = {
    MailKind.CONFIRMATION: "PUBLISH",
    MailKind.PROMOTED: "PUBLISH",
    MailKind.FORUM_RESCHEDULED: "PUBLISH",
    MailKind.FORUM_CANCELLED: "CANCEL",
}


# Mails that give a seat carry the QR code to show at the door.
WITH_QR_CODE = {MailKind.CONFIRMATION, MailKind.PROMOTED}


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _queue(registration: Registration, kind: MailKind, *, position: int | None = None) -> None:
    if not registration.email:
        return  # a walk-in who gave no address
    PendingMail.objects.create(registration=registration, kind=kind, waitlist_position=position)
    _render_after_commit()


def _render_after_commit() -> None:
    # robust: a failure to render must not turn a committed change into an error page;
    # the rows stay for the worker.
    transaction.on_commit(pending_mail_render, robust=True)


def queue_for_each(registrations, kind: MailKind, *, details: dict | None = None) -> None:
    """The same mail to each of these people, decided in one query (a forum's change)."""
    PendingMail.objects.bulk_create(
        PendingMail(registration=registration, kind=kind, details=details or {})
        for registration in registrations
        if registration.email  # a walk-in who gave no address
    )
    _render_after_commit()


def queue_confirmation(registration: Registration) -> None:
    _queue(registration, MailKind.CONFIRMATION)


def queue_waitlisted(registration: Registration, *, position: int) -> None:
    _queue(registration, MailKind.WAITLISTED, position=position)


def queue_promoted(registration: Registration) -> None:
    _queue(registration, MailKind.PROMOTED)


def queue_cancelled(registration: Registration) -> None:
    _queue(registration, MailKind.CANCELLED)


def queue_management_link(registration: Registration) -> None:
    _queue(registration, MailKind.MANAGEMENT_LINK)


def queue_news_withdrawn(registration: Registration) -> None:
    _queue(registration, MailKind.NEWS_WITHDRAWN)


def pending_mail_render() -> int:
    """Render every pending mail into post_office's queue, oldest first; returns how many.
    Each row is taken under a row lock (skipped if another process holds it) and deleted
    in the same transaction as the Email it becomes, so each mail is stored once."""
    rendered = 0
    calendars = {}  # a forum's change mails 100 people the same file: build it once
    for pk in list(PendingMail.objects.values_list("pk", flat=True)):
        with transaction.atomic():
            pending = (
                PendingMail.objects.select_for_update(skip_locked=True)
                .select_related("registration")
                .filter(pk=pk)
                .first()
            )
            if pending is None:
                continue  # rendered meanwhile, or being rendered by another process
            _store(_render(pending, calendars))
            pending.delete()
            rendered += 1
    return rendered


def _render(pending: PendingMail, calendars: dict) -> dict:
    registration = pending.registration
    # The programme in fixed queries, not one per talk.
    forum = Forum.objects.with_programme().get(pk=registration.forum_id)
    kind = pending.kind
    context = {
        "registration": registration,
        "forum": forum,
        "position": pending.waitlist_position,
        "details": pending.details,
        "manage_url": _absolute(registration.management_path),
        "forum_url": _absolute(forum.get_absolute_url()),
        "news_confirm_url": _news_confirmation_url(registration),
        "qr_url": _absolute(registration.check_in_qr_path),
    }
    if kind == MailKind.FORUM_CANCELLED:
        context["next_forum"] = _next_forum_after(forum)
        context["site_url"] = settings.SITE_URL
    if kind == MailKind.FORUM_RESCHEDULED:
        context["former_starts_at"] = datetime.datetime.fromisoformat(pending.details["former_starts_at"])
    with translation.override(registration.language):
        subject = " ".join(render_to_string(f"attendees/mail/{kind}_subject.txt", context).split())
        message = render_to_string(f"attendees/mail/{kind}.txt", context)
        attachments = {}
        method = CALENDAR_METHOD.get(kind)
        if method:
            key = (forum.pk, forum.calendar_sequence, method, registration.language)
            if key not in calendars:
                calendars[key] = forum_calendar(forum, base_url=settings.SITE_URL, method=method)
            attachments[f"{forum.slug}.ics"] = {"file": ContentFile(calendars[key]), "mimetype": "text/calendar"}
        if kind in WITH_QR_CODE:
            attachments["check-in-qr.png"] = {
                "file": ContentFile(check_in_qr_png(registration)),
                "mimetype": "image/png",
            }
    return {"to": registration.email, "subject": subject, "message": message, "attachments": attachments}


def _next_forum_after(forum: Forum) -> Forum | None:
    return (
        Forum.objects.published()
        .taking_place()
        .filter(starts_at__gt=forum.starts_at, series_id=forum.series_id)
        .select_related("series", "venue")
        .order_by("starts_at")
        .first()
    )


def _news_confirmation_url(registration: Registration) -> str:
    """The double opt-in link, for a ticked news box whose mailbox has not yet confirmed it."""
    if not registration.consent_marketing or registration.marketing_confirmed_at is not None:
        return ""
    return _absolute(reverse("attendees:news-confirm", kwargs={"token": registration.token}))


def _store(rendered: dict) -> Email:
    email = Email.objects.create(
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[rendered["to"]],
        subject=rendered["subject"],
        message=rendered["message"],
        status=STATUS.queued,
        priority=PRIORITY.medium,  # queued; never sent inside the web request
        message_id=make_msgid(domain=get_message_id_fqdn()),
    )
    if rendered["attachments"]:
        email.attachments.add(*create_attachments(rendered["attachments"]))
    return email
