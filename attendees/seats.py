"""How a forum's seats are told, the same on the forum list, the desk, the statistics and
the result report: the confirmed seats over the capacity, and those admitted beyond it
at the door when there are any ("100 / 100 + 정원 외 1")."""

from django.utils.translation import gettext as _


def over_capacity_words(over: int) -> str:
    """ "+ 정원 외 1", or nothing while nobody was admitted beyond the capacity."""
    return _("+ %(count)d over capacity") % {"count": over} if over else ""


def seats_line(seated: int, capacity: int, over: int) -> str:
    return " ".join(filter(None, (f"{seated} / {capacity}", over_capacity_words(over))))
