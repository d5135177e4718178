"""The desk's page a check-in code opens, built here beside its view (views.py) and
provided to the QR code every concern draws (attendees/check_in_qr.py)."""

from django.conf import settings
from django.urls import reverse


def scan_address(code: str) -> str:
    return settings.SITE_URL + reverse("desk:scan", kwargs={"code": code})
