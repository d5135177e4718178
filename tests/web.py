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


def registration_fields(index: int) -> dict:
    """The registration form as person number `index` fills it in."""
    return {
        "name": f"참가자{index}",
        "email": f"person{index}@example.kr",
        "organization": "광주AI",
        "position": "연구원",
        "sector": "industry",
        "consent_privacy": "on",
    }


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


class Visitor:
    """One person's cookies across requests to one server (sign in, fill a form)."""

    def __init__(self, base_url, *, source="127.0.0.1", cafile=None):
        self.base_url, self.source, self.cafile = base_url, source, cafile
        self.cookies = {}

    def _headers(self, extra=None):
        headers = dict(extra or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        return headers

    def _remember(self, answer):
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return answer

    def get(self, path, headers=None) -> Answer:
        answer = fetch(self.base_url + path, headers=self._headers(headers), source=self.source, cafile=self.cafile)
        return self._remember(answer)

    def submit(self, path, fields, *, form_path=None) -> Answer:
        """GET the form at form_path (default: path) for its CSRF token, then POST fields to path."""
        page = self.get(form_path or path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}, doseq=True)
        headers = self._headers(
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.base_url,
                "Referer": self.base_url + (form_path or path),
            }
        )
        answer = fetch(
            self.base_url + path, method="POST", body=body, headers=headers, source=self.source, cafile=self.cafile
        )
        return self._remember(answer)
