"""The Atom feed of forum reports, one per language (/forums/feed/, /en/forums/feed/), with
the organizer as the author that RFC 4287 asks of every entry."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from forum_site.core.markdown import markdown_plain

from .models import Forum
from .structured_data import organizer_name


class ForumReportsFeed(Feed):
    feed_type = Atom1Feed
    title = _("AI Breakfast Forum: forum reports")
    subtitle = _("What was said at each forum.")
    link = reverse_lazy("events:forum-list")

    def author_name(self):
        return organizer_name()

    def author_link(self):
        return settings.FORUM_ORGANIZER_URL

    def items(self):
        return Forum.objects.published().past().with_public_report().select_related("series")[:20]

    def item_title(self, forum):
        return f"{forum.display_number} {forum.shown_title}"

    def item_description(self, forum):
        return Truncator(markdown_plain(forum.shown_report)).chars(400)

    def item_pubdate(self, forum):
        return forum.starts_at

    def item_updateddate(self, forum):
        return forum.updated_at
