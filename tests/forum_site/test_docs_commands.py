"""Every command the README and docs/ show exists: each `make <target>` is a target of the
Makefile, each `manage.py <command>` a management command of the site. A renamed target
or command fails here before a reader types it."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# A command line (or one after && or ;) that starts with make; "apt-get install make git" names a package.
MAKE = re.compile(r"(?:^|&&|;)\s*make ([a-z][\w-]*)", re.M)
MANAGE = re.compile(r"\bmanage\.py ([a-z][\w-]*)")


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text()
    targets = set()
    for line in text.splitlines():
        match = re.match(r"^([\w .-]+?)\s*:(?!=)", line)
        if match and not line.startswith((".", "\t", "#")):
            targets |= set(match.group(1).split())
    return targets


def shown(pattern: re.Pattern) -> list[tuple[str, str]]:
    """What the pages' code spans and blocks show; "make sure" in prose is a word."""
    return [
        (page.name, name)
        for page in PAGES
        for span in re.findall(r"```.*?```|`[^`\n]+`", page.read_text(), flags=re.S)
        for name in pattern.findall(span.strip("`"))
    ]


def test_the_pages_show_commands_at_all():
    assert {"run", "test", "test-pg", "lint", "bench"} <= {name for _page, name in shown(MAKE)}
    assert {"run_worker", "setup_roles", "migrate", "backup"} <= {name for _page, name in shown(MANAGE)}


def test_every_make_target_the_docs_show_exists():
    assert [(page, name) for page, name in shown(MAKE) if name not in makefile_targets()] == []


def test_every_management_command_the_docs_show_exists():
    commands = get_commands()
    assert [(page, name) for page, name in shown(MANAGE) if name not in commands] == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_link_between_the_pages_reaches_a_page(page):
    targets = re.findall(r"\]\(((?:docs/)?[\w-]+\.md)(?:#[\w-]+)?\)", page.read_text())
    assert [target for target in targets if not (page.parent / target).exists()] == []
