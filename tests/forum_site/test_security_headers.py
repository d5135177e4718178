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
