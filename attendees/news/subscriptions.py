"""News of later forums, for those who asked for it: the subscription a confirmed news
consent becomes, the announcement of a forum to every subscriber, unsubscribing, and the
reconfirmation that Korean law asks for every two years.

A subscription is made when the mailbox confirms the news it ticked on a registration
(double opt-in), and is kept apart from the registration so that it outlives the purge.
Every announcement carries a one-click unsubscribe link and the List-Unsubscribe headers
of RFC 8058; an unsubscribe ends the subscription at once, and its time and way are kept.

Two years after the consent was last given or reconfirmed, the subscriber is asked to
reconfirm; without an answer within 30 days the subscription ends.
"""

import datetime

from django.db import transaction

from attendees.contacts import address_key
from attendees.models import Action, ActorKind, PendingMail, Subscription
from attendees.news.mails import NewsMail
from attendees.outbox.mail import deliver_with_the_change
from attendees.records import Actor, action_record
from events.models import Forum
from forum_site.core import clock

RECONFIRM_AFTER = datetime.timedelta(days=2 * 365)
RECONFIRM_WITHIN = datetime.timedelta(days=30)


def subscription_confirmed(*, email: str, language: str, consent_version: str) -> Subscription:
    """The mailbox confirmed it wants news: a new subscription, or one renewed."""
    now = clock.now()
    subscription, _created = Subscription.objects.update_or_create(
        email=address_key(email),
        defaults={
            "language": language,
            "consented_at": now,
            "consent_version": consent_version,
            "reconfirmed_at": now,
            "reconfirmation_requested_at": None,
            "ended_at": None,
            "ended_how": "",
        },
    )
    return subscription


def subscription_end(subscription: Subscription, *, how: str) -> bool:
    """Unsubscribe, at once: the address goes, the time and the way stay on record, and
    mail queued for it and not yet sent is dropped. False if it had ended."""
    with transaction.atomic():
        ended = Subscription.objects.filter(pk=subscription.pk, ended_at__isnull=True).update(
            ended_at=clock.now(), ended_how=how, email=f"ended-{subscription.pk}@invalid"
        )
        PendingMail.objects.filter(subscription=subscription, email__isnull=True).delete()
    return bool(ended)


def subscription_end_for_address(email: str, *, how: str) -> bool:
    found = Subscription.objects.filter(email=address_key(email), ended_at__isnull=True).first()
    return found is not None and subscription_end(found, how=how)


def subscription_reconfirm(subscription: Subscription) -> bool:
    """The subscriber says yes again; False if the subscription has ended (subscribe anew then)."""
    return bool(
        Subscription.objects.filter(pk=subscription.pk, ended_at__isnull=True).update(
            reconfirmed_at=clock.now(), reconfirmation_requested_at=None
        )
    )


def active_subscriptions():
    return Subscription.objects.filter(ended_at__isnull=True)


def _queue_for_subscriptions(subscriptions, kind: NewsMail, details: dict) -> int:
    created = PendingMail.objects.bulk_create(
        PendingMail(subscription=subscription, recipient=subscription.email, kind=kind, details=details)
        for subscription in subscriptions
    )
    deliver_with_the_change([pending.pk for pending in created])
    return len(created)


def forum_announce(forum: Forum, *, by: Actor) -> int | None:
    """Announce the forum to every current subscriber, each once, in their language, on
    record with who sent it. Returns how many were written to, or None if the forum was
    announced already."""
    with transaction.atomic():
        taken = Forum.objects.filter(pk=forum.pk, announced_at__isnull=True).update(announced_at=clock.now())
        if not taken:
            return None
        written = _queue_for_subscriptions(
            active_subscriptions().order_by("pk"), NewsMail.ANNOUNCEMENT, {"forum": forum.pk}
        )
        action_record(by=by, action=Action.FORUM_ANNOUNCED, forum=forum, people_told=written)
        return written


def reconfirmations_run() -> dict:
    """Ask those whose consent is two years old to reconfirm, and end the subscriptions
    of those who were asked 30 days ago and did not answer. Scheduled daily."""
    now = clock.now()
    with transaction.atomic():
        unanswered = list(
            active_subscriptions()
            .filter(reconfirmation_requested_at__lt=now - RECONFIRM_WITHIN)
            .select_for_update(skip_locked=True)
        )
        for subscription in unanswered:
            subscription_end(subscription, how=Subscription.Ended.NOT_RECONFIRMED)
        due = list(
            active_subscriptions()
            .filter(reconfirmed_at__lt=now - RECONFIRM_AFTER, reconfirmation_requested_at__isnull=True)
            .select_for_update(skip_locked=True)
        )
        Subscription.objects.filter(pk__in=[each.pk for each in due]).update(reconfirmation_requested_at=now)
        asked = _queue_for_subscriptions(due, NewsMail.RECONFIRMATION, {})
        if asked or unanswered:
            action_record(
                by=ActorKind.SYSTEM, action=Action.RECONFIRMATION_ASKED, people_told=asked, ended=len(unanswered)
            )
    return {"asked": asked, "ended": len(unanswered)}
