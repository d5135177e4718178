"""After a forum, once its report is published: a thank-you with the report's link and
the first photos, to everyone who came and, if staff choose, to those who registered and
did not. Each person is thanked once however often staff send it: `thanked_at` is set,
under the rows' locks, in the transaction that queues the mail."""

import dataclasses

from django.db import transaction

from attendees.certificates.issuing import attended
from attendees.models import Action, Registration
from attendees.news.mails import NewsMail
from attendees.outbox.mail import queue_for_each
from attendees.records import Actor, action_record
from attendees.surveys.invitations import survey_invitations_create
from events.models import Forum
from forum_site.core import clock


@dataclasses.dataclass(frozen=True)
class ThankYouGroups:
    """How many people each group holds, and how many of them are still to be thanked."""

    came: int
    came_not_yet_thanked: int
    did_not_come: int
    did_not_come_not_yet_thanked: int


def _came(forum: Forum):
    return attended().filter(forum=forum).exclude(email="")


def _did_not_come(forum: Forum):
    return Registration.objects.did_not_come().identifiable().filter(forum=forum).exclude(email="")


def thank_you_groups(forum: Forum) -> ThankYouGroups:
    came, absent = _came(forum), _did_not_come(forum)
    return ThankYouGroups(
        came=came.count(),
        came_not_yet_thanked=came.filter(thanked_at__isnull=True).count(),
        did_not_come=absent.count(),
        did_not_come_not_yet_thanked=absent.filter(thanked_at__isnull=True).count(),
    )


def thank_you_send(*, forum: Forum, include_absent: bool, by: Actor) -> int:
    """Queue the thank-you to each person of the groups not yet thanked, on record with who
    sent it; returns how many. Only for a forum whose report is public: the mail links to it."""
    if not forum.report_is_public:
        raise ValueError("the forum's report is not published")
    groups = [(_came(forum), NewsMail.THANK_YOU)]
    if include_absent:
        groups.append((_did_not_come(forum), NewsMail.SORRY_WE_MISSED_YOU))
    queued = 0
    with transaction.atomic():
        now = clock.now()
        for people, kind in groups:
            # Locked, then read again: a second run waits here and finds them thanked.
            chosen = list(people.filter(thanked_at__isnull=True).select_for_update().order_by("pk"))
            Registration.objects.filter(pk__in=[person.pk for person in chosen]).update(thanked_at=now)
            if kind == NewsMail.THANK_YOU:
                survey_invitations_create(forum, chosen)  # the thank-you carries their survey link
            queue_for_each(chosen, kind)
            queued += len(chosen)
        action_record(
            by=by, action=Action.THANK_YOU_SENT, forum=forum, people_told=queued, include_absent=include_absent
        )
    return queued
