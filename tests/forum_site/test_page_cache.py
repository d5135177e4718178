"""Public pages from the shared cache: no cookie, no `Vary: Cookie`, 304 on revalidation,
compressed, and stale the moment an edit that they show is saved."""

import gzip

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.models import Forum

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/en/",
    "/forums/",
    "/forums/2020/",
    "/forums/gwangju-ai/2/",
    "/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/",
    "/speakers/",
    "/speakers/lee-kyung-il/",
    "/search/?q=솔트룩스",
    "/forums.ics",
    "/forums/gwangju-ai/2/calendar.ics",
    "/forums/feed/",
    "/sitemap.xml",
    "/sitemap-forums-ko.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_public_page_is_served_from_the_cache_without_cookies(
    client, demo, day_after_second_forum, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200
    assert first.cookies == {}
    assert "Cookie" not in first.headers.get("Vary", "")
    assert "Accept-Language" not in first.headers.get("Vary", "")  # the language is in the address
    assert first.headers["Cache-Control"] == "public, no-cache"
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content


def test_revalidation_answers_304_when_nothing_changed(
    client, demo, day_after_second_forum, django_capture_on_commit_callbacks
):
    page = client.get("/forums/gwangju-ai/2/")
    etag = page.headers["ETag"]
    assert client.get("/forums/gwangju-ai/2/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    forum = Forum.objects.get(number=2)
    forum.title = "인공지능과 산업의 혁신"
    with django_capture_on_commit_callbacks(execute=True):  # the page is stale once the edit commits
        forum.save()
    changed = client.get("/forums/gwangju-ai/2/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "인공지능과 산업의 혁신" in changed.text


def test_html_is_compressed_for_browsers_that_accept_it(client, demo):
    plain = client.get("/forums/gwangju-ai/2/")
    compressed = client.get("/forums/gwangju-ai/2/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2


def test_an_edit_in_the_admin_shows_on_the_next_anonymous_visit(
    client, admin_client, demo, day_after_second_forum, django_capture_on_commit_callbacks
):
    speaker_url = "/speakers/lee-kyung-il/"
    assert "㈜솔트룩스 대표이사" in client.get(speaker_url).text  # now cached
    speaker = demo.forums.get(number=2).talks.get().speakers.get()
    change = admin_client.get(f"/admin/speakers/speaker/{speaker.pk}/change/")
    form = {**change.context["adminform"].form.initial, "organization": "솔트룩스", "position": "대표"}
    form = {key: value for key, value in form.items() if value is not None and key != "photo"}
    with django_capture_on_commit_callbacks(execute=True):  # the admin's transaction commits
        assert admin_client.post(f"/admin/speakers/speaker/{speaker.pk}/change/", form).status_code == 302
    page = client.get(speaker_url).text
    assert "솔트룩스 대표" in page and "㈜솔트룩스 대표이사" not in page
    # The other pages that show the speaker too: one version for all of them.
    assert "㈜솔트룩스 대표이사" not in client.get("/forums/gwangju-ai/2/").text


def test_staff_see_live_pages_with_their_drafts(demo, day_after_second_forum):
    draft = demo.forums.get(number=3)
    draft.status = "draft"
    draft.save()
    anonymous = Client()
    assert anonymous.get("/forums/gwangju-ai/3/").status_code == 404
    staff = Client()
    staff.force_login(User.objects.create_user("editor", password="a-long-password-1", is_staff=True))
    assert staff.get("/forums/gwangju-ai/3/").status_code == 200  # not the cached 404, nor cached for others
    assert anonymous.get("/forums/gwangju-ai/3/").status_code == 404


def test_the_registration_form_keeps_its_csrf_cookie_and_is_never_cached(client, demo, day_after_second_forum):
    response = client.get("/forums/gwangju-ai/3/register/")
    assert 'name="csrfmiddlewaretoken"' in response.text
    assert "csrftoken" in response.cookies
    assert "private" in response.headers["Cache-Control"]


def test_a_page_from_the_cache_comes_whole_with_its_headers_and_encoding(
    client, demo, day_after_second_forum, django_assert_num_queries
):
    url = "/forums/gwangju-ai/2/"
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(url)  # cached apart: a client without gzip never gets gzip
    assert "Content-Encoding" not in plain.headers
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        revalidated = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed.headers["ETag"])
    assert again.content == compressed.content
    assert gzip.decompress(again.content) == plain.content
    kept_headers = ("Content-Encoding", "ETag", "Content-Security-Policy", "Vary", "Content-Language")
    for header in kept_headers:
        assert again.headers[header] == compressed.headers[header]
    assert again.headers["Vary"] == "Accept-Encoding"
    assert revalidated.status_code == 304
    assert revalidated.content == b""
