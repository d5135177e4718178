from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ForumSiteConfig(AppConfig):
    """The project itself as an app: site templates, staff roles, project-wide commands."""

    name = "forum_site"
    verbose_name = _("Forum site")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import (
            checks,  # noqa: F401 (registers the deploy checks)
            staff_invitation,  # noqa: F401 (registers its mail with the outbox)
        )
        from .permission_names import permissions_named_in_the_site_language

        post_migrate.connect(permissions_named_in_the_site_language, dispatch_uid="permissions-in-korean")
        _public_content_watched()

        from django_tasks.signals import task_finished

        from .request_log import task_finished_logged

        task_finished.connect(task_finished_logged, dispatch_uid="task-log-line")

        from django.contrib.auth.signals import user_login_failed

        from .login_limit import login_failure_counted

        user_login_failed.connect(login_failure_counted, dispatch_uid="login-failures-per-client")


# Every row a public page shows: forums, talks, speakers, venues, photos, and the
# registrations behind the seat counts.
PUBLIC_CONTENT_APPS = ("events", "speakers")


def _public_content_watched() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    from .core.page_cache import content_changed

    models = [model for label in PUBLIC_CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    models.append(apps.get_model("attendees", "Registration"))
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model._meta.label}")


class ForumAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the site's own AdminSite (forum_site/admin_site.py)."""

    default = False  # named in INSTALLED_APPS; "forum_site" itself is ForumSiteConfig
    default_site = "forum_site.admin_site.ForumAdminSite"
