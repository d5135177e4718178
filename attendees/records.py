"""The site's two records: every state change (who, when, before and after) and every
staff look at attendees' personal data. Services write the first in the change's own
transaction; the registration admin writes the second."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils.translation import gettext as _

from attendees.models import AccessKind, AccessRecord, Action, ActionRecord, ActorKind, Registration, RegistrationStatus
from events.models import ForumStatus
from forum_site.core.client_address import client_ip

# Who acted: a staff account, or one of these.
Actor = AbstractBaseUser | ActorKind


def _actor_fields(by: Actor) -> dict:
    if isinstance(by, ActorKind):
        if by == ActorKind.STAFF:
            raise ValueError("A staff action names the staff account, not ActorKind.STAFF.")
        return {"actor_kind": by, "actor": None}
    return {"actor_kind": ActorKind.STAFF, "actor": by}


def action_record(
    *, by: Actor, action: Action, forum=None, registration=None, before: str = "", after: str = "", **details
) -> ActionRecord:
    """Record one state change. `details` hold ids, counts, field names or a stated reason:
    never a person's name, address or phone."""
    return ActionRecord.objects.create(
        **_actor_fields(by),
        action=action,
        forum=forum if forum is not None else getattr(registration, "forum", None),
        registration=registration,
        before=before,
        after=after,
        details=details,
    )


def action_records_for_each(*, by: Actor, action: Action, forum, changes: Iterable[tuple], **details) -> None:
    """One record per registration of `changes` ((registration, before, after), ...), in one query."""
    actor = _actor_fields(by)
    ActionRecord.objects.bulk_create(
        ActionRecord(
            **actor, action=action, forum=forum, registration=registration, before=before, after=after, details=details
        )
        for registration, before, after in changes
    )


def access_record(request, *, kind: AccessKind, registration_ids: Iterable[int] = (), row_count=None, **details):
    """Record that the request's staff account handled personal data of these registrations."""
    ids = sorted(registration_ids)
    return AccessRecord.objects.create(
        user=request.user,
        username=request.user.get_username(),
        ip_address=client_ip(request),
        kind=kind,
        registration_ids=ids,
        row_count=len(ids) if row_count is None else row_count,
        details=details,
    )


def state_label(value: str) -> str:
    """A stored state in words, in the active language."""
    for choices in (RegistrationStatus, ForumStatus):
        if value in choices.values:
            return str(choices(value).label)
    return _("checked in") if value == "checked_in" else value


def recorded_state(record: ActionRecord, value: str) -> str:
    """A record's before or after in words: a capacity as its number, a state by its label."""
    return value if record.action == Action.CAPACITY_CHANGED else state_label(value)


def history_row(record: ActionRecord) -> dict:
    """A record as a row of an admin history page (attendees/admin/history.html)."""
    return {
        "at": record.at,
        "who": record.actor_display,
        "what": record.get_action_display(),
        "details": describe(record),
    }


def _field_label(name: str) -> str:
    field = Registration._meta.get_field(name)
    return str(field.verbose_name) if isinstance(field, models.Field) else name


def describe(record: ActionRecord) -> str:
    """What a record says, for staff, in the active language: states by their labels,
    fields by their verbose names."""
    parts = []
    if record.before or record.after:
        parts.append(f"{recorded_state(record, record.before) or '–'} → {recorded_state(record, record.after)}")
    details = record.details
    if "fields" in details:
        names = [_field_label(field) for field in details["fields"]]
        parts.append(_("corrected: %(fields)s") % {"fields": ", ".join(names)})
    if "reason" in details:
        parts.append(_("reason: %(reason)s") % {"reason": details["reason"]})
    if "people_told" in details:
        parts.append(_("%(count)s people told") % {"count": details["people_told"]})
    if details.get("ended"):
        parts.append(_("%(count)s subscriptions ended") % {"count": details["ended"]})
    if "lapsed" in details:
        parts.append(_("%(count)s news requests lapsed") % {"count": details["lapsed"]})
    if "former_starts_at" in details:
        parts.append(_("formerly %(when)s") % {"when": details["former_starts_at"][:16].replace("T", " ")})
    if details.get("cause") == "forum_cancelled":
        parts.append(_("the forum was cancelled"))
    return "; ".join(parts)
