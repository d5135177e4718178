"""The certificate as an A4 PDF (WeasyPrint, tagged PDF/UA-1, the Korean font embedded),
in Korean, as the office issues it."""

import io

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from attendees.certificates.addresses import verification_url
from attendees.check_in_qr import png_data_uri
from attendees.models import Certificate
from attendees.print_styles import pdf_from_html


def _qr(url: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=4, border=2)
    return png_data_uri(buffer.getvalue())


def certificate_pdf(certificate: Certificate) -> bytes:
    registration = certificate.registration
    url = verification_url(certificate.number)
    context = {
        "registration": registration,
        "forum": registration.forum,
        "certificate": certificate,
        "issuer": settings.FORUM_ORGANIZER_NAME,
        "issued_on": timezone.localtime(certificate.issued_at).date(),
        "verification_url": url,
        "qr": _qr(url),
    }
    with translation.override("ko"):
        html = render_to_string("attendees/certificates/certificate.html", context)
    return pdf_from_html(html, "certificate.css", base_url=str(settings.BASE_DIR))
