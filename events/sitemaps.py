"""sitemap.xml: the public pages search engines should know."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from speakers.models import Speaker

from .models import Forum, Talk


class PagesSitemap(Sitemap):
    def items(self):
        return ["events:home", "events:forum-list", "events:speaker-list"]

    def location(self, name):
        return reverse(name)


class ForumSitemap(Sitemap):
    def items(self):
        return Forum.objects.published().select_related("series").order_by("-starts_at")

    def lastmod(self, forum):
        return forum.updated_at


class TalkSitemap(Sitemap):
    def items(self):
        return Talk.objects.published().select_related("forum__series").order_by("pk")


class SpeakerSitemap(Sitemap):
    def items(self):
        return Speaker.objects.filter(talks__in=Talk.objects.published()).distinct().order_by("pk")


SITEMAPS = {"pages": PagesSitemap, "forums": ForumSitemap, "talks": TalkSitemap, "speakers": SpeakerSitemap}
