from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ForumSiteConfig(AppConfig):
    """The project itself as an app: site templates, staff roles, project-wide commands."""

    name = "forum_site"
    verbose_name = _("Forum site")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy checks)


class ForumAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site's own AdminSite (forum_site/admin_site.py)."""

    default = False  # named in INSTALLED_APPS; "forum_site" itself is ForumSiteConfig
    default_site = "forum_site.admin_site.ForumAdminSite"
