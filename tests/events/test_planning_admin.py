"""Planning and publishing from the admin: the proposed dates with holiday warnings, drafts
from the same service as plan_forums, a new forum pre-filled from its series, and
publishing that opens registration as the series says."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from events.models import Forum, ForumStatus
from tests.factories import ForumFactory, SeriesFactory, VenueFactory, seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture
def may_2030(client, admin_user):
    """1 May 2030; the admin signed in on that day."""
    with time_machine.travel(datetime.datetime(2030, 5, 1, 9, 0, tzinfo=SEOUL), tick=False):
        client.force_login(admin_user)
        yield client


@pytest.fixture
def series():
    series = SeriesFactory(default_venue=VenueFactory(name="광주과학기술진흥원"), default_capacity=80)
    ForumFactory(series=series, number=12, starts_at=seoul(2030, 4, 10))
    return series


def test_the_plan_shows_each_date_and_flags_a_public_holiday_before_creating_anything(may_2030, series):
    page = may_2030.get(reverse("admin:events_series_plan", args=[series.pk]), {"months": 3})
    rows = page.context["plan"]
    assert [(planned.date.isoformat(), planned.outcome.value, planned.number) for planned in rows] == [
        ("2030-05-08", "create", 13),
        ("2030-06-12", "holiday", None),
        ("2030-07-10", "create", 14),
    ]
    assert "공휴일(지방선거일): 만들지 않습니다. 직접 정해 주세요" in page.text
    assert 'value="초안 포럼 2개 만들기"' in page.text
    assert series.forums.count() == 1


def test_confirming_creates_the_drafts_once(may_2030, series):
    url = reverse("admin:events_series_plan", args=[series.pk])
    done = may_2030.post(url, {"months": 3, "confirm": "1"}, follow=True)
    assert "초안 포럼 2개를 만들었습니다." in done.text
    may_2030.post(url, {"months": 3, "confirm": "1"})  # again: nothing new
    drafts = series.forums.filter(status=ForumStatus.DRAFT).order_by("number")
    assert [(forum.number, forum.starts_at, forum.capacity, forum.venue.name) for forum in drafts] == [
        (13, seoul(2030, 5, 8), 80, "광주과학기술진흥원"),
        (14, seoul(2030, 7, 10), 80, "광주과학기술진흥원"),
    ]


def test_a_bad_number_of_months_is_a_field_error_in_korean(may_2030, series):
    page = may_2030.get(reverse("admin:events_series_plan", args=[series.pk]), {"months": "열둘"})
    assert page.status_code == 200
    assert page.context["form"].errors == {"months": ["개월 수를 정수로 입력해 주세요."]}
    page = may_2030.get(reverse("admin:events_series_plan", args=[series.pk]), {"months": 13})
    assert page.context["form"].errors == {"months": ["한 번에 열두 달까지 계획할 수 있습니다."]}


def test_add_forum_is_prefilled_from_the_series(may_2030, series):
    form = may_2030.get(reverse("admin:events_forum_add"), {"series": series.pk}).context["adminform"].form
    initial = {name: form[name].initial for name in ("number", "starts_at", "ends_at", "capacity", "venue", "status")}
    assert initial == {
        "number": 13,
        "starts_at": seoul(2030, 5, 8),
        "ends_at": seoul(2030, 5, 8, 9, 30),
        "capacity": 80,
        "venue": series.default_venue_id,
        "status": "draft",
    }


def test_publishing_drafts_opens_registration_as_the_series_says(may_2030, series):
    draft = ForumFactory(series=series, number=13, starts_at=seoul(2030, 6, 19), status=ForumStatus.DRAFT)
    set_by_hand = ForumFactory(
        series=series,
        number=14,
        starts_at=seoul(2030, 7, 10),
        status=ForumStatus.DRAFT,
        registration_opens_at=seoul(2030, 6, 1, 9, 0),
    )
    changelist = reverse("admin:events_forum_changelist")
    done = may_2030.post(
        changelist, {"action": "publish_forums", "_selected_action": [draft.pk, set_by_hand.pk]}, follow=True
    )
    assert "포럼 2개를 공개했습니다." in done.text
    draft.refresh_from_db()
    set_by_hand.refresh_from_db()
    assert draft.status == set_by_hand.status == ForumStatus.PUBLISHED
    assert (draft.registration_opens_at, draft.registration_closes_at) == (seoul(2030, 5, 20), seoul(2030, 6, 19, 0, 0))
    assert set_by_hand.registration_opens_at == seoul(2030, 6, 1, 9, 0)
    assert Forum.objects.get(pk=draft.pk).get_absolute_url() in may_2030.get("/forums/").text


def test_publishing_in_the_forums_form_opens_registration_as_the_action_does(may_2030, series):
    from tests.admin_forms import forum_change_form

    draft = ForumFactory(series=series, number=13, starts_at=seoul(2030, 6, 19), status=ForumStatus.DRAFT)
    change = reverse("admin:events_forum_change", args=[draft.pk])
    assert may_2030.post(change, forum_change_form(draft, status="published")).status_code == 302
    draft.refresh_from_db()
    assert draft.status == ForumStatus.PUBLISHED
    assert (draft.registration_opens_at, draft.registration_closes_at) == (seoul(2030, 5, 20), seoul(2030, 6, 19, 0, 0))


def test_a_forum_added_as_published_opens_registration_as_the_series_says(may_2030, series):
    from tests.admin_forms import forum_change_form

    unsaved = ForumFactory.build(series=series, number=13, starts_at=seoul(2030, 6, 19), venue=series.default_venue)
    data = forum_change_form(unsaved, status="published", slug="13")
    assert may_2030.post(reverse("admin:events_forum_add"), data).status_code == 302
    forum = Forum.objects.get(series=series, number=13)
    assert (forum.status, forum.registration_opens_at, forum.registration_closes_at) == (
        ForumStatus.PUBLISHED,
        seoul(2030, 5, 20),
        seoul(2030, 6, 19, 0, 0),
    )
