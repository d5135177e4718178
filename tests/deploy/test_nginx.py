"""Debian's nginx with deploy/nginx.conf in front of gunicorn (deploy/gunicorn.conf.py),
production settings, on high ports: what only the real proxy can show."""

from pathlib import Path

import pytest

from attendees.models import Registration
from tests.factories import ForumFactory, ForumPhotoFactory
from tests.web import fetch, register
from tests.web import registration_fields as person

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_an_uploaded_photo_is_served_by_nginx(behind_nginx, settings):
    photo = ForumPhotoFactory(forum=ForumFactory())
    stored = (Path(settings.MEDIA_ROOT) / photo.image.name).read_bytes()
    answer = fetch(f"{behind_nginx['https']}/media/{photo.image.name}", cafile=behind_nginx["cafile"])
    assert answer.status == 200
    assert answer.body == stored
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    static = fetch(f"{behind_nginx['https']}/", cafile=behind_nginx["cafile"])
    assert static.status == 200


def test_x_forwarded_proto_is_believed_only_from_the_proxy(behind_nginx):
    cafile = behind_nginx["cafile"]
    # Through nginx over HTTPS: nginx says https, and the site believes it (no redirect).
    through_proxy = fetch(f"{behind_nginx['https']}/forums/", cafile=cafile)
    assert through_proxy.status == 200
    assert through_proxy.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    # Plain HTTP to nginx is sent to HTTPS by nginx itself.
    plain = fetch(f"{behind_nginx['http']}/forums/")
    assert (plain.status, plain.headers["Location"]) == (301, "https://localhost/forums/")
    # A client reaching gunicorn directly may claim HTTPS; the site does not believe it.
    forged = fetch(f"{behind_nginx['direct']}/forums/", headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
    assert (forged.status, forged.headers["Location"]) == (301, "https://localhost/forums/")


def test_the_rate_limit_counts_each_real_client_behind_nginx(behind_nginx):
    cafile = behind_nginx["cafile"]
    forum = ForumFactory(status="published")
    form = f"/forums/{forum.series.slug}/{forum.number}/register/"

    # One client, three registrations (the limit), each claiming another address in
    # X-Forwarded-For: nginx appends the real one, and that is what is counted.
    for index in range(3):
        spoofed = {"X-Forwarded-For": f"203.0.113.{index}"}
        answer = register(behind_nginx["https"], form, person(index), headers=spoofed, cafile=cafile)
        assert answer.status == 302, answer.text[:500]
    refused = register(
        behind_nginx["https"], form, person(3), headers={"X-Forwarded-For": "203.0.113.9"}, cafile=cafile
    )
    assert refused.status == 429
    # Another client behind the same proxy is not held back by the first one's count.
    other = register(behind_nginx["https"], form, person(4), source="127.0.0.2", cafile=cafile)
    assert other.status == 302
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "person0@example.kr",
        "person1@example.kr",
        "person2@example.kr",
        "person4@example.kr",
    ]


def test_nginx_logs_token_addresses_redacted_and_hides_its_version(behind_nginx):
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(forum=ForumFactory())
    cafile = behind_nginx["cafile"]
    manage = fetch(
        f"{behind_nginx['https']}/registrations/{registration.token}/",
        headers={"Referer": f"{behind_nginx['https']}/registrations/{registration.token}/correct/"},
        cafile=cafile,
    )
    assert manage.status == 200
    fetch(f"{behind_nginx['https']}/registrations/check-in/{registration.check_in_code}.png", cafile=cafile)
    missing = fetch(f"{behind_nginx['https']}/static/no-such-file.css", cafile=cafile)
    assert (missing.status, manage.headers["Server"], missing.headers["Server"]) == (404, "nginx", "nginx")
    assert "nginx/" not in missing.text
    logged = behind_nginx["access_log"].read_text()
    assert registration.token not in logged and registration.check_in_code not in logged
    assert '"GET /registrations/<token>/ HTTP/1.1" 200' in logged
    assert "/registrations/<token>/correct/" in logged  # the referrer, redacted too
    assert "/registrations/check-in/<token>.png" in logged


def test_slides_download_as_attachments(behind_nginx, settings):
    slides = Path(settings.MEDIA_ROOT) / "slides" / "talk.pdf"
    slides.parent.mkdir(parents=True, exist_ok=True)
    slides.write_bytes(b"%PDF-1.4 slides")
    answer = fetch(f"{behind_nginx['https']}/media/slides/talk.pdf", cafile=behind_nginx["cafile"])
    assert (answer.status, answer.body) == (200, b"%PDF-1.4 slides")
    assert answer.headers["Content-Disposition"] == "attachment"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
