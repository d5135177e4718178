"""Two hosts at once: two gunicorn instances and two workers on one PostgreSQL and one
Redis, as a city running the site on two servers behind a load balancer would."""

import collections
import threading

import pytest
from django.contrib.auth.models import User

from attendees.models import Registration
from attendees.registrations.seat_counts import seat_counts_true
from tests.factories import ForumFactory, SpeakerFactory, TalkFactory
from tests.processes import (
    production_environment,
    redis_db,
    redis_flush,
    start_gunicorn,
    start_manage,
    stop,
    wait_until,
)
from tests.smtp import free_port, running_smtp_server
from tests.web import Visitor, fetch
from tests.web import registration_fields as person

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CACHE_DB = redis_db(0)
PEOPLE, SEATS = 60, 20


@pytest.fixture
def start_hosts(postgres_only, tmp_path, static_root, settings):
    """start_hosts(**settings) -> the two hosts' addresses, each with a web server and a worker."""
    processes = []
    smtp_port = free_port()
    redis_flush(CACHE_DB)

    def start(**overrides):
        hosts = []
        for name in ("a", "b"):
            port = free_port()
            env = production_environment(
                static_root=static_root,
                cache_db=CACHE_DB,
                MEDIA_ROOT=settings.MEDIA_ROOT,
                SECURE_SSL_REDIRECT="false",
                SECURE_HSTS_SECONDS="0",
                SESSION_COOKIE_SECURE="false",
                CSRF_COOKIE_SECURE="false",
                EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
                **overrides,
            )
            processes.append(start_gunicorn(f"127.0.0.1:{port}", log_path=tmp_path / f"web-{name}.log", **env))
            processes.append(
                start_manage(
                    "run_worker", "--interval", "0.2", "--worker-id", f"host-{name}",
                    log_path=tmp_path / f"worker-{name}.log", **env,
                )
            )  # fmt: skip
            hosts.append(f"http://127.0.0.1:{port}")
        for host in hosts:
            wait_until(lambda host=host: _answers(f"{host}/healthz"), timeout=60, what=f"{host} to answer")
        return hosts

    with running_smtp_server(smtp_port) as inbox:
        start.inbox = inbox
        yield start
        for process in processes:
            stop(process)
    redis_flush(CACHE_DB)


def _answers(url) -> bool:
    try:
        return fetch(url).status == 200
    except OSError:
        return False


def test_a_burst_over_both_hosts_confirms_exactly_the_capacity_and_mails_everyone_once(start_hosts):
    hosts = start_hosts(REGISTRATION_RATE_LIMIT_PER_IP="1000/h")
    forum = ForumFactory(capacity=SEATS)
    form = f"/forums/{forum.series.slug}/{forum.number}/register/"
    statuses, errors = [], []
    start_together = threading.Barrier(PEOPLE)

    def register(index):
        try:
            visitor = Visitor(hosts[index % 2])  # every other person through the other host
            page = visitor.get(form)
            assert page.status == 200
            start_together.wait(timeout=60)
            statuses.append(visitor.submit(form, person(index), form_path=form).status)
        except Exception as error:
            errors.append(repr(error))

    threads = [threading.Thread(target=register, args=(index,)) for index in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert statuses == [302] * PEOPLE
    registrations = Registration.objects.filter(forum=forum)
    assert registrations.confirmed().count() == SEATS
    assert registrations.waitlisted().count() == PEOPLE - SEATS
    forum.refresh_from_db()
    assert (forum.seats_taken, forum.waiting_count) == seat_counts_true(forum) == (SEATS, PEOPLE - SEATS)
    # Each person's mail, sent by one of the two workers, once.
    inbox = start_hosts.inbox
    wait_until(lambda: len(inbox.messages) >= PEOPLE, timeout=120, what="every mail")
    assert collections.Counter(inbox.recipients()) == {f"person{index}@example.kr": 1 for index in range(PEOPLE)}


def test_the_rate_limit_holds_across_both_hosts(start_hosts):
    hosts = start_hosts(REGISTRATION_RATE_LIMIT_PER_IP="4/h")
    forum = ForumFactory(capacity=SEATS)
    form = f"/forums/{forum.series.slug}/{forum.number}/register/"
    answers = [Visitor(hosts[index % 2]).submit(form, person(index)).status for index in range(6)]
    # Four accepted in all, whichever host took them; the fifth and sixth refused on both.
    assert answers == [302, 302, 302, 302, 429, 429]
    assert Registration.objects.filter(forum=forum).count() == 4


def test_an_edit_in_one_hosts_admin_shows_on_both_at_the_next_visit(start_hosts):
    hosts = start_hosts()
    speaker = SpeakerFactory(slug="lee-kyung-il", name="이경일", organization="㈜솔트룩스", position="대표이사")
    TalkFactory(forum=ForumFactory(), speakers=[speaker])
    User.objects.create_superuser("city-admin", password="a-long-password-1")
    page = f"/speakers/{speaker.slug}/"
    for host in hosts:  # cached on both
        assert "대표이사" in fetch(host + page).text

    staff = Visitor(hosts[0])
    signed_in = staff.submit("/admin/login/?next=/admin/", {"username": "city-admin", "password": "a-long-password-1"})
    assert signed_in.status == 302
    change = f"/admin/speakers/speaker/{speaker.pk}/change/"
    fields = {
        "name": "이경일",
        "name_en": speaker.name_en,
        "slug": speaker.slug,
        "organization": "솔트룩스",
        "position": "의장",
        "bio": "",
        "_save": "저장",
    }
    assert staff.submit(change, fields).status == 302

    for host in hosts:
        shown = fetch(host + page).text
        assert "의장" in shown and "대표이사" not in shown, host
