"""The backup drill: back up, lose everything, restore, find everything as it was."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from post_office.models import Email

from attendees.models import Registration
from attendees.registrations import services
from events.models import ForumPhoto
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db(transaction=True)


def everything(media_root):
    return {
        "registrations": sorted(Registration.objects.values_list("pk", "email", "status", "check_in_code")),
        "mails": sorted(Email.objects.values_list("pk", "subject", "message")),
        "photos": sorted(
            (photo.pk, photo.image.name, (Path(media_root) / photo.image.name).read_bytes())
            for photo in ForumPhoto.objects.all()
        ),
    }


def lose_everything(media_root):
    """As a lost disk or a dropped database leaves things."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        else:
            tables = connection.introspection.table_names(cursor)
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f'DROP TABLE "{table}"')
    shutil.rmtree(media_root)


def test_a_backup_restores_every_registration_mail_and_photo(demo, settings, tmp_path):
    from tests.factories import ForumFactory, ForumPhotoFactory, RegistrationFactory

    forum = ForumFactory(series=demo, number=4)  # open for registration
    for index in range(5):
        RegistrationFactory(forum=forum, email=f"p{index}@example.kr")
    ForumPhotoFactory.create_batch(3, forum=forum)
    for index in range(2):
        services.registration_create(
            forum=forum,
            name="김광주",
            email=f"mail{index}@example.kr",
            organization="광주AI",
            position="연구원",
            sector="industry",
            consent_privacy=True,
        )
    queued_mail()  # their confirmations, rendered into the mail log
    before = everything(settings.MEDIA_ROOT)
    assert (len(before["registrations"]), len(before["mails"])) == (7, 2)
    assert len(before["photos"]) == ForumPhoto.objects.count() >= 3

    call_command("backup", "--to", str(tmp_path / "backups"))
    [backup] = (tmp_path / "backups").iterdir()
    lose_everything(settings.MEDIA_ROOT)
    assert not Path(settings.MEDIA_ROOT).exists()

    call_command("restore", str(backup), "--yes")
    assert everything(settings.MEDIA_ROOT) == before


def test_a_damaged_backup_is_refused_before_anything_is_replaced(demo, settings, tmp_path):
    from django.core.management.base import CommandError

    call_command("backup", "--to", str(tmp_path / "backups"))
    [backup] = (tmp_path / "backups").iterdir()
    with (backup / "media.tar.gz").open("ab") as media:
        media.write(b"garbage")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(backup), "--yes")
    assert demo.forums.count() == 3  # untouched
