"""The site's URLs: the public site, the registration pages and the staff admin."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from . import health, views
from .core.page_cache import public_page

admin.site.site_header = _("AI Breakfast Forum administration")
admin.site.site_title = _("AI Breakfast Forum")
admin.site.index_title = _("Run the forum series")

# The admin's own header on the pages outside it (the password set from an invitation).
ADMIN_FRAME = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}

urlpatterns = [
    path("desk/", include("attendees.door.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("events.sitemap_urls")),
    path("robots.txt", public_page(views.robots_txt), name="robots-txt"),
    path("healthz", health.healthz, name="healthz"),
    # The link a new staff member gets by mail (forum_site/staff_invitation.py): Django's
    # password reset views, open without signing in, under the admin's address.
    path(
        "admin/password/set/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="staff_invitation/set_password.html",
            success_url=reverse_lazy("staff_password_set_done"),
            extra_context={"title": _("Set your password"), **ADMIN_FRAME},
        ),
        name="staff_password_set",
    ),
    path(
        "admin/password/set/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="staff_invitation/set_password_done.html",
            extra_context={"title": _("Your password is set"), **ADMIN_FRAME},
        ),
        name="staff_password_set_done",
    ),
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
