"""Every change of a registration: create, cancel, promote, check in, correct, resend.

Each runs in one transaction that first locks the forum row, so that seat counts are
read and changed by one request at a time: a forum never confirms more people than it
has seats. In the same transaction it decides the mail that reports the change
(attendees/outbox/mail.py) and records who made the change (attendees/records.py), so a
change, its mail and its record are stored together or not at all.

`by` names who acts: a staff account, ActorKind.ATTENDEE (the person, online or through
their link) or ActorKind.SYSTEM (a command).
"""

import datetime
import enum
import logging
import uuid
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from attendees.models import (
    ALREADY_REGISTERED,
    PERSON_FIELDS,
    PERSONAL_DATA_FIELDS,
    SELF_EDITABLE_FIELDS,
    Action,
    ActorKind,
    Registration,
    RegistrationStatus,
    Subscription,
    ahead_of,
    cancellation_is_open,
)
from attendees.news.subscriptions import subscription_confirmed, subscription_end_for_address
from attendees.questions.answers import answers_replace, answers_save, places_check
from attendees.questions.form_fields import Given
from attendees.records import Actor, action_record
from attendees.registrations import mails, normalize
from attendees.registrations.consent import CONSENT_VERSION
from attendees.registrations.errors import RegistrationError
from attendees.registrations.mails import RegistrationMail
from attendees.registrations.transitions import registrations_move
from events.models import Forum, ForumStatus
from forum_site.core import clock

logger = logging.getLogger(__name__)


class AlreadyRegistered(RegistrationError):
    def __init__(self):
        super().__init__(
            _("This email address is already registered for this forum. We have sent its management link to it again."),
            code="already_registered",
        )


# A repeated registration mails the existing one's link at most this often per address
# and forum: posting someone's address in a loop must not flood their mailbox.
MANAGEMENT_LINK_INTERVAL = datetime.timedelta(hours=1)


def is_staff(by: Actor) -> bool:
    return not isinstance(by, ActorKind)


def locked_forum(forum: Forum) -> Forum:
    """The lock that serialises every seat count of this forum (a no-op on SQLite, where
    IMMEDIATE transactions already serialise writers). Call inside transaction.atomic()."""
    return Forum.objects.select_for_update().get(pk=forum.pk)


def registration_cancellable(registration: Registration) -> bool:
    """Whether the attendee may still cancel online (the deadline falls before the forum)."""
    return registration.status != RegistrationStatus.CANCELLED and cancellation_is_open(registration.forum)


def desk_registration_open(forum: Forum) -> bool:
    """Staff may register someone for a published forum that has not ended, whatever the
    online registration window says."""
    return forum.status == ForumStatus.PUBLISHED and clock.now() < forum.ends_at


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first in line; None when not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    # The same order as the queue itself: time of registration, then id for ties.
    ahead = (
        Registration.objects.filter(forum_id=registration.forum_id)
        .waitlisted()
        .filter(ahead_of(registration.created_at, registration.pk))
    )
    return ahead.count() + 1


