from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendeesConfig(AppConfig):
    """Registrations for forums: the form, capacity, waiting list, mail and check-in."""

    name = "attendees"
    verbose_name = _("Attendees")

    def ready(self):
        # The pages of this app that layers below it show: they name nothing above them.
        from attendees.check_in_qr import check_in_address
        from attendees.door.addresses import scan_address

        # Each concern registers the mails it writes with the outbox.
        from attendees.news import mails as news_mails  # noqa: F401
        from attendees.registrations import checks  # noqa: F401 (registers the rate limits' check)
        from attendees.registrations import mails as registration_mails  # noqa: F401
        from attendees.registrations.addresses import registration_path
        from events import registration_page

        check_in_address.provide(scan_address)
        registration_page.registration_path.provide(registration_path)

        # A new forum asks the questions its series holds as defaults, and has its survey.
        from django.db.models.signals import post_save

        from attendees.questions import defaults
        from attendees.surveys import building
        from events.models import Forum

        post_save.connect(defaults.forum_created, sender=Forum, dispatch_uid="attendees.questions.defaults")
        post_save.connect(building.forum_created, sender=Forum, dispatch_uid="attendees.surveys.building")
