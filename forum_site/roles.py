"""The staff roles of the site and the model permissions each one holds."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

ALL_ACTIONS = ("add", "change", "delete", "view")

# Group name -> {"app_label.model": actions}. The table "Staff roles" in docs/staff.md says the same
# in words; tests/forum_site/test_role_crawler.py walks the admin and the desk as each.
ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    # Runs a forum end to end: the programme, its schedule and seats, the registrations and
    # their exports (each with its reason on record), the mail to those registered and to
    # subscribers, the door, the statistics and the result report. Whole emails and phones
    # stay masked: export_unmasked is granted to a named person, not to a role.
    "포럼 담당자": {
        "events.series": ALL_ACTIONS,
        "events.venue": ALL_ACTIONS,
        "events.forum": ALL_ACTIONS,
        "events.talk": ALL_ACTIONS,
        "events.talkspeaker": ALL_ACTIONS,
        "events.pullquote": ALL_ACTIONS,
        "events.forumphoto": ALL_ACTIONS,
        "events.guest": ALL_ACTIONS,
        "speakers.speaker": ALL_ACTIONS,
        "attendees.registration": ("view", "add", "change", "use_desk", "correct_check_in", "view_statistics"),
        "attendees.subscription": ("view",),
        "attendees.actionrecord": ("view",),
        # The questions a forum asks at registration (and a series' defaults).
        "attendees.question": ALL_ACTIONS,
        "attendees.option": ALL_ACTIONS,
        # The satisfaction survey: its items and choices, and its results.
        "attendees.survey": ALL_ACTIONS,
        "attendees.surveyitem": ALL_ACTIONS,
        "attendees.surveychoice": ALL_ACTIONS,
    },
    # Talks, summaries, reports and photos: what the public reads. No personal data, and
    # nothing that reaches the people registered (a forum's date, venue, seats, status and
    # registration window stay read-only; no announcing, thanking or cancelling).
    "콘텐츠 편집자": {
        "events.series": ("view",),
        "events.venue": ("view",),
        "events.forum": ("view", "change"),
        "events.talk": ALL_ACTIONS,
        "events.talkspeaker": ALL_ACTIONS,
        "events.pullquote": ALL_ACTIONS,
        "events.forumphoto": ALL_ACTIONS,
        "speakers.speaker": ALL_ACTIONS,
        # The survey's results, which hold no person.
        "attendees.survey": ("view",),
    },
    # The door only: the desk's pages (search, check-in, walk-ins, guests), nothing in the admin.
    "접수 데스크": {
        "attendees.registration": ("use_desk",),
    },
}

# The roles' earlier names: renamed in place, so that their members keep a role.
RENAMED = {"포럼 편집자": "콘텐츠 편집자"}


def roles_set_up() -> dict[str, int]:
    """Create or update each role's group so it holds exactly its permissions.
    Returns the number of permissions per group. Safe to run again."""
    counts = {}
    with transaction.atomic():
        for old_name, new_name in RENAMED.items():
            if not Group.objects.filter(name=new_name).exists():
                Group.objects.filter(name=old_name).update(name=new_name)
        for group_name, models in ROLES.items():
            permissions = []
            for model_label, actions in models.items():
                app_label, model = model_label.split(".")
                # A model permission ("view") is named for its model; a custom one ("use_desk") is its own name.
                codenames = [f"{action}_{model}" if action in ALL_ACTIONS else action for action in actions]
                found = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
                if len(found) != len(codenames):
                    raise LookupError(f"Missing permissions for {model_label}: run migrate first.")
                permissions.extend(found)
            group, _created = Group.objects.get_or_create(name=group_name)
            group.permissions.set(permissions)
            counts[group_name] = len(permissions)
    return counts
