"""setup_roles: create the staff groups (forum managers, content editors, the registration desk)."""

from django.core.management.base import BaseCommand

from forum_site.roles import roles_set_up


class Command(BaseCommand):
    help = "Create or update the staff groups and their permissions. Safe to run again."

    def handle(self, **options):
        for group_name, count in roles_set_up().items():
            self.stdout.write(f"{group_name}: {count} permissions")
