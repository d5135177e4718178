"""Mail survives a mail-server outage: a real SMTP server (aiosmtpd) on this machine."""

import datetime
import email as email_parser
import email.policy as email_policy

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone
from post_office.models import STATUS, Email

from attendees.models import PendingMail, Registration
from attendees.outbox.delivery import outbox_deliver
from attendees.registrations import services
from tests.factories import ForumFactory
from tests.smtp import Inbox, free_port, running_smtp_server, use_smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_settings(settings):
    port = free_port()
    use_smtp_server(settings, port)
    return port


def test_registration_mail_waits_out_an_smtp_outage_and_is_delivered_once(client, smtp_settings, deliver_mail):
    forum = ForumFactory()
    response = client.post(
        f"/forums/{forum.series.slug}/{forum.number}/register/",
        {
            "name": "김광주",
            "email": "kim@example.kr",
            "organization": "광주AI",
            "position": "연구원",
            "sector": "industry",
            "consent_privacy": "on",
        },
    )
    assert response.status_code == 302
    assert Registration.objects.get().status == "confirmed"

    # The server is down: the mail is kept for a later try.
    deliver_mail()
    email = Email.objects.get()
    assert (email.status, email.number_of_retries) == (STATUS.requeued, 1)

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_settings)
    server.start()
    try:
        deliver_mail()  # the retry is not due yet
        assert inbox.messages == []
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
            deliver_mail()
            deliver_mail()  # nothing left: it must not be sent twice
    finally:
        server.stop()

    assert len(inbox.messages) == 1
    assert inbox.messages[0].rcpt_tos == ["kim@example.kr"]
    delivered = email_parser.message_from_bytes(inbox.messages[0].original_content, policy=email_policy.default)
    # A folded header decodes with the folding space in front of it.
    assert delivered["Subject"].strip() == f"[AI 조찬포럼] 제{forum.number}차 포럼 참가가 확정되었습니다"
    assert Email.objects.get().status == STATUS.sent


def register_kim(forum):
    return services.registration_create(
        forum=forum,
        name="김광주",
        email="kim@example.kr",
        organization="광주AI",
        position="연구원",
        sector="industry",
        consent_privacy=True,
    )


def test_an_outage_of_four_days_loses_nothing_and_is_told_after_a_day(client, admin_client, smtp_settings, settings):
    settings.SITE_URL = "https://forum.gwangju.go.kr"
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        register_kim(ForumFactory(starts_at=timezone.now() + datetime.timedelta(days=30)))
        waits = []
        # Bounded: a retry that stopped backing off fails here instead of looping on.
        for _attempt in range(40):
            if timezone.now() - start >= datetime.timedelta(days=4):
                break
            assert outbox_deliver() == 0  # nobody listens on the port
            pending = PendingMail.objects.get()
            waits.append(pending.next_attempt_at - timezone.now())
            clock.move_to(pending.next_attempt_at)
            if datetime.timedelta(days=1, hours=6) < timezone.now() - start < datetime.timedelta(days=1, hours=12):
                # A day on: staff see it on the admin index, and the monitoring on /healthz.
                assert "메일 1통이 하루 넘게 발송되지 않았습니다" in admin_client.get("/admin/").text
                health = client.get("/healthz")
                assert health.status_code == 503
                assert health.json()["mail"]["status"] == "failing"
        else:
            pytest.fail(f"40 attempts did not span four days: waits {waits}")
        minutes = [round(wait.total_seconds() / 60) for wait in waits]
        assert minutes[:9] == [1, 2, 4, 8, 16, 32, 64, 128, 256]
        assert set(minutes[9:]) == {360}  # then every six hours, for as long as it takes
        assert Email.objects.get().status == STATUS.requeued

        with running_smtp_server(smtp_settings) as inbox:
            assert outbox_deliver() == 1
            assert outbox_deliver() == 0

    assert inbox.recipients() == ["kim@example.kr"]
    [delivered] = inbox.parsed()
    assert delivered["Message-ID"].endswith("@forum.gwangju.go.kr>")
    assert Email.objects.get().status == STATUS.sent
    assert not PendingMail.objects.exists()
    assert client.get("/healthz").json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "mail": {"status": "ok", "oldest_waiting_seconds": 0},
    }
    assert "하루 넘게 발송되지 않았습니다" not in admin_client.get("/admin/").text


class RefusingInbox:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"


def test_an_address_the_server_refuses_for_good_is_marked_failed_and_frees_the_queue(smtp_settings):
    register_kim(ForumFactory(starts_at=timezone.now() + datetime.timedelta(days=30)))
    server = Controller(RefusingInbox(), hostname="127.0.0.1", port=smtp_settings)
    server.start()
    try:
        assert outbox_deliver() == 0
    finally:
        server.stop()
    assert Email.objects.get().status == STATUS.failed
    assert "550" in Email.objects.get().logs.get().message
    assert not PendingMail.objects.exists()  # not retried for ever


class AnsweringAtData:
    """A server that takes the envelope and answers the message itself with `reply`."""

    def __init__(self, reply: str):
        self.reply = reply

    async def handle_DATA(self, server, session, envelope):
        return self.reply


@pytest.mark.parametrize(
    ("reply", "kept", "status"),
    [
        ("451 4.3.0 Temporary local problem, try again", True, STATUS.requeued),
        ("452 4.3.1 Insufficient system storage", True, STATUS.requeued),
        ("554 5.6.0 Message content rejected", False, STATUS.failed),
    ],
)
def test_a_reply_at_data_is_retried_when_temporary_and_dropped_only_when_permanent(smtp_settings, reply, kept, status):
    register_kim(ForumFactory(starts_at=timezone.now() + datetime.timedelta(days=30)))
    server = Controller(AnsweringAtData(reply), hostname="127.0.0.1", port=smtp_settings)
    server.start()
    try:
        assert outbox_deliver() == 0
    finally:
        server.stop()
    assert Email.objects.get().status == status
    assert Email.objects.get().logs.get().message.startswith(f"({reply[:3]}, ")
    assert PendingMail.objects.filter(attempts=1).exists() == kept
    if kept:  # and it goes out once the server takes it again
        with time_machine.travel(PendingMail.objects.get().next_attempt_at, tick=False):
            with running_smtp_server(smtp_settings) as inbox:
                assert outbox_deliver() == 1
        assert inbox.recipients() == ["kim@example.kr"]
