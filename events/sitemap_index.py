"""The sitemap index (sitemap.xml): every page of every section's sitemap, in each language.

Django's index view asks each sitemap for its page count and latest change, and ours has
one sitemap per section and language: the same COUNT and the same MAX once per language,
then the date formatted again for each of the index's hundreds of lines at 3,000 forums.
Here each section is counted once for all its languages and its date formatted once; the
lines are what Django's view writes.
"""

from django.conf import settings
from django.contrib.sitemaps.views import x_robots_tag
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .sitemaps import SECTIONS, SITEMAPS


@x_robots_tag
def sitemap_index(request):
    entries = []
    for section in SECTIONS:
        # The languages' sitemaps list the same items: the first one counts for all.
        first = SITEMAPS[f"{section}-{settings.LANGUAGE_CODE}"]
        pages = first.paginator.num_pages
        lastmod = first.get_latest_lastmod()
        lastmod = timezone.localtime(lastmod).isoformat() if lastmod else ""
        for language, _name in settings.LANGUAGES:
            address = request.build_absolute_uri(
                reverse("sitemap-section", kwargs={"section": f"{section}-{language}"})
            )
            entries.append((address, lastmod))
            entries.extend((f"{address}?p={page}", lastmod) for page in range(2, pages + 1))
    return TemplateResponse(request, "events/sitemap_index.xml", {"entries": entries}, content_type="application/xml")
