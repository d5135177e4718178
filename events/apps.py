from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Forum series, venues, forums, talks and photos: what the public reads."""

    name = "events"
    verbose_name = _("Forums")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from speakers.models import Speaker

        from . import search_refresh
        from .models import TalkSpeaker

        # A talk's search text holds its speakers' names.
        for signal in (post_save, post_delete):
            signal.connect(
                search_refresh.on_talk_speaker_changed, sender=TalkSpeaker, dispatch_uid=f"talk-words-{signal}"
            )
        post_save.connect(search_refresh.on_speaker_saved, sender=Speaker, dispatch_uid="talk-words-speaker")
