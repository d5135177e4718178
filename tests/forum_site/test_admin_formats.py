"""The admin writes times and durations as Korean does: "오전 7:30", "2시간"."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ForumFactory, SeriesFactory


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_forum_list_puts_the_half_of_the_day_before_the_time(staff_client):
    ForumFactory(starts_at=datetime.datetime(2030, 9, 11, 7, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=9))))
    page = staff_client.get(reverse("admin:events_forum_changelist"))
    assert "2030년 9월 11일 오전 7:30" in page.text
    assert "7:30 오전" not in page.text


def test_a_series_duration_is_chosen_in_hours_and_minutes(staff_client):
    series = SeriesFactory(default_duration=datetime.timedelta(hours=2))
    url = reverse("admin:events_series_change", args=[series.pk])
    page = staff_client.get(url)
    assert '<option value="02:00:00" selected>2시간</option>' in page.text
    assert '<option value="01:30:00">1시간 30분</option>' in page.text
    assert '<option value="00:45:00">45분</option>' in page.text

    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(default_duration="01:30:00", default_venue="", plan_link="")
    data.update({"default_questions-TOTAL_FORMS": 0, "default_questions-INITIAL_FORMS": 0})  # its questions: none
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    series.refresh_from_db()
    assert series.default_duration == datetime.timedelta(hours=1, minutes=30)


def test_a_duration_set_off_the_quarter_hours_stays_as_it_is(staff_client):
    series = SeriesFactory(default_duration=datetime.timedelta(hours=1, minutes=50))
    page = staff_client.get(reverse("admin:events_series_change", args=[series.pk]))
    assert '<option value="01:50:00" selected>1시간 50분</option>' in page.text
