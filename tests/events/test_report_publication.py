"""A report is a draft, seen by staff on the forum's page, until they publish it."""

import pytest
from django.urls import reverse

from tests.factories import ForumFactory, seoul

pytestmark = pytest.mark.django_db

REPORT = "## 논의\n\n참석자들은 **제조 데이터**를 함께 쓰는 길을 찾았습니다."


@pytest.fixture
def forum_with_draft_report():
    return ForumFactory(number=4, title="제조와 인공지능", starts_at=seoul(2020, 5, 13), report=REPORT)


def test_a_draft_report_is_nowhere_public(client, forum_with_draft_report):
    page = client.get(forum_with_draft_report.get_absolute_url())
    assert "제조 데이터" not in page.text
    assert "제조 데이터" not in client.get("/").text
    assert "제조 데이터" not in client.get("/forums/2020/").text
    assert "제조 데이터" not in client.get("/forums/feed/").text
    assert "제조와 인공지능" not in client.get("/search/", {"q": "제조 데이터"}).text


def test_staff_preview_the_draft_on_the_forum_page(admin_client, forum_with_draft_report):
    page = admin_client.get(forum_with_draft_report.get_absolute_url())
    assert "<p>참석자들은 <strong>제조 데이터</strong>를 함께 쓰는 길을 찾았습니다.</p>" in page.text
    assert "초안: 관리자에서 공개하기 전까지 직원에게만 보이는 보고서입니다." in page.text


def test_publishing_in_the_admin_shows_it_to_the_next_visitor_and_withdrawing_hides_it(
    admin_client, client, forum_with_draft_report, django_capture_on_commit_callbacks
):
    url = forum_with_draft_report.get_absolute_url()
    assert "제조 데이터" not in client.get(url).text  # now in the page cache without it
    changelist = reverse("admin:events_forum_changelist")
    selected = {"_selected_action": [forum_with_draft_report.pk]}
    with django_capture_on_commit_callbacks(execute=True):  # the admin's transaction commits
        done = admin_client.post(changelist, {"action": "publish_reports", **selected}, follow=True)
    assert "보고서 1건을 공개했습니다." in done.text

    page = client.get(url)
    assert "<strong>제조 데이터</strong>" in page.text
    assert "초안:" not in page.text
    assert "제조와 인공지능" in client.get("/search/", {"q": "제조 데이터"}).text
    assert "제조 데이터" in client.get("/forums/feed/").text

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(changelist, {"action": "withdraw_reports", **selected})
    assert "제조 데이터" not in client.get(url).text
