"""The layers hold beyond imports (import-linter checks those, `make lint`): a lower app
names nothing of a higher one, not even as a string (a URL name, a dotted path, a
permission), and no app takes another's admin registration away."""

import ast
import functools
import inspect
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.template import TemplateDoesNotExist, engines
from django.template.loader import get_template
from django.urls import URLPattern, URLResolver, get_resolver

from attendees.forum_admin import ForumAdmin as ForumAdminWithRegistrations
from attendees.series_admin import SeriesAdmin as SeriesAdminWithQuestions
from events.models import Forum, Series
from tests.layer_map import OUR_PACKAGES, Place, is_ours, module_of_path, place_of_module, place_of_template

ROOT = Path(__file__).resolve().parents[2]
# Each app, with the apps above it that it must not name.
ABOVE = {"speakers": ("events", "attendees"), "events": ("attendees",)}


def code_strings(app: str) -> list[tuple[str, int, str]]:
    """(path, line, text) of every string in the app's code, docstrings left out: prose
    may say what the layer above does with this one."""
    found = []
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        found += [
            (str(path.relative_to(ROOT)), node.lineno, node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        ]
    return found


@pytest.mark.parametrize("app", ABOVE)
def test_a_lower_app_names_nothing_of_the_apps_above_it(app):
    naming = [
        (path, line, text)
        for path, line, text in code_strings(app)
        if any(f"{above}." in text or f"{above}:" in text or f"{above}_" in text for above in ABOVE[app])
    ]
    assert naming == []


def test_no_app_unregisters_an_admin():
    calls = [
        (str(path.relative_to(ROOT)), node.lineno)
        for app in ("speakers", "events", "attendees", "forum_site")
        for path in (ROOT / app).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "unregister"
    ]
    assert calls == []


def test_the_project_registers_the_forum_admin_with_its_registration_side():
    assert isinstance(admin.site._registry[Forum], ForumAdminWithRegistrations)


def test_the_project_registers_the_series_admin_with_its_default_questions():
    assert isinstance(admin.site._registry[Series], SeriesAdminWithQuestions)


# What the layers mean at run time: a URL name, a template, a tag library belongs to the
# module that serves or holds it, and whoever names it must stand at or above that module.

TEMPLATE_REFERENCE = re.compile(r"""{%\s*(extends|include)\s+["']([^"']+)["']""")
URL_TAG = re.compile(r"""{%\s*url\s+["']([^"']+)["']""")
LOAD_TAG = re.compile(r"{%\s*load\s+([\w ]+?)(?:\s+from\s+(\w+))?\s*%}")
URL_FUNCTIONS = {"reverse", "reverse_lazy", "redirect", "resolve_url", "address_of"}


def _view_module(callback) -> str | None:
    """The module that defines a view: through decorators, partials, class-based views and
    bound admin methods. None for the admin site's own pages (its index, login...), the
    frame every app's admin pages stand in."""
    view = callback
    # A class-based view first: as_view() copies its dispatch()'s decorators' __wrapped__.
    while not hasattr(view, "view_class") and (hasattr(view, "__wrapped__") or isinstance(view, functools.partial)):
        view = view.func if isinstance(view, functools.partial) else view.__wrapped__
    if isinstance(getattr(view, "__self__", None), AdminSite):
        return None
    view = getattr(view, "view_class", view)
    view = getattr(view, "__func__", view)
    if not isinstance(view, type) and not hasattr(view, "__module__"):
        view = type(view)  # a callable instance (a feed)
    module = getattr(view, "__module__", None) or type(view).__module__
    if not is_ours(module) and hasattr(callback, "model_admin"):
        # Django's own admin view of a model (changelist, change...): the module of its
        # ModelAdmin where that is in the model's own app (attendees.surveys.admin), else
        # the model's app (events' forum, whose admin the project composes with attendees').
        app = callback.model_admin.model._meta.app_label
        admin_module = type(callback.model_admin).__module__
        return admin_module if admin_module.split(".")[0] == app else app
    return module


def url_owners() -> dict[str, str]:
    """Every URL name (with its namespace) and the module of the view behind it; a view of
    a library (the sitemap, set_language) belongs to the URLconf that names it."""
    owners: dict[str, str] = {}

    def walk(patterns, namespace: str, urlconf: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = entry.urlconf_module
                inner_name = inner.__name__ if hasattr(inner, "__name__") else urlconf
                prefix = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix, inner_name)
            elif isinstance(entry, URLPattern) and entry.name:
                module = _view_module(entry.callback)
                if module is not None:
                    owners.setdefault(namespace + entry.name, module if is_ours(module) else urlconf)

    walk(get_resolver().url_patterns, "", settings.ROOT_URLCONF)
    return owners


def template_path(name: str) -> Path | None:
    try:
        origin = get_template(name).origin.name
    except TemplateDoesNotExist:
        return None
    path = Path(origin)
    return path if path.is_relative_to(ROOT) and ".venv" not in path.parts else None


def library_modules() -> dict[str, str]:
    return dict(engines["django"].engine.libraries)


def our_templates() -> list[Path]:
    return sorted(p for app in OUR_PACKAGES for p in (ROOT / app).glob("**/templates/**/*") if p.is_file())


def our_code() -> list[Path]:
    return sorted(p for app in OUR_PACKAGES for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts)


def _python_references(path: Path) -> list[tuple[int, str, str]]:
    """(line, "url" or "template", name) named by the module's code."""
    found = []
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            function = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if function in URL_FUNCTIONS and isinstance(node.args[0].value, str):
                found.append((node.lineno, "url", node.args[0].value))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"[\w/.-]+\.(html|txt)", node.value):
                found.append((node.lineno, "template", node.value))
    return found


