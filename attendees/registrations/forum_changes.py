"""Changes to an announced forum that every registrant must hear of: cancelling it, and
moving it to another time or venue.

Both take the same forum row lock as the registration services and, in one
transaction, change the forum, raise its calendar revision (so imported calendar
entries are replaced), decide a mail to each person concerned in their language, and
record who did it.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attendees.models import QUEUE_ORDER, Action, Registration, RegistrationStatus
from attendees.outbox import mail
from attendees.records import Actor, action_record
from attendees.registrations.mails import RegistrationMail
from attendees.registrations.services import RegistrationError, locked_forum
from attendees.registrations.transitions import registrations_move
from events.forum_defaults import forum_publish, forum_unpublish
from events.models import Forum, ForumStatus, Venue
from forum_site.core import clock

# Un-publishing hides the forum; whoever registered would not be told. Cancelling tells them.
PEOPLE_REGISTERED = _("People are registered for this forum: cancel it instead, so that they are told.")


def unpublishing_refused(forum: Forum) -> bool:
    return forum.pk is not None and Registration.objects.filter(forum_id=forum.pk).active().exists()


def forum_visibility_change(*, forum: Forum, publish: bool, by: Actor) -> bool:
    """Publish a draft, or take a published forum nobody is registered for back to a draft,
    under the forum's lock, recorded with who did it. False when there was nothing to do."""
    # A change happens only from a draft to published or back (the services check it under
    # the lock): the state before is what the move says, no read of its own needed.
    before = ForumStatus.DRAFT if publish else ForumStatus.PUBLISHED
    with transaction.atomic():
        if publish:
            changed = forum_publish(forum)
        else:
            if unpublishing_refused(forum):
                raise RegistrationError(PEOPLE_REGISTERED, code="registered")
            changed = forum_unpublish(forum)
        if changed:
            action = Action.FORUM_PUBLISHED if publish else Action.FORUM_UNPUBLISHED
            action_record(by=by, action=action, forum=forum, before=before, after=forum.status)
    return changed


def forum_cancel(*, forum: Forum, by: Actor, reason: str) -> int:
    """Cancel the forum and every active registration, waiting list included; each person
    is mailed the reason, the next forum, and a calendar file that removes the event.
    Returns the number of people told."""
    reason = reason.strip()
    if not reason:
        raise RegistrationError(
            _("Please give the reason for the cancellation: it is sent to everyone."), code="no_reason"
        )
    with transaction.atomic():
        forum = locked_forum(forum)
        if forum.status == ForumStatus.CANCELLED:
            raise RegistrationError(_("This forum is already cancelled."), code="already_cancelled")
        if Registration.objects.filter(forum=forum).came().exists():
            raise RegistrationError(
                _("People have been checked in at this forum: it took place and cannot be cancelled."),
                code="took_place",
            )
        before = forum.status
        now = clock.now()
        forum.status = ForumStatus.CANCELLED
        forum.cancellation_reason = reason
        forum.cancelled_at = now
        forum.calendar_sequence += 1
        forum.save(update_fields=["status", "cancellation_reason", "cancelled_at", "calendar_sequence", "updated_at"])

        active = list(Registration.objects.filter(forum=forum).active().order_by(*QUEUE_ORDER))
        registrations_move(
            forum,
            active,
            to=RegistrationStatus.CANCELLED,
            by=by,
            action=Action.REGISTRATION_CANCELLED,
            mail_kind=RegistrationMail.FORUM_CANCELLED,
            cause="forum_cancelled",
        )
        action_record(
            by=by,
            action=Action.FORUM_CANCELLED,
            forum=forum,
            before=before,
            after=forum.status,
            people_told=len(active),
            reason=reason,
        )
    return len(active)


def forum_reschedule(*, forum: Forum, by: Actor, starts_at, ends_at, venue: Venue | None) -> int:
    """Move the forum to a new time or venue. For a published forum, everyone registered
    is mailed the change with an updated calendar file and a reminder that they can
    cancel. Returns the number of people told (0 when nothing changed)."""
    if ends_at <= starts_at:
        raise RegistrationError(_("The forum must end after it starts."), code="ends_before_start")
    with transaction.atomic():
        forum = locked_forum(forum)
        before: dict[str, Any] = {"starts_at": forum.starts_at, "ends_at": forum.ends_at, "venue": forum.venue}
        after: dict[str, Any] = {"starts_at": starts_at, "ends_at": ends_at, "venue": venue}
        changed = [field for field in before if before[field] != after[field]]
        if not changed:
            return 0
        for field in changed:
            setattr(forum, field, after[field])
        fields = [field if field != "venue" else "venue_id" for field in changed]
        if forum.status != ForumStatus.PUBLISHED:
            forum.save(update_fields=[*fields, "updated_at"])  # nobody has been told of a draft
            return 0
        forum.rescheduled_at = clock.now()
        forum.calendar_sequence += 1
        if "starts_at" in changed:
            forum.reminders_sent_at = None  # a reminder again before the new date
            forum.previous_starts_at = before["starts_at"]
            fields += ["reminders_sent_at", "previous_starts_at"]
        forum.save(update_fields=[*fields, "rescheduled_at", "calendar_sequence", "updated_at"])

        active = list(Registration.objects.filter(forum=forum).active().order_by(*QUEUE_ORDER))
        details: dict[str, Any] = {
            "former_starts_at": timezone.localtime(before["starts_at"]).isoformat(),
            "former_ends_at": timezone.localtime(before["ends_at"]).isoformat(),
            "former_venue": str(before["venue"]) if before["venue"] else "",
            "former_venue_en": before["venue"].in_english if before["venue"] else "",
            "changed": changed,
        }
        mail.queue_for_each(active, RegistrationMail.FORUM_RESCHEDULED, details=details)
        action_record(by=by, action=Action.FORUM_RESCHEDULED, forum=forum, people_told=len(active), **details)
    return len(active)
