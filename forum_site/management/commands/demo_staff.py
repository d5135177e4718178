"""demo_staff: make sure the demo has a staff login, and say what it is."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser for the demo if no superuser exists. The name and password come "
        "from DEMO_ADMIN_USERNAME / DEMO_ADMIN_PASSWORD, or are 'admin' and a random password."
    )

    def handle(self, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A staff login already exists; log in with it at /admin/.")
            return
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Demo staff login for /admin/: {username} / {password}"))
