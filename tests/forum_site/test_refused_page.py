"""A refused page is the site's own, in Korean as the admin is (its English is in the
catalogue for pages under /en/): what was refused, which account and roles asked, and
whom to ask. Never Django's bare "403 Forbidden"."""

import pytest

from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(staff_with_role("콘텐츠 편집자", "editor"))
    return client


def test_a_refused_admin_page_says_in_korean_what_was_refused_and_whom_to_ask(editor_client):
    response = editor_client.get("/admin/attendees/registration/")
    assert response.status_code == 403
    assert "<h1>이 페이지를 열 권한이 없습니다</h1>" in response.text
    assert "<code>/admin/attendees/registration/</code> 페이지를 열 수 없습니다." in response.text
    assert "<strong>editor</strong> 계정으로 로그인되어 있습니다. 계정의 역할: 콘텐츠 편집자" in response.text
    assert "사이트 계정을 관리하는 분(최고 관리자)에게 해당 역할을 요청해 주세요." in response.text
    assert "403 Forbidden" not in response.text