def registration_create(
    *,
    forum: Forum,
    name: str,
    email: str,
    organization: str,
    position: str,
    sector: str,
    consent_privacy: bool,
    by: Actor = ActorKind.ATTENDEE,
    phone: str = "",
    consent_marketing: bool = False,
    language: str = "ko",
    walk_in: bool = False,
    admit_over_capacity: bool = False,
    answers: Sequence[Given] = (),
) -> Registration:
    """Register a person: confirmed while seats are free, otherwise on the waiting list.
    Staff registering someone at the desk are bound not by the online window but by
    desk_registration_open().

    Input is made canonical here as in the forms (ValidationError when it cannot be).
    Consent counts only as True itself: a truthy "no" or "0" is not consent.
    An address already registered raises AlreadyRegistered after its link is mailed again.

    A walk-in (staff only) may come without an email address; when the forum is full,
    staff may admit them over capacity, which confirms them without taking a seat.

    The answers to the forum's questions are stored with it, their options' places
    counted under the same lock as the seats: OptionFull when one is gone, and nothing
    is stored.
    """
    if (walk_in or admit_over_capacity) and not is_staff(by):
        raise ValueError("Only staff register walk-ins.")
    if consent_privacy is not True:
        raise RegistrationError(
            _("Registration needs your consent to the use of your personal data."), code="no_consent"
        )
    details = {"name": name, "phone": phone, "organization": organization, "position": position}
    if email.strip() or not walk_in:
        details["email"] = email
    person = {"email": "", **normalize.person_details(**details)}
    fields = dict(
        by=by,
        sector=sector,
        consent_marketing=consent_marketing is True,
        language=language,
        walk_in=walk_in,
        admit_over_capacity=admit_over_capacity,
        answers=list(answers),
        **person,
    )
    try:
        registration = _registration_create_once(forum, fields)
    except IntegrityError:
        # The same address registered at the same instant and won the unique index: it is
        # an existing registration now, and is answered as one.
        registration = _registration_create_once(forum, fields)
    logger.info("registration %s for forum %s: %s", registration.pk, forum.pk, registration.status)
    return registration


def _active_registration(forum: Forum, email: str) -> Registration | None:
    if not email:
        return None
    # Nearly every post is a new address: ask for the key alone, the row only when there is one.
    pk = Registration.objects.filter(forum=forum, email=email).active().values_list("pk", flat=True).first()
    return None if pk is None else Registration.objects.get(pk=pk)


def _registration_create_once(forum: Forum, fields: dict) -> Registration:
    by = fields["by"]
    with transaction.atomic():
        # Looked up before the lock, which is held for as little as possible; the unique
        # index (one active registration per address and forum) settles a race.
        existing = _active_registration(forum, fields["email"])
        forum = locked_forum(forum)
        allowed = desk_registration_open(forum) if is_staff(by) else forum.is_registration_open
        if not allowed:
            raise RegistrationError(_("Registration for this forum is closed."), code="closed")
        if existing is not None:
            _management_link_resend(existing)
        else:
            return _registration_insert(forum=forum, **fields)
    # Raised after the commit, so the re-sent link is really queued.
    raise AlreadyRegistered()


def _management_link_resend(registration: Registration) -> None:
    """Mail the link of an existing registration again, at most once per interval. Caller holds the lock."""
    now = clock.now()
    last = registration.management_link_sent_at
    if last is not None and now - last < MANAGEMENT_LINK_INTERVAL:
        return
    registration.management_link_sent_at = now
    registration.save(update_fields=["management_link_sent_at"])
    mails.queue_management_link(registration)


def _registration_insert(
    *, forum, by, consent_marketing, walk_in, admit_over_capacity, answers, **person
) -> Registration:
    """Store the registration with the status its seat allows, and its answers; queue its
    mail, record it. Caller holds the lock."""
    places_check(answers)
    has_seat = not forum.is_full
    over_capacity = not has_seat and walk_in and admit_over_capacity
    registration = Registration(
        forum=forum,
        **person,
        walk_in=walk_in,
        over_capacity=over_capacity,
        consent_privacy=True,
        consent_marketing=consent_marketing,
        consent_version=CONSENT_VERSION,
        consented_at=clock.now(),
    )
    confirmed = has_seat or over_capacity
    registrations_move(
        forum,
        [registration],
        to=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITLISTED,
        by=by,
        action=Action.DESK_REGISTRATION if is_staff(by) else Action.REGISTRATION_CREATED,
        mail_kind=RegistrationMail.CONFIRMATION if confirmed else RegistrationMail.WAITLISTED,
        **({"walk_in": True, "over_capacity": over_capacity} if walk_in else {}),
    )
    answers_save(registration, answers)
    return registration


def promote_into_free_seats(forum: Forum, *, by: Actor) -> list[Registration]:
    """Move people from the head of the waiting list into free seats. Caller holds the lock."""
    free = forum.seats_left
    if free <= 0:
        return []
    promoted = list(Registration.objects.filter(forum=forum).waitlisted()[:free])
    _promote(forum, promoted, by=by)
    return promoted


