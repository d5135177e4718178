"""A form refused by the CSRF check answers with the site's own page: in the visitor's
language, the site's look, and nothing inline that the CSP would block (Django's own page
styles itself with a <style> element, the one violation the CSP reports used to show)."""

import re

import pytest
from django.test import Client

from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def refused(path: str) -> tuple:
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"name": "김광주", "email": "kim@example.kr"})
    return response, response.content.decode()


def test_a_form_sent_without_its_token_gets_the_sites_page_in_korean_without_inline_style():
    forum = ForumFactory(status="published")
    response, page = refused(f"/forums/{forum.series.slug}/{forum.number}/register/")
    assert response.status_code == 403
    assert "<h1>양식을 보내지 못했습니다</h1>" in page
    assert "입력하신 내용은 저장되지 않았습니다." in page
    assert '<link rel="stylesheet" href="/static/css/site.css">' in page
    assert not re.search(r"<style|\sstyle=", page)
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "CSRF" not in page  # the reason is for the log, not for the visitor


def test_the_page_speaks_english_at_an_english_address():
    forum = ForumFactory(status="published")
    response, page = refused(f"/en/forums/{forum.series.slug}/{forum.number}/register/")
    assert response.status_code == 403
    assert "<h1>The form could not be sent</h1>" in page
    assert '<html lang="en">' in page
