"""What the statistics keep of a forum before the purge removes the personal data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models import Forum
from forum_site.core import clock


class AttendanceSnapshot(models.Model):
    """What a forum's statistics need from personal data, kept as numbers before the
    purge removes it: returning attendees need emails, organisations need their names.
    Written once per forum, by the purge (attendees/reporting/statistics.py)."""

    forum = models.OneToOneField(Forum, on_delete=models.CASCADE, primary_key=True, related_name="+")
    returning_attendees = models.PositiveIntegerField()
    organisations = models.PositiveIntegerField()
    taken_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("attendance snapshot")
        verbose_name_plural = _("attendance snapshots")

    def __str__(self):
        return f"{self.forum_id}"
