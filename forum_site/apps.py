from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ForumSiteConfig(AppConfig):
    """The project itself as an app: site templates, staff roles, project-wide commands."""

    name = "forum_site"
    verbose_name = _("Forum site")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401 (registers the deploy checks)
        from .permission_names import permissions_named_in_the_site_language

        post_migrate.connect(permissions_named_in_the_site_language, dispatch_uid="permissions-in-korean")


class ForumAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site's own AdminSite (forum_site/admin_site.py)."""

    default = False  # named in INSTALLED_APPS; "forum_site" itself is ForumSiteConfig
    default_site = "forum_site.admin_site.ForumAdminSite"
