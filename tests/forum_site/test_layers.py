"""The layers hold beyond imports (import-linter checks those, `make lint`): a lower app
names nothing of a higher one, not even as a string (a URL name, a dotted path, a
permission), and no app takes another's admin registration away."""

import ast
from pathlib import Path

import pytest
from django.contrib import admin

from attendees.forum_admin import ForumAdmin as ForumAdminWithRegistrations
from events.models import Forum

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
