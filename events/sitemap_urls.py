"""The sitemaps, at the site's root (outside the language prefixes): an index of one
sitemap per section and language, each paged (?p=2) past Sitemap.limit addresses."""

from django.contrib.sitemaps import views as sitemaps
from django.urls import path

from forum_site.core.page_cache import public_page

from .sitemap_index import sitemap_index
from .sitemaps import SITEMAPS

urlpatterns = [
    path("sitemap.xml", public_page(sitemap_index), name="sitemap"),
    path("sitemap-<section>.xml", public_page(sitemaps.sitemap), {"sitemaps": SITEMAPS}, name="sitemap-section"),
]
