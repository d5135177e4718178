"""Removing attendees' personal data, to the letter of the consent notice.

A person's name, address, phone, organisation and position can be copied beyond their
registration row: into the mail queue (and its delivery log and attachments), into
mails not yet rendered, into the login lock-out records (an address typed as a
username), into the admin's log, and into sessions (a staff message naming them).
Erasure removes them from all of these, in one transaction.
"""

import dataclasses
import datetime
import json

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from post_office.models import Attachment, Email
from post_office.utils import cleanup_expired_mails

from attendees.contacts import address_key
from attendees.models import (
    PERSONAL_DATA_FIELDS,
    AccessRecord,
    Action,
    ActorKind,
    Answer,
    PendingMail,
    Registration,
    RegistrationStatus,
    new_check_in_code,
    new_management_token,
)
from attendees.questions.retention import answers_expired_erase
from attendees.records import action_records_for_each
from attendees.registrations.services import locked_forum, news_consents_expire, promote_into_free_seats
from attendees.registrations.transitions import registrations_move
from attendees.reporting.statistics import snapshots_take
from events.models import Forum
from forum_site.core import clock

ANONYMOUS_NAME = "-"


@dataclasses.dataclass(frozen=True)
class PurgeReport:
    registrations: int
    mails: int
    news_consents_lapsed: int = 0
    access_records: int = 0
    answers: int = 0


def _mails_to(addresses: set[str]):
    """post_office mails with any of these addresses among their recipients."""
    if not addresses:
        return Email.objects.none()
    candidates = Email.objects.none()
    for address in addresses:
        candidates = candidates | Email.objects.filter(to__icontains=address)
    # `to` is stored as comma-separated text: keep only exact recipients.
    return Email.objects.filter(
        pk__in=[email.pk for email in candidates if {address_key(recipient) for recipient in email.to} & addresses]
    )


def _erase_traces(people: list[dict]) -> int:
    """Remove every copy of these people's values outside their registration rows.
    Returns the number of mails deleted."""
    # A walk-in may have no address: an empty one must never match every mail.
    addresses = {address_key(person["email"]) for person in people if person["email"]}
    mails = _mails_to(addresses)
    deleted_mails = mails.count()
    mails.delete()  # their delivery log goes with them
    for attachment in Attachment.objects.filter(emails__isnull=True):
        attachment.file.delete(save=False)
        attachment.delete()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__in=addresses).delete()
    values = {value for person in people for value in person.values() if value}
    for session in Session.objects.iterator():
        data = json.dumps(session.get_decoded(), ensure_ascii=False, default=str)
        if any(value in data for value in values):
            session.delete()
    return deleted_mails


def _anonymize(registrations: list[Registration]) -> None:
    """Overwrite the personal fields, rotate the token so old links die, and rewrite the
    admin log's text of these registrations. Caller holds the locks."""
    now = clock.now()
    for registration in registrations:
        registration.name = ANONYMOUS_NAME
        registration.email = f"removed-{registration.pk}@invalid"
        registration.phone = ""
        registration.organization = ""
        registration.position = ""
        registration.token = new_management_token()
        registration.check_in_code = new_check_in_code()  # a badge photographed earlier checks no one in
        registration.consent_marketing = False
        registration.marketing_confirmed_at = None
        registration.anonymized_at = now
    Registration.objects.bulk_update(
        registrations,
        [
            *PERSONAL_DATA_FIELDS,
            "token",
            "check_in_code",
            "consent_marketing",
            "marketing_confirmed_at",
            "anonymized_at",
        ],
    )
    PendingMail.objects.filter(registration__in=registrations).delete()
    Answer.objects.filter(registration__in=registrations).delete()
    content_type = ContentType.objects.get_for_model(Registration)
    for registration in registrations:
        LogEntry.objects.filter(content_type=content_type, object_id=str(registration.pk)).update(
            object_repr=str(registration)
        )


def _people(registrations) -> list[dict]:
    return [{field: getattr(registration, field) for field in PERSONAL_DATA_FIELDS} for registration in registrations]


def _statistics_kept(now) -> None:
    # Every forum over, not only the ones purged now: a later forum's returning
    # attendees are counted against the emails of the earlier ones, about to go.
    snapshots_take(Forum.objects.filter(ends_at__lt=now).values_list("pk", flat=True))


def personal_data_purge(*, dry_run: bool = False) -> PurgeReport:
    """Remove the personal data of registrations whose forum ended more than the retention
    period ago, every mail older than that period, lapsed news requests, and access
    records past their own retention. Sector, status and timestamps stay, so attendance
    statistics still add up."""
    now = clock.now()
    cutoff = now - datetime.timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    due = Registration.objects.identifiable().filter(forum__ends_at__lt=cutoff)
    old_mails = Email.objects.filter(created__lt=cutoff)
    old_access_records = AccessRecord.objects.filter(
        at__lt=now - datetime.timedelta(days=settings.ACCESS_RECORD_RETENTION_DAYS)
    )
    if dry_run:
        return PurgeReport(
            registrations=due.count(), mails=old_mails.count(), access_records=old_access_records.count()
        )
    lapsed = news_consents_expire()
    with transaction.atomic():
        registrations = list(due.select_for_update())
        if registrations:
            _statistics_kept(now)
        people = _people(registrations)
        mails = _erase_traces(people)
        _anonymize(registrations)
        for forum_id in {registration.forum_id for registration in registrations}:
            changes = [(r, r.status, r.status) for r in registrations if r.forum_id == forum_id]
            action_records_for_each(
                by=ActorKind.SYSTEM, action=Action.PERSONAL_DATA_PURGED, forum=changes[0][0].forum, changes=changes
            )
        old, _attachments = cleanup_expired_mails(cutoff, delete_attachments=True)
        access_records, _by_model = old_access_records.delete()
        answers = answers_expired_erase(now)
    return PurgeReport(
        registrations=len(registrations),
        mails=mails + old,
        news_consents_lapsed=lapsed,
        access_records=access_records,
        answers=answers,
    )


def registration_erase(*, registration: Registration) -> list[Registration]:
    """The attendee deletes their registration now (PIPA Art. 36): an active one is
    cancelled first, its seat going to the next person waiting (one who was checked in
    came, and stays counted as such), then every personal value is removed at once.
    Allowed after the online cancellation deadline too. Returns the people promoted."""
    with transaction.atomic():
        forum = locked_forum(registration.forum)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        promoted = []
        if registration.status != RegistrationStatus.CANCELLED and registration.checked_in_at is None:
            # No mail: the address is about to be erased, at the person's own request.
            registrations_move(
                forum,
                [registration],
                to=RegistrationStatus.CANCELLED,
                by=ActorKind.ATTENDEE,
                action=Action.REGISTRATION_ERASED,
            )
            promoted = promote_into_free_seats(forum, by=ActorKind.ATTENDEE)
        else:
            action_records_for_each(
                by=ActorKind.ATTENDEE,
                action=Action.REGISTRATION_ERASED,
                forum=forum,
                changes=[(registration, registration.status, registration.status)],
            )
        if forum.ends_at < clock.now():
            _statistics_kept(clock.now())
        _erase_traces(_people([registration]))
        _anonymize([registration])
    return promoted
