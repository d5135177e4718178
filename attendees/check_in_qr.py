"""The QR code a registrant shows at the door: it carries the desk's address for their
check-in code, so a desk's scanner (or a staff phone's camera app) finds them at once.
It can check a person in and do nothing else."""

import base64
import io

import segno
from django.conf import settings
from django.urls import reverse

from attendees.models import Registration


def check_in_url(registration: Registration) -> str:
    return settings.SITE_URL + reverse("desk:scan", kwargs={"code": registration.check_in_code})


def check_in_qr_png(registration: Registration, *, scale: int = 6) -> bytes:
    buffer = io.BytesIO()
    segno.make(check_in_url(registration), error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def check_in_qr_data_uri(registration: Registration) -> str:
    """The PNG inline, for pages (the CSP allows data: images)."""
    return "data:image/png;base64," + base64.b64encode(check_in_qr_png(registration)).decode("ascii")
