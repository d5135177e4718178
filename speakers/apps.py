from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakersConfig(AppConfig):
    """People who speak at forums. Knows nothing of forums or registrations."""

    name = "speakers"
    verbose_name = _("Speakers")
