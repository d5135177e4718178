"""The client's address: believed from X-Forwarded-For only when a trusted proxy sent it."""

import pytest
from django.test import RequestFactory

from forum_site.core.client_address import client_ip


@pytest.fixture
def request_from():
    def make(remote_addr, forwarded_for=None):
        meta = {"REMOTE_ADDR": remote_addr}
        if forwarded_for is not None:
            meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
        return RequestFactory().get("/", **meta)

    return make


def test_without_trusted_proxies_the_header_is_ignored(request_from, settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_a_client_reaching_the_app_directly_cannot_spoof_its_address(request_from, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_the_trusted_proxy_the_client_is_the_last_untrusted_hop(request_from, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_ip(request_from("127.0.0.1", "198.51.100.1")) == "198.51.100.1"
    # A client that writes its own header only adds entries to the left of the real one.
    assert client_ip(request_from("127.0.0.1", "1.2.3.4, 198.51.100.1")) == "198.51.100.1"
    assert client_ip(request_from("127.0.0.1", "198.51.100.1, 10.1.2.3")) == "198.51.100.1"


@pytest.mark.parametrize("header", [None, "", " , ", "not-an-ip", "1.2.3.4, garbage", "::ffff:zz"])
def test_a_missing_or_malformed_header_falls_back_to_the_peer(request_from, settings, header):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    # Past a malformed entry nothing further left can be believed either.
    assert client_ip(request_from("127.0.0.1", header)) == "127.0.0.1"


def test_a_unix_socket_peer_is_the_local_proxy(request_from, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request_from("", "198.51.100.1")) == "198.51.100.1"
    assert client_ip(request_from("", None)) is None
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("", "198.51.100.1")) is None


@pytest.mark.django_db
def test_registration_posts_on_a_unix_socket_are_no_server_error(client, settings):
    from tests.factories import ForumFactory

    forum = ForumFactory()
    response = client.post(
        f"/forums/{forum.series.slug}/{forum.number}/register/",
        {
            "name": "김광주",
            "email": "kim@example.kr",
            "organization": "광주AI",
            "position": "연구원",
            "sector": "industry",
            "consent_privacy": "on",
        },
        REMOTE_ADDR="",
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_rate_limit_counts_the_forwarded_client_not_the_proxy(client, settings, one_rate_window):
    from tests.factories import ForumFactory

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.REGISTRATION_RATE_LIMITS = {**settings.REGISTRATION_RATE_LIMITS, "ip": "1/h"}
    forum = ForumFactory()
    url = f"/forums/{forum.series.slug}/{forum.number}/register/"
    person = {
        "name": "김광주",
        "organization": "광주AI",
        "position": "연구원",
        "sector": "industry",
        "consent_privacy": "on",
    }
    first = client.post(url, {**person, "email": "a@example.kr"}, HTTP_X_FORWARDED_FOR="198.51.100.1")
    other_client = client.post(url, {**person, "email": "b@example.kr"}, HTTP_X_FORWARDED_FOR="198.51.100.2")
    same_client = client.post(url, {**person, "email": "c@example.kr"}, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert (first.status_code, other_client.status_code, same_client.status_code) == (302, 302, 429)