def _promote(forum: Forum, registrations: list[Registration], *, by: Actor) -> None:
    if registrations:
        registrations_move(
            forum,
            registrations,
            to=RegistrationStatus.CONFIRMED,
            by=by,
            action=Action.REGISTRATION_PROMOTED,
            mail_kind=RegistrationMail.PROMOTED,
        )


def registration_cancel(*, registration: Registration, by: Actor) -> list[Registration]:
    """Cancel a registration; a freed seat goes to the first person waiting.
    Returns the people promoted. Attendees cannot cancel after the deadline; staff can."""
    with transaction.atomic():
        forum = locked_forum(registration.forum)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            raise RegistrationError(_("This registration is already cancelled."), code="already_cancelled")
        if not is_staff(by) and not cancellation_is_open(forum):
            raise RegistrationError(
                _("Online cancellation has closed for this forum. Please contact the organizers."),
                code="cancellation_closed",
            )
        _cancel(forum, [registration], by=by)
        promoted = promote_into_free_seats(forum, by=by)
    logger.info("registration %s cancelled; promoted %s", registration.pk, [r.pk for r in promoted])
    return promoted


def registrations_cancel(*, registrations, by: Actor) -> tuple[int, list[Registration]]:
    """Cancel many registrations at once (staff undoing a flood of made-up ones): all of a
    forum's under one lock, and only then are its freed seats given to those still
    waiting, in order, so that no one selected is promoted on the way out. Those checked
    in are left as they are: they came.
    Returns how many were cancelled and who was promoted."""
    ids = list(registrations.cancellable().values_list("pk", flat=True))
    forum_ids = sorted(set(Registration.objects.filter(pk__in=ids).values_list("forum_id", flat=True)))
    cancelled, promoted = 0, []
    for forum_id in forum_ids:  # in one order, so two staff cancelling at once cannot deadlock
        with transaction.atomic():
            forum = Forum.objects.select_for_update().get(pk=forum_id)
            chosen = list(
                Registration.objects.select_for_update().filter(forum=forum, pk__in=ids).cancellable().order_by("pk")
            )
            _cancel(forum, chosen, by=by)
            cancelled += len(chosen)
            promoted += promote_into_free_seats(forum, by=by)
    return cancelled, promoted


def _cancel(forum: Forum, registrations: list[Registration], *, by: Actor) -> None:
    """Cancel these registrations, each with its mail and its record. Caller holds both locks."""
    registrations_move(
        forum,
        registrations,
        to=RegistrationStatus.CANCELLED,
        by=by,
        action=Action.REGISTRATION_CANCELLED,
        mail_kind=RegistrationMail.CANCELLED,
    )


def registration_promote(*, registration: Registration, by: Actor) -> None:
    """Give a free seat to this waiting person, out of turn (staff's choice)."""
    with transaction.atomic():
        forum = locked_forum(registration.forum)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.WAITLISTED:
            raise RegistrationError(_("Only people on the waiting list can be promoted."), code="not_waitlisted")
        if forum.is_full:
            raise RegistrationError(_("The forum is full: raise its capacity first."), code="full")
        _promote(forum, [registration], by=by)


def forum_capacity_change(*, forum: Forum, capacity: int, by: Actor) -> list[Registration]:
    """Set the capacity; raising it promotes people waiting, first come first served.
    Lowering it below the confirmed count confirms nobody new but cancels nobody."""
    with transaction.atomic():
        locked = locked_forum(forum)
        before = locked.capacity
        locked.capacity = capacity
        locked.save(update_fields=["capacity", "updated_at"])
        forum.capacity = capacity
        action_record(by=by, action=Action.CAPACITY_CHANGED, forum=locked, before=str(before), after=str(capacity))
        return promote_into_free_seats(locked, by=by)


