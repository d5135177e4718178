"""Mail text is data, never a template; it is rendered after the forum lock is released."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from post_office.models import STATUS, Email

from attendees.models import ActorKind, PendingMail, Registration
from attendees.outbox.delivery import outbox_deliver
from attendees.registrations import services
from tests.concurrency import run_together
from tests.factories import ForumFactory, RegistrationFactory, VenueFactory, registered, seoul
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture(autouse=True)
def _before_the_forums():
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        yield


TEMPLATE_CODE = [
    "{% now 'Y' %}",
    "{{ 7*7 }}",
    "{# 주석 #}",
    "{% debug %}",
    "{% lorem 20000000 w %}",
    "{% raw %}",
    "{{ registration.token }}",
    "{% load static %}{% static 'x' %}",
]


@pytest.mark.parametrize("code", TEMPLATE_CODE)
def test_a_name_that_looks_like_template_code_arrives_literally(code):
    # Stored as it came (the forms now refuse "registration.token" as an address-like name).
    from attendees.registrations.mails import queue_confirmation

    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
    queue_confirmation(RegistrationFactory(forum=forum, name=code, email="kim@example.kr"))
    [mail] = queued_mail(to="kim@example.kr")
    assert mail.message.startswith(f"{code} 님, 안녕하세요.\n")
    assert len(mail.message) < 4000


@pytest.mark.parametrize("code", TEMPLATE_CODE)
def test_a_forum_title_that_looks_like_template_code_arrives_literally_and_cancels(code):
    forum = ForumFactory(number=3, title=f"인공지능 {code}", capacity=1, starts_at=seoul(2030, 1, 8))
    holder = registered(forum, email="holder@example.kr")
    waiting = registered(forum, email="waiting@example.kr")
    promoted = services.registration_cancel(registration=holder, by=ActorKind.ATTENDEE)
    assert [r.pk for r in promoted] == [waiting.pk]
    [confirmed, cancelled] = queued_mail(to="holder@example.kr")
    assert f"«인공지능 {code}»" in confirmed.message
    assert f"«인공지능 {code}»" in cancelled.message
    [_waitlisted, promotion] = queued_mail(to="waiting@example.kr")
    assert f"«인공지능 {code}»" in promotion.message


def test_every_field_at_its_longest_still_makes_a_small_mail():
    venue = VenueFactory(name="회" * 150, room="층" * 150, address="주" * 255)
    forum = ForumFactory(number=3, title="제" * 200, venue=venue, starts_at=seoul(2030, 1, 8))
    registered(forum, name="김" * 100, email=("a" * 64) + "@" + ("b" * 60) + ".kr")
    [mail] = queued_mail()
    assert len(mail.message) < 4000
    assert len(mail.subject) < 300


@pytest.mark.django_db(transaction=True)  # the worker runs outside any test transaction, as in production
def test_mail_is_decided_in_the_transaction_and_sent_by_the_worker_after_it_commits(mailoutbox):
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
    with transaction.atomic():
        registration = registered(forum)
        # Inside the transaction (and so under the forum lock) the decision and its task are
        # written, to commit together: nothing is rendered or sent by the web process.
        assert list(PendingMail.objects.values_list("registration_id", "recipient", "kind")) == [
            (registration.pk, "kim@example.kr", "confirmation")
        ]
        assert DBTaskResult.objects.count() == 1
    [task] = DBTaskResult.objects.all()
    pending = PendingMail.objects.get()
    assert (task.task_path, task.args_kwargs["args"]) == ("attendees.outbox.tasks.mail_deliver", [[pending.pk]])
    assert (Email.objects.count(), len(mailoutbox)) == (0, 0)

    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert PendingMail.objects.count() == 0
    assert list(Email.objects.values_list("to", "subject", "status")) == [
        (["kim@example.kr"], "[AI 조찬포럼] 제3차 포럼 참가가 확정되었습니다", STATUS.sent)
    ]
    assert [message.to for message in mailoutbox] == [["kim@example.kr"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_registration_rolled_back_leaves_neither_its_mail_nor_its_task():
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
    with transaction.atomic():
        registered(forum)
        transaction.set_rollback(True)  # as any error after it in the same request would
    assert (Registration.objects.count(), PendingMail.objects.count(), DBTaskResult.objects.count()) == (0, 0, 0)


def test_a_mail_left_unrendered_by_a_crash_is_rendered_by_the_worker(mailoutbox):
    registration = RegistrationFactory(forum=ForumFactory(number=3, starts_at=seoul(2030, 1, 8)))
    PendingMail.objects.create(
        registration=registration, recipient=registration.email, kind="confirmation"
    )  # as a died process leaves it
    call_command("deliver_mail")
    assert PendingMail.objects.count() == 0
    [sent] = mailoutbox
    assert (sent.to, sent.subject) == ([registration.email], "[AI 조찬포럼] 제3차 포럼 참가가 확정되었습니다")


def test_delivering_twice_sends_each_mail_once(mailoutbox):
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    registered(forum)
    assert outbox_deliver() == 1
    assert outbox_deliver() == 0
    assert Email.objects.count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_at_once_send_each_mail_once(postgres_only, mailoutbox):
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    for index in range(20):
        RegistrationFactory(forum=forum, email=f"p{index}@example.kr")
    PendingMail.objects.bulk_create(
        PendingMail(registration=registration, recipient=registration.email, kind="confirmation")
        for registration in Registration.objects.all()
    )
    counts, errors = run_together([outbox_deliver, outbox_deliver])
    assert errors == []
    assert sum(counts) == 20
    assert sorted(Email.objects.values_list("to", flat=True)) == sorted([[f"p{i}@example.kr"] for i in range(20)])
    assert sorted(message.to[0] for message in mailoutbox) == sorted(f"p{i}@example.kr" for i in range(20))
