"""sitemap.xml: the public pages search engines should know, as an index of one
sitemap per section."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from speakers.models import Speaker

from .models import Forum, Talk


class PagedSitemap(Sitemap):
    # A page of a section's sitemap stays small however long the archive grows (?p=2...).
    limit = 500
    # Each page in both languages, with hreflang alternates, whatever language asks.
    i18n = True
    alternates = True


class PagesSitemap(PagedSitemap):
    def items(self):
        return ["events:home", "events:forum-list", "events:speaker-list"]

    def location(self, name):
        return reverse(name)


class ForumSitemap(PagedSitemap):
    def items(self):
        return Forum.objects.published().select_related("series").order_by("-starts_at")

    def lastmod(self, forum):
        return forum.updated_at


class TalkSitemap(PagedSitemap):
    def items(self):
        return Talk.objects.published().select_related("forum__series").order_by("pk")


class SpeakerSitemap(PagedSitemap):
    def items(self):
        return Speaker.objects.filter(talks__in=Talk.objects.published()).distinct().order_by("pk")


SITEMAPS = {"pages": PagesSitemap, "forums": ForumSitemap, "talks": TalkSitemap, "speakers": SpeakerSitemap}
