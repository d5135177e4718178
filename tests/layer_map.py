"""Where each module and each template stands in the import-linter contracts of
pyproject.toml, so that a test can hold what import-linter cannot see (URL names,
templates, tag libraries) to the same layers.

A place is a tuple compared top-down: a smaller tuple stands higher. Two places may
name each other when the referring one stands at or above the other, except siblings
the contract calls independent ("a | b"), which may not name each other."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUR_PACKAGES = ("forum_site", "speakers", "events", "attendees")


@dataclass(frozen=True)
class Place:
    module: str  # the contract's module this place stands for, e.g. "attendees.news"
    rank: tuple[int, ...]
    independent_group: int | None  # the index of an "a | b" layer it is one of

    def may_name(self, other: "Place") -> bool:
        if self.module == other.module or other.module.startswith(self.module + "."):
            return True
        if self.rank == other.rank:
            return self.independent_group is None
        return self.rank < other.rank


def _contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]


def _layers(contract: dict) -> list[tuple[list[str], bool]]:
    containers = contract.get("containers") or [""]
    [container] = containers
    found = []
    for layer in contract["layers"]:
        names = [name.strip() for name in re.split(r"[:|]", layer)]
        found.append(([f"{container}.{name}" if container else name for name in names], "|" in layer))
    return found


def _all_places() -> list[Place]:
    """Every module a contract names, with its place; a container's layers refine the
    place of the container in the outer contract."""
    contracts = _contracts()
    [outer] = [c for c in contracts if not c.get("containers")]
    places = []
    outer_rank = {}
    for index, (names, independent) in enumerate(_layers(outer)):
        for name in names:
            outer_rank[name] = index
            places.append(Place(name, (index,), index if independent else None))
    for contract in contracts:
        if contract is outer:
            continue
        [container] = contract["containers"]
        for index, (names, independent) in enumerate(_layers(contract)):
            for name in names:
                top = outer_rank.get(name, outer_rank.get(container))
                if top is None:  # the project's modules: forum_site minus the kernel
                    top = next(rank for module, rank in outer_rank.items() if module.startswith(container + "."))
                places.append(Place(name, (top, index), index if independent else None))
    return places


PLACES = _all_places()


def place_of_module(module: str) -> Place:
    """The place of the most specific contract module that holds `module`."""
    holding = [p for p in PLACES if module == p.module or module.startswith(p.module + ".")]
    if not holding:
        raise LookupError(f"{module} stands in no layer of the contracts")
    return max(holding, key=lambda p: (len(p.rank), len(p.module)))


def module_of_path(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def place_of_template(path: Path) -> Place:
    """A template stands where its folder says: `<app>/templates/<app>/<concern>/…` in
    the concern's layer (attendees' concerns each have a folder), `<app>/templates/…` in
    the app's, `forum_site/templates/…` in the project's."""
    relative = path.relative_to(ROOT).parts
    app = relative[0]
    inner = relative[relative.index("templates") + 1 :]
    if app == "forum_site":
        return place_of_module("forum_site.views")
    candidates = [f"{app}.{inner[1]}"] if len(inner) > 2 and inner[0] == app else []
    for candidate in candidates:
        if any(p.module == candidate for p in PLACES):
            return place_of_module(candidate)
    return place_of_module(app)


def is_ours(module: str) -> bool:
    return module.split(".")[0] in OUR_PACKAGES
