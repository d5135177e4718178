"""Events' series admin, extended with the questions each new forum of the series copies
(attendees/questions/defaults.py). The project registers it (forum_site/admin.py)."""

from django.utils.translation import gettext_lazy as _

from attendees.questions.admin import QuestionInline
from events.admin import SeriesAdmin as EventsSeriesAdmin


class SeriesQuestionInline(QuestionInline):
    fk_name = "series"
    verbose_name_plural = _("default questions, copied to each new forum of the series")


class SeriesAdmin(EventsSeriesAdmin):
    inlines = [*EventsSeriesAdmin.inlines, SeriesQuestionInline]
