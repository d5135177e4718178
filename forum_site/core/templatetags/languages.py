"""The same page in each of the site's languages: the public pages live at /… in Korean
and at /en/… in English (i18n_patterns), so a page's language is in its address and a
shared cache can keep both without cookies."""

from urllib.parse import urlencode

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


# The query keys that make a page of its own (a list's second page); any other, a search's
# words or a filter, shows a variant of the page at the clean address.
PAGE_KEYS = ("page",)


def _clean(request, path: str) -> str:
    kept = {key: value for key, value in request.GET.items() if key in PAGE_KEYS and value != "1"}
    return settings.SITE_URL + path + (f"?{urlencode(kept)}" if kept else "")


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's one address (rel=canonical, og:url): the site's own host, no search or filter."""
    request = context.get("request")
    return _clean(request, request.path) if request is not None else ""


@register.simple_tag(takes_context=True)
def alternate_urls(context) -> list[tuple[str, str]]:
    """(hreflang, address) for each language's version of the page at its clean address, and
    x-default: the Korean one, the site's language for a visitor who asks for neither."""
    request = context.get("request")
    versions = language_versions(context)
    if request is None or not versions:
        return []
    addresses = [
        (version["code"], _clean(request, translate_url(request.path, version["code"]))) for version in versions
    ]
    default = dict(addresses).get(settings.LANGUAGE_CODE)
    return [*addresses, *([("x-default", default)] if default else [])]
