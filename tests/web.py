"""A small HTTP client for tests against real servers (nginx, gunicorn): exact headers,
a chosen source address, and the site's CSRF cookie and token carried along."""

import dataclasses
import http.client
import re
import ssl
import urllib.parse


@dataclasses.dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(url, *, method="GET", headers=None, body=None, source="127.0.0.1", cafile=None) -> Answer:
    """One request; `source` is the client address it comes from (any of 127.0.0.0/8)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https":
        context = ssl.create_default_context(cafile=str(cafile))
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, context=context, source_address=(source, 0), timeout=30
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, source_address=(source, 0), timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def register(base_url, form_path, fields, *, source="127.0.0.1", headers=None, cafile=None) -> Answer:
    """GET the registration form for its CSRF cookie and token, then POST it."""
    page = fetch(base_url + form_path, source=source, headers=headers, cafile=cafile)
    assert page.status == 200, page.status
    cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token})
    return fetch(
        base_url + form_path,
        method="POST",
        body=body,
        source=source,
        cafile=cafile,
        headers={
            **(headers or {}),
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Origin": base_url,
            "Referer": base_url + form_path,
        },
    )
