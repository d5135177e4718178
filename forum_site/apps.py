from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumSiteConfig(AppConfig):
    """The project itself as an app: site templates, staff roles, project-wide commands."""

    name = "forum_site"
    verbose_name = _("Forum site")
