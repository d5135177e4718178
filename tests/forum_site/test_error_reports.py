"""With SENTRY_DSN set, an unhandled error is reported to Sentry (sentry-sdk), without
the request's cookies or body. A local HTTP server stands in for Sentry."""

import http.server
import json
import subprocess
import sys
import threading
import zlib

from tests.processes import ROOT
from tests.smtp import free_port

SCRIPT = """
import django, sentry_sdk
django.setup()
from django.test import Client
response = Client(raise_request_exception=False).get(
    "/broken/", HTTP_COOKIE="csrftoken=secret-cookie-value", HTTP_HOST="localhost"
)
print(response.status_code)
sentry_sdk.flush(timeout=10)
"""


class SentryStandIn(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
        elif encoding == "br":  # sentry-sdk's choice when brotli is installed
            import brotli

            body = brotli.decompress(body)
        self.received.append(body.decode())
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_an_unhandled_error_is_reported_to_sentry_without_personal_data(static_root, tmp_path):
    port = free_port()
    server = http.server.HTTPServer(("127.0.0.1", port), SentryStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            cwd=ROOT,
            env={
                "PATH": "/usr/bin:/bin",
                "DJANGO_SETTINGS_MODULE": "forum_site.settings",
                "DEBUG": "false",
                "SECRET_KEY": "k" * 60,
                "ALLOWED_HOSTS": "localhost",
                "SECURE_SSL_REDIRECT": "false",
                "ROOT_URLCONF": "tests.error_urls",
                "SENTRY_DSN": f"http://public-key@127.0.0.1:{port}/42",
                "STATIC_ROOT": str(static_root),  # the error page's styles, as collected
                "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.shutdown()
    assert result.stdout.strip().splitlines()[-1] == "500", result.stderr
    events = [
        json.loads(line)
        for envelope in SentryStandIn.received
        for line in envelope.splitlines()
        if '"exception"' in line
    ]
    assert events, SentryStandIn.received[:1] or result.stderr[-2000:]
    [event] = events
    [exception] = event["exception"]["values"]
    assert (exception["type"], exception["value"]) == ("ZeroDivisionError", "a bug in a view")
    assert event["transaction"] == "/broken/"
    assert "secret-cookie-value" not in json.dumps(event)
