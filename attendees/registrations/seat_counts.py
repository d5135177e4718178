"""A forum's seat counters (Forum.seats_taken, Forum.waiting_count,
Forum.over_capacity_count), kept by the registration services under the forum's row lock:
whether a seat is free is one read of the locked row, not a count of every registration,
however many there are.

A walk-in admitted over capacity is confirmed but takes no seat: a seat freed later still
goes to the first person waiting. They are counted apart ("100 / 100 + 정원 외 1").
"""

from collections.abc import Sequence

from django.db.models import F

from attendees.models import Registration, RegistrationStatus
from events.models import Forum


def _takes_seat(status: str, over_capacity: bool) -> bool:
    """SEATED (attendees/models/registrations.py), of a registration in hand."""
    return status == RegistrationStatus.CONFIRMED and not over_capacity


def _beyond_capacity(status: str | None, over_capacity: bool) -> bool:
    """OVER_CAPACITY (attendees/models/registrations.py), of a registration in hand."""
    return status == RegistrationStatus.CONFIRMED and over_capacity


def seat_counts_move(forum: Forum, moves: Sequence[tuple[Registration, str | None]]) -> None:
    """Each registration went from status `before` (None: it is new) to its status now.
    Caller holds the lock on `forum`, and its counters are updated too, in one query."""
    seats = waiting = over = 0
    for registration, before in moves:
        flag = registration.over_capacity
        seats += int(_takes_seat(registration.status, flag)) - int(before is not None and _takes_seat(before, flag))
        waiting += int(registration.status == RegistrationStatus.WAITLISTED) - int(
            before == RegistrationStatus.WAITLISTED
        )
        over += int(_beyond_capacity(registration.status, flag)) - int(_beyond_capacity(before, flag))
    if seats or waiting or over:
        Forum.objects.filter(pk=forum.pk).update(
            seats_taken=F("seats_taken") + seats,
            waiting_count=F("waiting_count") + waiting,
            over_capacity_count=F("over_capacity_count") + over,
        )
        forum.seats_taken += seats
        forum.waiting_count += waiting
        forum.over_capacity_count += over


def seat_counts_true(forum: Forum) -> tuple[int, int]:
    """Seats taken and people waiting, counted from the registrations themselves."""
    registrations = Registration.objects.filter(forum=forum)
    return (
        registrations.seated().count(),
        registrations.filter(status=RegistrationStatus.WAITLISTED).count(),
    )


def over_capacity_true(forum: Forum) -> int:
    """Those admitted beyond the capacity, counted from the registrations themselves."""
    return Registration.objects.filter(forum=forum).over_capacity().count()


def seat_counts_recount(forum: Forum) -> None:
    """Set the counters from the registrations (after a change of many at once)."""
    forum.seats_taken, forum.waiting_count = seat_counts_true(forum)
    forum.over_capacity_count = over_capacity_true(forum)
    Forum.objects.filter(pk=forum.pk).update(
        seats_taken=forum.seats_taken, waiting_count=forum.waiting_count, over_capacity_count=forum.over_capacity_count
    )
