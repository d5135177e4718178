"""Each subpackage of attendees says in its docstring what it may import. That line is
held to the import-linter contract (each named module stands below the subpackage) and
to the code (every module the subpackage imports is named)."""

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUBPACKAGES = ["door", "registrations", "reporting", "news", "questions", "certificates", "surveys", "outbox"]


def layers() -> list[set[str]]:
    """The contract "inside attendees", top to bottom: each layer's module names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"] if c.get("containers") == ["attendees"]]
    return [set(re.split(r"\s*[:|]\s*", layer)) for layer in contract["layers"]]


def layer_of(name: str) -> int:
    return next(index for index, layer in enumerate(layers()) if name in layer)


def may_import(subpackage: str) -> set[str]:
    docstring = ast.get_docstring(ast.parse((ROOT / "attendees" / subpackage / "__init__.py").read_text()))
    assert docstring is not None and "May import:" in docstring, subpackage
    line = docstring.split("May import:", 1)[1]
    return set(re.findall(r"attendees\.([a-z_]+)", line))


def imported(subpackage: str) -> set[str]:
    found = set()
    for path in (ROOT / "attendees" / subpackage).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name.startswith("attendees.") and name.split(".")[1] != subpackage:
                    found.add(name.split(".")[1])
    return found


@pytest.mark.parametrize("subpackage", SUBPACKAGES)
def test_what_a_subpackage_may_import_stands_below_it_in_the_contract(subpackage):
    assert {name for name in may_import(subpackage) if layer_of(name) <= layer_of(subpackage)} == set()


@pytest.mark.parametrize("subpackage", SUBPACKAGES)
def test_a_subpackage_imports_only_what_its_docstring_names(subpackage):
    assert imported(subpackage) - may_import(subpackage) == set()
