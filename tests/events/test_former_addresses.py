"""Published addresses stay: once a forum is published only a 포럼 담당자 may change its
number or slug, its calendar UID never follows either, and its former pages answer 301 to
where it is now, in both languages, whatever page under it was asked for."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from events.models import Forum
from tests.admin_forms import forum_change_form
from tests.factories import ForumFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum_3(demo, day_after_second_forum):
    return demo.forums.get(number=3)


def test_a_manager_renumbers_a_published_forum_and_its_old_pages_answer_301(client, forum_3):
    uid = forum_3.calendar_uid
    client.force_login(staff_with_role("포럼 담당자", "manager"))
    change = reverse("admin:events_forum_change", args=[forum_3.pk])
    assert client.post(change, forum_change_form(forum_3, number=33, slug="gwangju-ai-33")).status_code == 302
    forum_3.refresh_from_db()
    assert (forum_3.number, forum_3.slug, forum_3.calendar_uid) == (33, "gwangju-ai-33", uid)
    moved = {
        "/forums/gwangju-ai/3/": "/forums/gwangju-ai/33/",
        "/forums/gwangju-ai/3/register/": "/forums/gwangju-ai/33/register/",
        "/forums/gwangju-ai/3/calendar.ics": "/forums/gwangju-ai/33/calendar.ics",
        "/en/forums/gwangju-ai/3/?utm_source=mail": "/en/forums/gwangju-ai/33/?utm_source=mail",
    }
    answers = {old: client.get(old) for old in moved}
    assert {old: (a.status_code, a["Location"]) for old, a in answers.items()} == {
        old: (301, new) for old, new in moved.items()
    }
    assert client.get("/forums/gwangju-ai/33/register/").status_code == 200
    assert client.get("/forums/gwangju-ai/4/").status_code == 404  # no forum was ever there


def test_renumbering_back_leaves_no_redirect_loop(admin_client, forum_3):
    change = reverse("admin:events_forum_change", args=[forum_3.pk])
    admin_client.post(change, forum_change_form(forum_3, number=33))
    forum_3.refresh_from_db()
    admin_client.post(change, forum_change_form(forum_3, number=3))
    assert admin_client.get("/forums/gwangju-ai/3/").status_code == 200
    answer = admin_client.get("/forums/gwangju-ai/33/")
    assert (answer.status_code, answer["Location"]) == (301, "/forums/gwangju-ai/3/")


def test_a_content_editor_cannot_change_a_published_forums_number_or_slug(client, forum_3):
    client.force_login(staff_with_role("콘텐츠 편집자", "editor"))
    change = reverse("admin:events_forum_change", args=[forum_3.pk])
    page = client.get(change)
    assert [name for name in ("number", "slug", "series") if name in page.context["adminform"].form.fields] == []
    client.post(change, forum_change_form(forum_3, number=33, slug="moved", title="AI와 산업"))
    forum_3.refresh_from_db()
    assert (forum_3.number, forum_3.slug, forum_3.title) == (3, "gwangju-ai-3", "AI와 산업")
    assert client.get("/forums/gwangju-ai/3/register/").status_code == 200


def test_a_content_editor_may_still_number_a_draft(client):
    draft = ForumFactory(status="draft", number=7)
    client.force_login(staff_with_role("콘텐츠 편집자", "editor"))
    change = reverse("admin:events_forum_change", args=[draft.pk])
    client.post(change, forum_change_form(draft, number=8))
    draft.refresh_from_db()
    assert draft.number == 8


def test_a_new_forums_uid_is_its_own_in_the_sites_domain(settings):
    settings.SITE_URL = "https://forum.gwangju.go.kr"
    first, second = ForumFactory(), ForumFactory()
    assert first.calendar_uid != second.calendar_uid
    assert first.calendar_uid.endswith("@forum.gwangju.go.kr")


@pytest.mark.django_db(transaction=True)
def test_forums_made_before_the_uid_field_keep_the_uid_calendars_hold():
    executor = MigrationExecutor(connection)
    before, after = [("events", "0015_english_texts")], [("events", "0016_forum_calendar_uid_and_former_addresses")]
    try:
        executor.migrate(before)
        old_apps = executor.loader.project_state(before).apps
        series = old_apps.get_model("events", "Series").objects.create(name="조찬포럼", slug="gwangju-ai")
        OldForum = old_apps.get_model("events", "Forum")
        for number in (1, 2):
            OldForum.objects.create(
                series=series,
                number=number,
                title="주제",
                slug=f"gwangju-ai-{number}",
                starts_at="2020-06-10T07:30:00+09:00",
                ends_at="2020-06-10T09:30:00+09:00",
            )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        assert sorted(Forum.objects.values_list("calendar_uid", flat=True)) == [
            "gwangju-ai-1@forum-site",
            "gwangju-ai-2@forum-site",
        ]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
