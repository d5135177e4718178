"""The demo is apart from the product: its generators live in a demo package of each app,
and no production module imports them but the commands that load the demo."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("forum_site", "speakers", "events", "attendees")
DEMO_PACKAGES = ("events.demo", "attendees.demo")
LOADERS = {"load_demo.py", "load_demo_attendance.py", "demo_staff.py"}  # the commands `make run` calls


def demo_imports() -> set[str]:
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if "demo" in relative.parts or "migrations" in relative.parts or path.name in LOADERS:
                continue
            package = ".".join(relative.parent.parts)
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom):
                    module = node.module or ""
                    if node.level:  # a relative import, made absolute
                        base = package.split(".")[: len(package.split(".")) - node.level + 1]
                        module = ".".join([*base, module] if module else base)
                    names = [module] + [f"{module}.{alias.name}" for alias in node.names]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                if any(name == demo or name.startswith(demo + ".") for name in names for demo in DEMO_PACKAGES):
                    found.add(str(relative))
    return found


def test_no_production_module_imports_the_demo():
    assert demo_imports() == set()


def test_the_demo_generators_live_in_demo_packages():
    stray = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*demo*.py")
        if "demo" not in path.relative_to(ROOT).parts[:-1] and path.name not in LOADERS
    ]
    assert stray == []
