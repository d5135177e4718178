"""Mail survives a mail-server outage: a real SMTP server (aiosmtpd) on this machine."""

import datetime
import email as email_parser
import email.policy as email_policy

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone
from post_office.models import STATUS, Email

from attendees.models import Registration
from tests.factories import ForumFactory
from tests.smtp import Inbox, free_port, use_smtp_server

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
