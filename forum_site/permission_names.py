"""Permission names in Korean, as staff read them when they set up an account. Django
names permissions in English ("Can change forum") when it creates them."""

from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext_lazy as _

ACTIONS = {"add": _("add"), "change": _("change"), "delete": _("delete"), "view": _("view")}


def permissions_named_in_the_site_language(**kwargs) -> None:
    """post_migrate: name every permission in the site's language: "<model> <action>" for
    the model permissions, the translated Meta.permissions name for a model's own ones."""
    with translation.override("ko"):
        for permission in Permission.objects.select_related("content_type"):
            model = permission.content_type.model_class()
            if model is None:
                continue
            name = _name(permission.codename, model)
            if name and permission.name != name:
                permission.name = name
                permission.save(update_fields=["name"])


def _name(codename: str, model) -> str:
    own = dict(model._meta.permissions)
    if codename in own:
        return str(own[codename])
    action, _sep, model_name = codename.partition("_")
    if action not in ACTIONS or model_name != model._meta.model_name:
        return ""
    return f"{model._meta.verbose_name} {ACTIONS[action]}"
