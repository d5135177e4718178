"""No management token reaches a log line: Django's CSRF warning on a token address
logs the path and the request, in the text and in the JSON format alike."""

import io
import logging

import pytest
from django.test import Client
from pythonjsonlogger.json import JsonFormatter

from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def console_log():
    """What the site's configured console handler writes, as text and as JSON."""
    handler = next(handler for handler in logging.getLogger().handlers if handler.name == "console")
    stream, formatter = io.StringIO(), handler.formatter
    previous = handler.setStream(stream)
    yield handler, stream
    handler.setStream(previous)
    handler.setFormatter(formatter)


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_a_csrf_failure_on_a_token_address_leaves_no_token_in_the_log(console_log, log_format):
    handler, stream = console_log
    if log_format == "json":
        handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s"))
    registration = RegistrationFactory()
    client = Client(enforce_csrf_checks=True)
    for path in (
        f"/registrations/{registration.token}/cancel/",
        f"/en/registrations/{registration.token}/correct/",
        f"/registrations/{registration.token}/delete/",
    ):
        assert client.post(path).status_code == 403
    written = stream.getvalue()
    assert written.count("django.security.csrf") == 3
    assert registration.token not in written
    assert written.count("/<token>/") >= 3


def test_check_in_codes_in_a_logged_message_are_redacted(console_log):
    _handler, stream = console_log
    registration = RegistrationFactory()
    logging.getLogger("anything").warning("Not Found: /registrations/check-in/%s.png", registration.check_in_code)
    logging.getLogger("anything").warning("scanned /desk/c/%s/", registration.check_in_code)
    written = stream.getvalue()
    assert registration.check_in_code not in written
    assert "/registrations/check-in/<token>.png" in written and "/desk/c/<token>/" in written
