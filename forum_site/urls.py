"""The site's URLs: the public site, the registration pages and the staff admin."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from . import health, views
from .core.page_cache import public_page

admin.site.site_header = _("AI Breakfast Forum administration")
admin.site.site_title = _("AI Breakfast Forum")
admin.site.index_title = _("Run the forum series")

urlpatterns = [
    path("desk/", include("attendees.door.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("events.sitemap_urls")),
    path("robots.txt", public_page(views.robots_txt), name="robots-txt"),
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
# The public site in Korean at /…, in English at /en/…: the language is in the address.
urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("", include("attendees.urls")),
    prefix_default_language=False,
)
if settings.SERVE_MEDIA:
    # static() serves only while DEBUG is on; `make serve` needs the photos with it off.
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )
