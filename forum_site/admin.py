"""The project composes what no app may do alone: the forum's admin is events' ForumAdmin,
extended by attendees with all that reaches the people registered (seat counts, the
registration links, announcing, cancelling, the result report, the questions), and the
series' admin is events' SeriesAdmin with the default questions its forums copy. Events
imports nothing of attendees, and no app unregisters another's admin."""

from django.contrib import admin

from attendees.forum_admin import ForumAdmin
from attendees.series_admin import SeriesAdmin
from events.models import Forum, Series

admin.site.register(Forum, ForumAdmin)
admin.site.register(Series, SeriesAdmin)
