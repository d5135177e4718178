"""Permission names in Korean, as staff read them when they set up an account. Django
names permissions in English ("Can change forum") when it creates them."""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext_lazy as _

ACTIONS = {"add": _("add"), "change": _("change"), "delete": _("delete"), "view": _("view")}


def permissions_named_in_the_site_language(**kwargs) -> None:
    """post_migrate: rename every model permission "<model> <action>" in the site's language."""
    with translation.override("ko"):
        for permission in Permission.objects.select_related("content_type"):
            action, _sep, model_name = permission.codename.partition("_")
            try:
                model = apps.get_model(permission.content_type.app_label, model_name)
            except LookupError:
                continue
            if action not in ACTIONS or model_name != model._meta.model_name:
                continue
            name = f"{model._meta.verbose_name} {ACTIONS[action]}"
            if permission.name != name:
                permission.name = name
                permission.save(update_fields=["name"])
