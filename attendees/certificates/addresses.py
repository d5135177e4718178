"""The certificate's addresses, built here beside its views and handed to the pages and
the mails that carry them."""

from django.conf import settings
from django.urls import reverse

from attendees.models import Registration


def certificate_path(registration: Registration) -> str:
    return reverse("attendees:certificate", kwargs={"token": registration.token})


def verification_url(number: str) -> str:
    return settings.SITE_URL + reverse("attendees:certificate-verify", kwargs={"number": number})
