"""The Atom feed of forum reports."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from forum_site.core.markdown import markdown_plain

from .models import Forum


class ForumReportsFeed(Feed):
    feed_type = Atom1Feed
    title = _("AI Breakfast Forum: forum reports")
    subtitle = _("What was said at each forum.")
    link = reverse_lazy("events:forum-list")

    def items(self):
        return Forum.objects.published().past().with_public_report().select_related("series")[:20]

    def item_title(self, forum):
        return f"{forum.display_number} {forum.title}"

    def item_description(self, forum):
        return Truncator(markdown_plain(forum.report)).chars(400)

    def item_pubdate(self, forum):
        return forum.starts_at

    def item_updateddate(self, forum):
        return forum.updated_at
