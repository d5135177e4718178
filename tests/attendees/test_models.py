import pytest
from django.db import IntegrityError, transaction

from attendees.models import Registration, RegistrationStatus
from tests.factories import ForumFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_second_active_registration_for_same_email_rejected_case_insensitively():
    first = RegistrationFactory(email="kim@example.kr")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(forum=first.forum, email="KIM@Example.kr")


def test_waitlisted_registration_counts_as_active():
    first = RegistrationFactory(email="kim@example.kr", status=RegistrationStatus.WAITLISTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(forum=first.forum, email="kim@example.kr")


def test_registering_again_after_cancelling_allowed():
    first = RegistrationFactory(email="kim@example.kr", status=RegistrationStatus.CANCELLED)
    again = RegistrationFactory(forum=first.forum, email="kim@example.kr")
    assert Registration.objects.filter(forum=first.forum, email="kim@example.kr").count() == 2
    assert again.status == RegistrationStatus.CONFIRMED


def test_same_email_may_register_for_another_forum():
    RegistrationFactory(email="kim@example.kr")
    RegistrationFactory(email="kim@example.kr", forum=ForumFactory())
    assert Registration.objects.filter(email="kim@example.kr").count() == 2


def test_management_tokens_are_long_and_distinct():
    tokens = {RegistrationFactory().token for _ in range(20)}
    assert len(tokens) == 20
    assert min(len(token) for token in tokens) == 43  # 32 random bytes, base64: 256 bits


@pytest.mark.parametrize("recipients", ["neither", "both"])
def test_a_pending_mail_is_for_exactly_one_registration_or_subscriber(recipients):
    from attendees.models import PendingMail, Subscription

    registration = RegistrationFactory()
    subscription = Subscription.objects.create(email="news@example.kr")
    chosen = {"registration": registration, "subscription": subscription} if recipients == "both" else {}
    with pytest.raises(IntegrityError), transaction.atomic():
        PendingMail.objects.create(kind="confirmation", recipient="news@example.kr", **chosen)
    assert PendingMail.objects.count() == 0
