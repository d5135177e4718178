"""A registration's status changes in one function only (registrations_move), a forum's
in its publish, un-publish and cancel services: a test reads every module of the apps and
lists each place that writes a `status`, however it is written: an assignment, `setattr`,
a keyword or a `**dict` of `create()`/`update()`, `bulk_update()`'s field list, or a
model form or admin that offers the field."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("attendees", "events", "speakers", "forum_site")
WRITING_CALLS = {"create", "update", "update_or_create", "get_or_create", "bulk_create", "Registration", "Forum"}
FORM_FIELD_LISTS = {"fields", "fieldsets", "list_editable"}


def is_mail_log_status(value) -> bool:
    """django-post-office's STATUS.sent and the like: the mail log's, not ours."""
    return isinstance(value, ast.Attribute) and getattr(value.value, "id", "") == "STATUS"


def names_status(node) -> bool:
    """Whether the string "status" appears as a constant anywhere in `node`."""
    return any(isinstance(inner, ast.Constant) and inner.value == "status" for inner in ast.walk(node))


def writes_status(node, function) -> bool:
    if isinstance(node, ast.Assign | ast.AugAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(t, ast.Attribute) and t.attr == "status" for t in targets) and not is_mail_log_status(
            node.value
        )
    if not isinstance(node, ast.Call):
        return False
    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    if name == "setattr" and len(node.args) >= 2:
        field = node.args[1]
        # setattr(x, "status", ...), or setattr(x, name, ...) where the function speaks of "status".
        return (isinstance(field, ast.Constant) and field.value == "status") or (
            not isinstance(field, ast.Constant) and names_status(function)
        )
    if name == "bulk_update":
        return any(names_status(argument) for argument in node.args[1:]) or any(
            keyword.arg == "fields" and names_status(keyword.value) for keyword in node.keywords
        )
    if name in WRITING_CALLS:
        for keyword in node.keywords:
            if keyword.arg == "status" and not is_mail_log_status(keyword.value):
                return True
            # update(**written): what the dict holds is not known here; the function naming
            # "status" anywhere is enough to be listed.
            if keyword.arg is None and names_status(function):
                return True
    return False


def status_writes() -> set[tuple[str, str]]:
    """(module path, enclosing function or class) of every write of a `status` in the apps' code."""
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text())
            where = str(path.relative_to(ROOT))
            for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]:
                if any(writes_status(node, function) for node in ast.walk(function)):
                    found.add((where, function.name))
            for form in [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]:
                if offers_status(form):
                    found.add((where, form.name))
    return found


def offers_status(cls: ast.ClassDef) -> bool:
    """A model form (its Meta) or a ModelAdmin whose field lists include "status", or a
    Meta that offers every field ("__all__") and excludes none. A Meta is read with its form."""
    if cls.name == "Meta":
        return False
    statements = list(cls.body)
    for inner in cls.body:
        if isinstance(inner, ast.ClassDef) and inner.name == "Meta":
            statements += inner.body
    readonly = set()
    offered = False
    for statement in statements:
        if not isinstance(statement, ast.Assign):
            continue
        names = {getattr(target, "id", "") for target in statement.targets}
        if names & {"readonly_fields"}:
            readonly |= {c.value for c in ast.walk(statement.value) if isinstance(c, ast.Constant)}
        if names & FORM_FIELD_LISTS and (
            names_status(statement.value)
            or (isinstance(statement.value, ast.Constant) and statement.value.value == "__all__")
        ):
            offered = True
    return offered and "status" not in readonly


def test_only_the_transition_function_and_the_forum_services_write_a_status():
    assert status_writes() == {
        # Every registration's status: registering, promoting, cancelling, erasing, a forum's cancellation.
        ("attendees/registrations/transitions.py", "registrations_move"),
        # A forum's: published and taken back to a draft (the action and the form alike), cancelled.
        ("events/forum_defaults.py", "forum_publish"),
        ("events/forum_defaults.py", "forum_unpublish"),
        ("attendees/registrations/forum_changes.py", "forum_cancel"),
        # Exceptions, each for its reason:
        # the forum's form offers its status; its save hands a change to the services above;
        ("events/admin.py", "ForumAdmin"),
        ("events/admin_forms.py", "ForumForm"),
        # the form's "cancelled" is put back, for the cancel page to do it with a reason;
        ("attendees/forum_admin.py", "save_model"),
        # planning creates the coming months' forums, as drafts;
        ("events/services.py", "forums_plan"),
        # the demo's made-up history is written as it stands, not lived through.
        ("attendees/demo/attendance.py", "load_demo_attendance"),
    }


def writers_in(source: str) -> set[str]:
    tree = ast.parse(source)
    found = set()
    for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]:
        if any(writes_status(node, function) for node in ast.walk(function)):
            found.add(function.name)
    for cls in [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]:
        if offers_status(cls):
            found.add(cls.name)
    return found


def test_the_guard_sees_every_way_of_writing_a_status():
    source = """
def by_dict(qs, to):
    written = {"status": to}
    qs.update(**written)

def by_bulk_update(rows):
    Registration.objects.bulk_update(rows, ["status"])

def by_setattr(row, to):
    setattr(row, "status", to)

def by_setattr_of_a_name(row, changes):
    for field in ("name", "status"):
        setattr(row, field, changes[field])

def harmless(row, changes):
    for field in ("name", "email"):
        setattr(row, field, changes[field])

class StatusForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "status"]

class EverythingForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = "__all__"

class ReadOnlyAdmin(admin.ModelAdmin):
    fields = ["name", "status"]
    readonly_fields = ["status"]
"""
    assert writers_in(source) == {
        "by_dict",
        "by_bulk_update",
        "by_setattr",
        "by_setattr_of_a_name",
        "StatusForm",
        "EverythingForm",
    }


def test_the_registration_admin_form_offers_no_status(admin_user):
    from django.contrib import admin as django_admin
    from django.test import RequestFactory

    from attendees.models import Registration
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory()
    model_admin = django_admin.site._registry[Registration]
    request = RequestFactory().get("/")
    request.user = admin_user
    for obj in (None, registration):
        assert "status" not in model_admin.get_form(request, obj).base_fields