def _template_references(path: Path) -> list[tuple[int, str, str]]:
    found = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        found += [(number, "template", name) for _tag, name in TEMPLATE_REFERENCE.findall(line)]
        found += [(number, "url", name) for name in URL_TAG.findall(line)]
        for names, source in LOAD_TAG.findall(line):
            found += [(number, "library", name) for name in ([source] if source else names.split())]
    return found


def upward_references() -> list[str]:
    """Every name a module or a template gives of something that stands above it."""
    owners = url_owners()
    libraries = library_modules()
    upward = []

    def check(where: str, place: Place, line: int, kind: str, name: str) -> None:
        if kind == "url":
            owner = owners.get(name)
            target = place_of_module(owner) if owner and is_ours(owner) else None
        elif kind == "library":
            module = libraries.get(name, "")
            target = place_of_module(module) if is_ours(module) else None
        else:
            path = template_path(name)
            target = place_of_template(path) if path else None
        if target is not None and not place.may_name(target):
            upward.append(f"{where}:{line} names {kind} {name!r} of {target.module}")

    for path in our_code():
        if path.name == "__init__.py" and path.parent.parent == ROOT:
            continue  # an app's own __init__: the package, named by no layer
        place = place_of_module(module_of_path(path))
        for line, kind, name in _python_references(path):
            check(str(path.relative_to(ROOT)), place, line, kind, name)
    for path in our_templates():
        place = place_of_template(path)
        for line, kind, name in _template_references(path):
            check(str(path.relative_to(ROOT)), place, line, kind, name)
    for model, function in settings.ABSOLUTE_URL_OVERRIDES.items():
        # The override gives the model a page: whoever writes it must stand at or above
        # the page, and the model's own app must never ask for it.
        written = place_of_module(function.__module__)
        for name in re.findall(r"""["']([\w-]+:[\w-]+)["']""", inspect.getsource(function)):
            check(f"ABSOLUTE_URL_OVERRIDES[{model}]", written, 0, "url", name)
    return upward


def test_no_module_or_template_names_a_url_template_or_tag_library_above_it():
    assert upward_references() == []


def test_every_template_of_attendees_stands_in_a_concern():
    loose = [
        str(path.relative_to(ROOT))
        for path in our_templates()
        if path.is_relative_to(ROOT / "attendees") and len(place_of_template(path).rank) < 2
    ]
    assert loose == []


def test_the_check_sees_every_kind_of_reference(tmp_path):
    """The checker flags what it must: a lower place naming a higher one, and nothing else."""
    events, registrations, news, reporting = (
        place_of_module(m)
        for m in ("events.views", "attendees.registrations.views", "attendees.news", "attendees.reporting")
    )
    assert not events.may_name(registrations)
    assert registrations.may_name(events)
    assert not news.may_name(reporting)  # independent siblings
    assert place_of_template(ROOT / "events/templates/events/home.html").module == "events"
    assert url_owners()["attendees:register"] == "attendees.registrations.views"
    assert url_owners()["admin:events_series_changelist"] == "events"
    written = "{% load i18n phones %}{% url 'attendees:register' 1 2 %}{% include \"events/home.html\" %}"
    (tmp_path / "t.html").write_text(written)
    assert [kind for _line, kind, _name in _template_references(tmp_path / "t.html")] == [
        "template",
        "url",
        "library",
        "library",
    ]


def test_the_speaker_page_override_is_written_by_the_project_and_never_asked_for_by_speakers():
    assert place_of_module(settings.ABSOLUTE_URL_OVERRIDES["speakers.speaker"].__module__).rank == (0, 0)
    asking = [
        (str(path.relative_to(ROOT)), node.lineno)
        for path in (ROOT / "speakers").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute) and node.attr == "get_absolute_url"
    ]
    asking += [
        str(path.relative_to(ROOT))
        for path in (ROOT / "speakers").glob("templates/**/*.html")
        if "get_absolute_url" in path.read_text()
    ]
    assert asking == []
