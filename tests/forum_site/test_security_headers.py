"""Every response tells the browser to run only the site's own files and to keep powerful features off."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/forums/", "/search/?q=AI", "/admin/login/"])
def test_content_security_policy_allows_only_the_site_itself(client, path):
    policy = dict(
        directive.strip().split(" ", 1) for directive in client.get(path)["Content-Security-Policy"].split(";")
    )
    assert policy == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def test_permissions_policy_keeps_the_camera_and_the_rest_off(client):
    assert client.get("/")["Permissions-Policy"] == (
        "camera=(), geolocation=(), interest-cohort=(), microphone=(), payment=(), usb=()"
    )


@pytest.mark.django_db
def test_healthz_tells_the_internet_only_ok_or_fail(client):
    from django.test import Client

    outside = Client(REMOTE_ADDR="203.0.113.5")
    answer = outside.get("/healthz")
    assert (answer.status_code, answer.json()) == (200, {"status": "ok"})


@pytest.mark.django_db
def test_healthz_tells_staff_and_this_host_what_is_wrong(client, admin_user):
    from django.test import Client

    from attendees.models import PendingMail
    from tests.factories import RegistrationFactory

    kim = RegistrationFactory(email="kim@example.kr")
    PendingMail.objects.create(registration=kim, recipient=kim.email, kind="confirmation")
    details = {"status": "ok", "database": "ok", "cache": "ok", "mail": {"status": "ok", "oldest_waiting_seconds": 0}}
    assert Client(REMOTE_ADDR="127.0.0.1").get("/healthz").json() == details
    assert Client(REMOTE_ADDR="::1").get("/healthz").json() == details
    staff = Client(REMOTE_ADDR="203.0.113.5")
    staff.force_login(admin_user)
    assert staff.get("/healthz").json() == details
    assert Client(REMOTE_ADDR="203.0.113.5").get("/healthz").json() == {"status": "ok"}
