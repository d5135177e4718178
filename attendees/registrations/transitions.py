"""The one way a registration's status changes: registrations_move().

Registering, a promotion, a cancellation (by the person, by staff, of a flood, of a whole
forum) and the person's own deletion all call it, as pretalx routes every change of a
submission through one function. It writes the rows, moves the forum's seat counters,
records each change with its actor, and queues each person's mail, all in the caller's
transaction: numbers that disagree cannot be produced by one path forgetting a step.

It also holds the one table of legal moves (LEGAL_MOVES): no caller can write a status
that the table does not allow, and a person who was checked in is never cancelled, so
that "came" and "let in" can never disagree.
"""

from django.utils.translation import gettext_lazy as _

from attendees.models import Action, Registration, RegistrationStatus
from attendees.outbox import mail
from attendees.records import Actor, action_records_for_each
from attendees.registrations.errors import RegistrationError
from attendees.registrations.mails import RegistrationMail, queue_waitlisted
from attendees.registrations.seat_counts import seat_counts_move
from events.models import Forum
from forum_site.core import clock
from forum_site.core.page_cache import content_changed

CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)

# From a status (None: not yet registered) to the statuses it may move to. A cancellation
# is final: registering again is a new registration. A checked-in person is confirmed and
# stays so (MoveRefused below): who came cannot be un-came by a cancellation.
LEGAL_MOVES: dict[str | None, frozenset[str]] = {
    None: frozenset({CONFIRMED, WAITLISTED}),
    WAITLISTED: frozenset({CONFIRMED, CANCELLED}),
    CONFIRMED: frozenset({CANCELLED}),
    CANCELLED: frozenset(),
}


class MoveRefused(RegistrationError):
    """A move the table does not allow, or the cancellation of someone who came."""


def move_refusal(registration: Registration, before: str | None, to: str) -> MoveRefused | None:
    """Why `registration` may not go from `before` to `to`, or None when it may."""
    if to == CANCELLED and registration.checked_in_at is not None:
        return MoveRefused(
            _("This person has been checked in: undo the check-in at the desk before cancelling."),
            code="checked_in",
        )
    if to not in LEGAL_MOVES[before]:
        return MoveRefused(
            _("A registration cannot move from “%(before)s” to “%(after)s”.")
            % {"before": RegistrationStatus(before).label if before else "—", "after": RegistrationStatus(to).label},
            code="illegal_move",
        )
    return None


def registrations_move(
    forum: Forum,
    registrations: list[Registration],
    *,
    to: str,
    by: Actor,
    action: Action,
    mail_kind: RegistrationMail | None = None,
    **details,
) -> None:
    """Move these registrations of `forum` to status `to`; a new one (not yet stored) is
    stored with it. Each change is recorded as `action` by `by` (with `details`), and
    each person is sent `mail_kind` (none when None; a new place in line is told its
    position). Caller holds the forum's lock (services.locked_forum).

    A registration already in `to` is left as it is: no write, no record, no mail. Any move
    LEGAL_MOVES does not allow raises MoveRefused before anything is written."""
    now = clock.now()
    registrations = [r for r in registrations if r.pk is None or r.status != to]
    for registration in registrations:
        if (refusal := move_refusal(registration, registration.status if registration.pk else None, to)) is not None:
            raise refusal
    if not registrations:
        return
    moves = []
    for registration in registrations:
        moves.append((registration, registration.status if registration.pk is not None else None))
        registration.status = to
        if to == RegistrationStatus.CANCELLED:
            registration.cancelled_at = now
    stored = [registration.pk for registration, before in moves if before is not None]
    for registration, before in moves:
        if before is None:
            registration.save()
    if stored:
        written = {"status": to} | ({"cancelled_at": now} if to == RegistrationStatus.CANCELLED else {})
        Registration.objects.filter(pk__in=stored).update(**written)
        content_changed()  # the public seat counts moved, and update() sends no signal
    seat_counts_move(forum, moves)
    action_records_for_each(
        by=by,
        action=action,
        forum=forum,
        changes=[(registration, before or "", to) for registration, before in moves],
        **details,
    )
    if mail_kind == RegistrationMail.WAITLISTED:
        # Last in line, in this order: the positions are the end of the line, no count needed.
        first = forum.waiting_count - len(registrations) + 1
        for offset, registration in enumerate(registrations):
            queue_waitlisted(registration, position=first + offset)
    elif mail_kind is not None:
        mail.queue_for_each(registrations, mail_kind)
