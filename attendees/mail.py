"""The mails a registration sends, queued in the database with django-post-office.

Each is rendered from attendees/templates/attendees/mail/ in the language the person
registered in. Queuing happens inside the caller's transaction: the mail is stored with
the change it reports, and the mail_worker command delivers it, retrying while the mail
server is down.
"""
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation
from post_office import mail as post_office

from events.calendar import forum_calendar
from events.models import Forum

from .models import Registration


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _queue(registration: Registration, kind: str, *, with_calendar: bool = False, **extra) -> None:
    forum = registration.forum
    context = {
        "registration": registration,
        "forum": forum,
        "manage_url": _absolute(registration.get_absolute_url()),
        "forum_url": _absolute(forum.get_absolute_url()),
        **extra,
    }
    with translation.override(registration.language):
        subject = " ".join(render_to_string(f"attendees/mail/{kind}_subject.txt", context).split())
        message = render_to_string(f"attendees/mail/{kind}.txt", context)
        attachments = None
        if with_calendar:
            # The programme in three queries, not one per talk: this runs under the seat lock.
            ics = forum_calendar(Forum.objects.with_programme().get(pk=forum.pk), base_url=settings.SITE_URL)
            attachments = {f"{forum.slug}.ics": {"file": ContentFile(ics), "mimetype": "text/calendar"}}
    post_office.send(
        recipients=[registration.email],
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=message,
        attachments=attachments,
        priority="medium",
    )


def queue_confirmation(registration: Registration) -> None:
    _queue(registration, "confirmation", with_calendar=True)


def queue_waitlisted(registration: Registration, *, position: int) -> None:
    _queue(registration, "waitlisted", position=position)


def queue_promoted(registration: Registration) -> None:
    _queue(registration, "promoted", with_calendar=True)


def queue_cancelled(registration: Registration) -> None:
    _queue(registration, "cancelled")


def queue_management_link(registration: Registration) -> None:
    _queue(registration, "management_link")
