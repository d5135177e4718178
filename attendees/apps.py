from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendeesConfig(AppConfig):
    """Registrations for forums: the form, capacity, waiting list, mail and check-in."""

    name = "attendees"
    verbose_name = _("Attendees")

    def ready(self):
        from attendees.registrations import checks  # noqa: F401 (registers the rate limits' check)
