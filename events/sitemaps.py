"""The sitemaps: an index (sitemap.xml) of one sitemap per section and language
(sitemap-forums-ko.xml, sitemap-forums-en.xml, ...), each paged (?p=2) past `limit`.

Django's i18n sitemaps build the list of every (item, language) pair before taking a
page of it; a sitemap per language keeps the items a queryset. Its pages are ranges of
primary keys (key_range_pages.py), not COUNT and OFFSET, so that the index
(sitemap_index.py, which reads each section once for all its languages) and every page
cost the same however long the archive grows.
The pages name their other language themselves (hreflang links in events/site/base.html).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from .key_range_pages import KeyRangePaginator
from .models import Forum, Talk, public_speakers


class LanguageSitemap(Sitemap):
    # Small pages: each is rendered in a few milliseconds, however many there are.
    limit = 50

    def __init__(self, language: str):
        self.language = language

    def location(self, item):
        with translation.override(self.language):
            return self.address(item)

    def address(self, item) -> str:
        return item.get_absolute_url()


class PagesSitemap(LanguageSitemap):
    def items(self):
        return ["events:home", "events:forum-list", "events:speaker-list"]

    def address(self, name):
        return reverse(name)


class KeyRangeSitemap(LanguageSitemap):
    """A section whose items are a queryset, paged by key ranges."""

    @property
    def paginator(self):
        return KeyRangePaginator(self.items(), self.limit)


class ForumSitemap(KeyRangeSitemap):
    def items(self):
        return Forum.objects.published().select_related("series")

    def lastmod(self, forum):
        return forum.updated_at

    def get_latest_lastmod(self):
        # For the index: one aggregate, not every forum fetched to find the latest.
        return Forum.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class TalkSitemap(KeyRangeSitemap):
    def items(self):
        return Talk.objects.published().select_related("forum__series")


class SpeakerSitemap(KeyRangeSitemap):
    def items(self):
        return public_speakers()


SECTIONS = {"pages": PagesSitemap, "forums": ForumSitemap, "talks": TalkSitemap, "speakers": SpeakerSitemap}

SITEMAPS = {
    f"{section}-{language}": sitemap(language)
    for section, sitemap in SECTIONS.items()
    for language, _name in settings.LANGUAGES
}
