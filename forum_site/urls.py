"""The site's URLs: the public site, the registration pages and the staff admin."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from events.sitemaps import SITEMAPS

from . import health, views

admin.site.site_header = _("AI Breakfast Forum administration")
admin.site.site_title = _("AI Breakfast Forum")
admin.site.index_title = _("Run the forum series")

urlpatterns = [
    path("", include("events.urls")),
    path("", include("attendees.urls")),
    path("desk/", include("attendees.desk_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
