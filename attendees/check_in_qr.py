"""The QR code a registrant shows at the door: it carries the desk's address for their
check-in code, so a desk's scanner (or a staff phone's camera app) finds them at once.
It can check a person in and do nothing else.

A code is drawn once and kept in the cache: choosing a QR code's mask is most of the cost
(about 6 ms a code), and the same person's code is drawn for the confirmation mail, the
reminder, the management page and the badge sheet (bench/printables.py).
"""

import base64
import hashlib
import io

import segno
from django.core.cache import cache

from attendees.models import Registration
from forum_site.core.provided import Provided

# Long enough to reach from the confirmation mail to the forum morning's badges.
KEPT_FOR_SECONDS = 60 * 24 * 60 * 60


# The desk stands above every concern that draws the code; it provides its page (attendees/apps.py).
check_in_address: Provided = Provided("the desk's page a check-in code opens")


def check_in_url(registration: Registration) -> str:
    return check_in_address(registration.check_in_code)


def _cache_key(url: str, scale: int) -> str:
    # The address, not the registration: a new SITE_URL or code draws a new image.
    return f"check-in-qr:{scale}:{hashlib.sha256(url.encode()).hexdigest()}"


def _drawn(url: str, scale: int) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def check_in_qr_pngs(registrations: list[Registration], *, scale: int = 6) -> dict[int, bytes]:
    """Each registration's PNG by its pk, the ones in the cache fetched in one round trip."""
    urls = {registration.pk: check_in_url(registration) for registration in registrations}
    keys = {pk: _cache_key(url, scale) for pk, url in urls.items()}
    found = cache.get_many(list(keys.values()))
    drawn = {keys[pk]: _drawn(url, scale) for pk, url in urls.items() if keys[pk] not in found}
    if drawn:
        cache.set_many(drawn, timeout=KEPT_FOR_SECONDS)
    images = {**found, **drawn}
    return {pk: images[key] for pk, key in keys.items()}


def check_in_qr_png(registration: Registration, *, scale: int = 6) -> bytes:
    return check_in_qr_pngs([registration], scale=scale)[registration.pk]


def png_data_uri(png: bytes) -> str:
    """A PNG inline, for pages (the CSP allows data: images)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def check_in_qr_data_uri(registration: Registration) -> str:
    return png_data_uri(check_in_qr_png(registration))
