"""A mail the SMTP server has taken is marked sent even when the database connection is
cut at that very moment: on a fresh connection, while the worker's claim holds. When the
claim runs out first, the one repeat carries the same Message-ID. PostgreSQL only: the
connection is cut as a restart or fail-over cuts it (pg_terminate_backend)."""

import collections

import psycopg2
import pytest
from django.db import connection
from django.db.utils import OperationalError
from post_office.models import STATUS, Email

from attendees.models import PendingMail
from attendees.outbox.delivery import outbox_deliver
from tests.factories import ForumFactory, registered, seoul
from tests.smtp import Inbox, free_port, use_smtp_server

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class ConnectionCuttingInbox(Inbox):
    """Takes each message, but first cuts the delivering process's database connection,
    `cuts` times: the worst moment, after the server said yes and before the mark."""

    def __init__(self, backend_pid: int, cuts: int):
        super().__init__()
        self.backend_pid, self.cuts_left = backend_pid, cuts
        database = connection.settings_dict
        self.database = {"dbname": database["NAME"], "user": database["USER"], "host": database["HOST"]}

    async def handle_DATA(self, server, session, envelope):
        if self.cuts_left:
            self.cuts_left -= 1
            with psycopg2.connect(**self.database) as cutter, cutter.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [self.backend_pid])
            cutter.close()
        return await super().handle_DATA(server, session, envelope)


def delivering_with(port, inbox):
    from aiosmtpd.controller import Controller

    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    return server


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.fixture
def one_mail(postgres_only, settings):
    port = free_port()
    use_smtp_server(settings, port)
    registered(ForumFactory(starts_at=seoul(2030, 1, 8)), email="kim@example.kr")
    return port


def test_a_cut_connection_after_sending_is_marked_on_a_new_one_and_sends_once(one_mail):
    inbox = ConnectionCuttingInbox(backend_pid(), cuts=2)  # the first retry's connection is cut too
    server = delivering_with(one_mail, inbox)
    try:
        assert outbox_deliver() == 1
    finally:
        server.stop()
    assert inbox.recipients() == ["kim@example.kr"]
    assert not PendingMail.objects.exists()
    assert Email.objects.get().status == STATUS.sent


def test_when_the_claim_runs_out_first_the_one_repeat_keeps_its_message_id(one_mail, settings):
    settings.MAIL_CLAIM_SECONDS = 0  # no time to mark it again: as if the database stayed away
    inbox = ConnectionCuttingInbox(backend_pid(), cuts=1)
    server = delivering_with(one_mail, inbox)
    try:
        with pytest.raises(OperationalError):
            outbox_deliver()
        connection.close()  # the worker's reconnect
        assert outbox_deliver() == 1
    finally:
        server.stop()
    assert inbox.recipients() == ["kim@example.kr", "kim@example.kr"]
    message_ids = collections.Counter(message["Message-ID"] for message in inbox.parsed())
    assert list(message_ids.values()) == [2]  # one Message-ID, twice: mail programs show it once
    assert not PendingMail.objects.exists()
