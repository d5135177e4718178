"""What the desk and the admin say about one person's check-in, in the active language."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from attendees.models import Registration
from attendees.registrations.services import CheckIn, CheckInUndo


def check_in_message(registration: Registration, outcome: CheckIn) -> str:
    name = registration.name
    if outcome is CheckIn.CHECKED_IN:
        return _("%(name)s is checked in.") % {"name": name}
    if outcome is CheckIn.ALREADY:
        by = registration.checked_in_by.get_username() if registration.checked_in_by else _("the system")
        when = timezone.localtime(registration.checked_in_at).strftime("%H:%M")
        return _("%(name)s was already checked in at %(time)s by %(by)s.") % {"name": name, "time": when, "by": by}
    if outcome is CheckIn.WAITLISTED:
        return _("%(name)s is on the waiting list, not confirmed: not checked in.") % {"name": name}
    return _("%(name)s cancelled this registration: not checked in.") % {"name": name}


# An undo sent late (from a desk's offline queue) for a check-in that a later tap replaced.
STALE_UNDO = gettext_lazy(
    "Not undone: %(name)s was checked in again after the check-in this undo was for, and stays checked in."
)


def undo_message(registration: Registration, outcome: CheckInUndo) -> str:
    name = registration.name
    if outcome is CheckInUndo.UNDONE:
        return _("The check-in of %(name)s is undone.") % {"name": name}
    if outcome is CheckInUndo.CHECKED_IN_AGAIN:
        return STALE_UNDO % {"name": name}
    return _("%(name)s was not checked in.") % {"name": name}
