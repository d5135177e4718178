"""A registration's status changes in one function only (registrations_move), a forum's
in its publish and cancel services: a test reads every module of the apps and lists each
place that writes a `status`."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("attendees", "events", "speakers", "forum_site")
WRITING_CALLS = {"create", "update", "update_or_create", "get_or_create", "Registration", "Forum"}


def is_mail_log_status(value) -> bool:
    """django-post-office's STATUS.sent and the like: the mail log's, not ours."""
    return isinstance(value, ast.Attribute) and getattr(value.value, "id", "") == "STATUS"


def status_writes() -> set[tuple[str, str]]:
    """(module path, enclosing function) of every `x.status = ...` and every
    `...create/update(status=...)` or `Registration(status=...)` in the apps' code."""
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text())
            for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]:
                for node in ast.walk(function):
                    assigned = (
                        isinstance(node, ast.Assign | ast.AugAssign)
                        and any(
                            isinstance(target, ast.Attribute) and target.attr == "status"
                            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                        )
                        and not is_mail_log_status(node.value)
                    )
                    called = (
                        isinstance(node, ast.Call)
                        and getattr(node.func, "attr", getattr(node.func, "id", "")) in WRITING_CALLS
                        and any(
                            keyword.arg == "status" and not is_mail_log_status(keyword.value)
                            for keyword in node.keywords
                        )
                    )
                    if assigned or called:
                        found.add((str(path.relative_to(ROOT)), function.name))
    return found


def test_only_the_transition_function_and_the_forum_services_write_a_status():
    assert status_writes() == {
        # Every registration's status: registering, promoting, cancelling, erasing, a forum's cancellation.
        ("attendees/registrations/transitions.py", "registrations_move"),
        # A forum's: published (the action and the form alike), cancelled.
        ("events/forum_defaults.py", "forum_publish"),
        ("attendees/registrations/forum_changes.py", "forum_cancel"),
        # Exceptions, each for its reason:
        # the form's "cancelled" is put back, for the cancel page to do it with a reason;
        ("attendees/forum_admin.py", "save_model"),
        # planning creates the coming months' forums, as drafts;
        ("events/services.py", "forums_plan"),
        # the demo's made-up history is written as it stands, not lived through.
        ("attendees/registrations/demo_attendance.py", "load_demo_attendance"),
    }
