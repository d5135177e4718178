"""Seat squatting from one network: an IPv6 client is one /64, the forum's limit counts
only what was stored, and staff undo a flood in one step, promoting the real people
waiting in their order."""

import datetime

import pytest
import time_machine
from django.core.checks import Warning
from django.urls import reverse

from attendees.models import ActionRecord, Registration
from attendees.registrations.checks import rate_limits_check
from tests.factories import ForumFactory, registered, seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
REGISTER = "/forums/gwangju-ai/3/register/"
PERSON = {
    "name": "김광주",
    "phone": "010-1234-5678",
    "organization": "광주AI",
    "position": "연구원",
    "sector": "industry",
    "consent_privacy": "on",
}


@pytest.fixture
def forum_3(demo, day_after_second_forum):
    return demo.forums.get(number=3)


def test_seventy_posts_from_one_ipv6_64_get_one_quota(client, forum_3):
    """The audit's 70 posts from one /64, each from its own address: the default limit of
    60 an hour holds for the network, not for each address."""
    statuses = [
        client.post(REGISTER, {**PERSON, "email": f"made-up-{i}@example.kr"}, REMOTE_ADDR=f"2001:db8:1:2::{i:x}")
        for i in range(1, 71)
    ]
    assert [response.status_code for response in statuses].count(302) == 60
    assert [response.status_code for response in statuses][60:] == [429] * 10
    assert Registration.objects.filter(forum=forum_3).count() == 60
    # The next network, and an IPv4 office, are not affected.
    assert (
        client.post(REGISTER, {**PERSON, "email": "real@example.kr"}, REMOTE_ADDR="2001:db8:1:3::1").status_code == 302
    )
    assert client.post(REGISTER, {**PERSON, "email": "office@example.kr"}, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_ipv4_clients_stay_limited_per_address(client, forum_3, settings):
    settings.REGISTRATION_RATE_LIMITS = {**settings.REGISTRATION_RATE_LIMITS, "ip": "2/h"}
    statuses = [
        client.post(REGISTER, {**PERSON, "email": f"p{i}@example.kr"}, REMOTE_ADDR=f"203.0.113.{i % 2 + 1}").status_code
        for i in range(6)
    ]
    assert statuses == [302, 302, 302, 302, 429, 429]  # two addresses behind one office's NAT block, two each


def test_the_forum_limit_counts_only_registrations_that_were_stored(client, forum_3, settings):
    settings.REGISTRATION_RATE_LIMITS = {"ip": "100/h", "email": "100/h", "forum": "3/h"}
    for i in range(5):  # the same address again and again: one registration, four repeats
        assert (
            client.post(REGISTER, {**PERSON, "email": "kim@example.kr"}, REMOTE_ADDR=f"10.0.0.{i}").status_code == 302
        )
    statuses = [client.post(REGISTER, {**PERSON, "email": f"p{i}@example.kr"}).status_code for i in range(3)]
    assert statuses == [302, 302, 429]
    assert Registration.objects.filter(forum=forum_3).count() == 3


def test_a_client_limit_near_the_forum_limit_is_refused_at_start(settings):
    settings.REGISTRATION_RATE_LIMITS = {"ip": "300/h", "email": "5/h", "forum": "2000/h"}
    assert [error.id for error in rate_limits_check(None)] == ["attendees.W001"]
    assert isinstance(rate_limits_check(None)[0], Warning)
    settings.REGISTRATION_RATE_LIMITS = {"ip": "60/h", "email": "5/h", "forum": "2000/h"}
    assert rate_limits_check(None) == []


def test_staff_find_a_flood_by_its_minute_and_cancel_it_in_one_confirmed_step(admin_client):
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8), capacity=5)
    at = lambda minute: time_machine.travel(datetime.datetime(2029, 12, 20, 9, minute, 30, tzinfo=SEOUL), tick=False)  # noqa: E731
    with at(0):
        real = [registered(forum, email=f"real{i}@example.kr") for i in range(3)]
    with at(1):
        flood = [registered(forum, email=f"fake{i}@example.kr") for i in range(12)]
    with at(5):
        late = registered(forum, email="late@example.kr")
    assert [r.status for r in flood].count("confirmed") == 2 and late.status == "waitlisted"

    changelist = reverse("admin:attendees_registration_changelist")
    listed = admin_client.get(changelist, {"forum__id__exact": forum.pk})
    burst = next(spec for spec in listed.context["cl"].filter_specs if getattr(spec, "parameter_name", "") == "burst")
    assert burst.lookup_choices == [("2029-12-20T09:01", "2029-12-20 09:01 (12건)")]
    found = admin_client.get(changelist, {"forum__id__exact": forum.pk, "burst": "2029-12-20T09:01"})
    assert sorted(r.pk for r in found.context["cl"].result_list) == sorted(r.pk for r in flood)

    filtered = changelist + f"?forum__id__exact={forum.pk}&burst=2029-12-20T09:01"
    asked = admin_client.post(filtered, {"action": "cancel", "_selected_action": [r.pk for r in flood]})
    assert "신청 12건을 취소합니다 (참가 확정 2명, 대기 10명)." in asked.text
    response = admin_client.post(
        filtered, {"action": "cancel", "_selected_action": [r.pk for r in flood], "confirmed": "yes"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["12건 취소, 대기자 1명 확정."]
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert {statuses[r.email] for r in flood} == {"cancelled"}
    assert [statuses[r.email] for r in real] + [statuses["late@example.kr"]] == ["confirmed"] * 4
    promoted = ActionRecord.objects.filter(action="registration_promoted")
    assert list(promoted.values_list("registration__email", flat=True)) == ["late@example.kr"]
    forum.refresh_from_db()
    assert (forum.seats_taken, forum.waiting_count) == (4, 0)
