"""The advisory audit is wired as decided: `make audit` runs pip-audit over both hashed
requirements files; a hosted CI's workflow runs it weekly and whenever a requirements
file changes; .ci/run, whose machine reaches no advisory database, does not call it."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LOCK_FILES = {"requirements.txt", "requirements-dev.txt", "requirements.in", "requirements-dev.in"}


def make_recipe(target: str) -> list[str]:
    lines = (ROOT / "Makefile").read_text().splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


def test_make_audit_runs_pip_audit_over_both_hashed_requirements_files():
    [command] = make_recipe("audit")
    assert command.startswith("$(VENV)/bin/pip-audit ")
    assert "-r requirements.txt" in command and "-r requirements-dev.txt" in command
    assert "--require-hashes" in command and "--strict" in command
    pinned = (ROOT / "requirements-dev.in").read_text()
    assert re.search(r"^pip-audit==\d+\.\d+\.\d+", pinned, re.M)


def test_the_workflow_runs_make_audit_weekly_and_when_a_requirements_file_changes():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "audit.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    [schedule] = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "1")  # once a week
    assert set(triggers["push"]["paths"]) == LOCK_FILES == set(triggers["pull_request"]["paths"])
    steps = workflow["jobs"]["audit"]["steps"]
    assert [step["run"] for step in steps if "run" in step] == ["make audit PYTHON=python"]


def test_ci_run_does_not_call_the_audit():
    assert "audit" not in (ROOT / ".ci" / "run").read_text()
