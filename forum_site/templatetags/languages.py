"""The same page in each of the site's languages: the public pages live at /… in Korean
and at /en/… in English (i18n_patterns), so a page's language is in its address and a
shared cache can keep both without cookies."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()

NAMES = {"ko": "한국어", "en": "English"}


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[dict]:
    """Each language with this page's address in it; empty on pages that have one address
    for all languages (the desk), which switch with a form instead."""
    request = context.get("request")
    if request is None:  # the server error page, rendered without one
        return []
    here = request.get_full_path()
    current = translation.get_language()
    versions = [
        {"code": code, "name": NAMES.get(code, code), "url": translate_url(here, code), "current": code == current}
        for code, _name in settings.LANGUAGES
    ]
    if len({version["url"] for version in versions}) < len(versions):
        return []
    return versions
