"""A worker's warm-up loads what its first requests would (forum_site/warm_up.py)."""

from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.utils import translation
from django.utils.translation import trans_real

from forum_site.warm_up import template_names, warm_up


def _cached_loader() -> CachedLoader:
    return next(loader for loader in engines["django"].engine.template_loaders if isinstance(loader, CachedLoader))


def test_template_names_are_the_projects_own():
    names = template_names()

    assert "events/home.html" in names
    assert "events/includes/_forum_card.html" in names
    assert "attendees/registrations/register.html" in names
    assert "admin/base.html" not in names  # Django's own, loaded when the admin asks


def test_warm_up_compiles_every_template_and_reads_both_languages():
    loader = _cached_loader()
    loader.reset()
    trans_real._translations.pop("en", None)

    compiled = warm_up()

    assert compiled == len(template_names())
    cached_names = {template.origin.template_name for template in loader.get_template_cache.values()}
    assert set(template_names()) <= cached_names
    assert "en" in trans_real._translations
    with translation.override("en"):
        assert translation.gettext("Forums") == "Forums"