def registration_resend_confirmation(*, registration: Registration, by: Actor) -> None:
    """Queue again the mail that tells the person where they stand."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CONFIRMED:
            mails.queue_confirmation(registration)
        elif (position := waitlist_position(registration)) is not None:
            mails.queue_waitlisted(registration, position=position)
        else:
            mails.queue_cancelled(registration)
        action_record(
            by=by,
            action=Action.MAIL_RESENT,
            registration=registration,
            before=registration.status,
            after=registration.status,
        )


# What staff may correct in a registration's change form (the person's, models.SELF_EDITABLE_FIELDS).
# Status and timestamps are not among them: they change only through the services above.
EDITABLE_DETAILS = PERSON_FIELDS


def registration_details_update(
    *, registration: Registration, changes: dict, by: Actor, answers: Sequence[Given] | None = None
) -> Registration:
    """Save corrections of a person's details (and, when `answers` is given, their answers
    to the forum's questions), and nothing else.

    Only the changed fields are written, under the forum lock, so an edit made on a page
    loaded before a concurrent cancellation can never write the old status back (and so
    can never overbook). Values are made canonical as everywhere else; an address that
    another active registration of the forum holds is a ValidationError on "email". The
    answers' places are counted under the same lock, the person's own not against them
    (OptionFull when one is gone).
    """
    allowed = EDITABLE_DETAILS if is_staff(by) else SELF_EDITABLE_FIELDS
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    person = {field: value for field, value in changes.items() if field in PERSONAL_DATA_FIELDS}
    cleaned = {**changes, **normalize.person_details(**person)}
    with transaction.atomic():
        locked_forum(registration.forum)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if "email" in cleaned and current.status != RegistrationStatus.CANCELLED:
            taken = Registration.objects.filter(forum_id=current.forum_id, email=cleaned["email"]).active()
            if taken.exclude(pk=current.pk).exists():
                raise ValidationError({"email": ALREADY_REGISTERED})
        changed = sorted(field for field, value in cleaned.items() if getattr(current, field) != value)
        if answers is not None:
            places_check(list(answers), holder=current)
            answers_replace(current, list(answers))
        if not changed and answers is None:
            return current
        for field in changed:
            setattr(current, field, cleaned[field])
        try:
            with transaction.atomic():
                if changed:
                    current.save(update_fields=changed)
        except IntegrityError:  # the unique index, should a check above ever miss
            raise ValidationError({"email": ALREADY_REGISTERED}) from None
        # The names of the fields, never their values: the record outlives the purge.
        fields = changed + (["answers"] if answers is not None else [])
        action_record(by=by, action=Action.DETAILS_CORRECTED, registration=current, fields=fields)
    return current


def registration_news_confirm(*, registration: Registration) -> bool:
    """The mailbox's owner confirms the news they asked for (double opt-in).
    False when there is nothing to confirm: no news asked for, or already confirmed."""
    with transaction.atomic():
        updated = (
            Registration.objects.identifiable()
            .filter(pk=registration.pk, consent_marketing=True, marketing_confirmed_at__isnull=True)
            .update(marketing_confirmed_at=clock.now())
        )
        if updated:
            action_record(by=ActorKind.ATTENDEE, action=Action.NEWS_CONFIRMED, registration=registration)
            subscription_confirmed(
                email=registration.email, language=registration.language, consent_version=registration.consent_version
            )
    return bool(updated)


def registration_news_withdraw(*, registration: Registration, by: Actor) -> bool:
    """Withdraw consent to news, at once (PIPA Art. 37), and mail a confirmation.
    False when there was no consent to withdraw."""
    with transaction.atomic():
        updated = Registration.objects.filter(pk=registration.pk, consent_marketing=True).update(
            consent_marketing=False, marketing_confirmed_at=None
        )
        if updated:
            action_record(by=by, action=Action.NEWS_WITHDRAWN, registration=registration)
            subscription_end_for_address(registration.email, how=Subscription.Ended.REGISTRATION)
            mails.queue_news_withdrawn(registration)
    return bool(updated)


def news_consents_expire() -> int:
    """Withdraw news consents whose mailbox never confirmed them within the confirmation
    period (NEWS_CONFIRMATION_DAYS). Returns how many lapsed."""
    cutoff = clock.now() - datetime.timedelta(days=settings.NEWS_CONFIRMATION_DAYS)
    with transaction.atomic():
        lapsed = Registration.objects.filter(
            consent_marketing=True, marketing_confirmed_at__isnull=True, consented_at__lt=cutoff
        ).update(consent_marketing=False)
        if lapsed:
            action_record(by=ActorKind.SYSTEM, action=Action.NEWS_REQUESTS_LAPSED, lapsed=lapsed)
    return lapsed


class CheckIn(enum.Enum):
    """What checking a person in came to, for the desk and the admin to say per person."""

    CHECKED_IN = "checked_in"
    ALREADY = "already"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


def registration_check_in(*, registration: Registration, by: Actor, check_in_id: str = "") -> CheckIn:
    """Mark a confirmed person as arrived. Twice is one check-in (the second is ALREADY);
    a waiting or cancelled registration is refused. `check_in_id` names the check-in (the
    desk's tap); one is made when not given."""
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.WAITLISTED:
            return CheckIn.WAITLISTED
        if current.status == RegistrationStatus.CANCELLED:
            return CheckIn.CANCELLED
        if current.checked_in_at is not None:
            if check_in_id and check_in_id != current.check_in_id:
                # Another tap for the same arrival (the other desk saw the person too): an
                # undo sent before it, for the earlier tap, no longer applies.
                current.check_in_id = check_in_id[:64]
                current.save(update_fields=["check_in_id"])
            return CheckIn.ALREADY
        current.checked_in_at = clock.now()
        current.checked_in_by = by if is_staff(by) else None
        current.check_in_id = check_in_id[:64] or uuid.uuid4().hex
        current.save(update_fields=["checked_in_at", "checked_in_by", "check_in_id"])
        action_record(
            by=by,
            action=Action.REGISTRATION_CHECKED_IN,
            registration=current,
            before=RegistrationStatus.CONFIRMED,
            after="checked_in",
        )
    return CheckIn.CHECKED_IN


class CheckInUndo(enum.Enum):
    UNDONE = "undone"
    NOT_CHECKED_IN = "not_checked_in"
    # The check-in the undo named was undone, and the person checked in again since (at
    # another desk, or at this one): that later check-in stands.
    CHECKED_IN_AGAIN = "checked_in_again"


def registration_check_in_undo(*, registration: Registration, by: Actor, check_in_id: str = "") -> CheckInUndo:
    """Take back a check-in made by mistake: the one named `check_in_id` (a desk's undo,
    maybe sent late from its offline queue), or whichever stands (the admin's)."""
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.checked_in_at is None:
            return CheckInUndo.NOT_CHECKED_IN
        if check_in_id and check_in_id != current.check_in_id:
            return CheckInUndo.CHECKED_IN_AGAIN
        current.checked_in_at = None
        current.checked_in_by = None
        current.check_in_id = ""
        current.save(update_fields=["checked_in_at", "checked_in_by", "check_in_id"])
        action_record(
            by=by, action=Action.CHECK_IN_UNDONE, registration=current, before="checked_in", after=current.status
        )
    return CheckInUndo.UNDONE


def guest_arrival(*, guest, by: Actor, arrived: bool = True) -> bool:
    """Mark an invited guest as arrived (or take it back). False when nothing changed."""
    with transaction.atomic():
        updated = (
            type(guest)
            .objects.filter(pk=guest.pk, arrived_at__isnull=arrived)
            .update(arrived_at=clock.now() if arrived else None)
        )
        if updated:
            action = Action.GUEST_ARRIVED if arrived else Action.GUEST_ARRIVAL_UNDONE
            action_record(by=by, action=action, forum=guest.forum, guest=guest.pk)
    return bool(updated)
