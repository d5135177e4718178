"""The addresses of a registration's pages, built here beside their views (views.py,
self_service.py) and handed to whoever shows them: the pages, the mails.

Deliberately no get_absolute_url() on Registration: the admin's "view on site" shortcut
would then hand any staff login the attendee's management link, which can cancel."""

from django.urls import reverse

from attendees.models import Registration
from forum_site.core.addresses import address_of


def registration_path(forum) -> str:
    """The forum's registration form (events' pages show it as the register button)."""
    return address_of("attendees:register", series=forum.series.slug, number=forum.number)


def management_path(registration: Registration) -> str:
    return reverse("attendees:manage", kwargs={"token": registration.token})


def check_in_qr_path(registration: Registration) -> str:
    return reverse("attendees:check-in-qr", kwargs={"code": registration.check_in_code})


def news_confirm_path(registration: Registration) -> str:
    return reverse("attendees:news-confirm", kwargs={"token": registration.token})
