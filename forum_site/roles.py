"""The staff roles of the site and the model permissions each one holds."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

ALL_ACTIONS = ("add", "change", "delete", "view")

# Group name -> {"app_label.model": actions}
ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    # Runs the programme: series, schedule, forums, venues, speakers, talks, photos.
    "포럼 편집자": {
        "events.series": ALL_ACTIONS,
        "events.venue": ALL_ACTIONS,
        "events.forum": ALL_ACTIONS,
        "events.talk": ALL_ACTIONS,
        "events.talkspeaker": ALL_ACTIONS,
        "events.pullquote": ALL_ACTIONS,
        "events.forumphoto": ALL_ACTIONS,
        "events.guest": ALL_ACTIONS,
        "speakers.speaker": ALL_ACTIONS,
        # Reports on the series. Not the door: the desk shows people's details, which the
        # programme's editors have no need to see.
        "attendees.registration": ("view_statistics",),
    },
    # Works the registration desk: sees and checks in registrations, nothing else.
    "접수 데스크": {
        "attendees.registration": ("view", "change", "use_desk"),
        "events.forum": ("view",),  # the forum list with its seat counts
    },
}


def roles_set_up() -> dict[str, int]:
    """Create or update each role's group so it holds exactly its permissions.
    Returns the number of permissions per group. Safe to run again."""
    counts = {}
    with transaction.atomic():
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
