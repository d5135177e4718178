from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Forum series, venues, forums, talks and photos: what the public reads."""

    name = "events"
    verbose_name = _("Forums")
