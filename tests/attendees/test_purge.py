"""purge_personal_data keeps the retention promise of the consent notice."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from post_office import mail as post_office
from post_office.models import Email

from attendees.models import Registration
from attendees.registrations.addresses import management_path
from tests.factories import ForumFactory, RegistrationFactory, seoul

NO_NEWS_LAPSED = (
    "Withdrew 0 news requests never confirmed by their mailbox.\n"
    "Deleted 0 access records older than the retention period.\n"
)
pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def purge(*args):
    out = io.StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def history(settings):
    """A forum that ended 2020-08-05 09:30 with a registration and a mail from then,
    and a later forum with its own."""
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    with time_machine.travel(datetime.datetime(2020, 8, 1, 10, 0, tzinfo=SEOUL), tick=False):
        old = RegistrationFactory(
            forum=ForumFactory(starts_at=seoul(2020, 8, 5)),
            name="김광주",
            email="kim@example.kr",
            phone="01012345678",
            organization="광주AI",
            position="연구원",
            sector="research",
        )
        post_office.send(recipients=["kim@example.kr"], sender="forum@localhost", subject="old", message="...")
    with time_machine.travel(datetime.datetime(2021, 5, 1, 10, 0, tzinfo=SEOUL), tick=False):
        recent = RegistrationFactory(forum=ForumFactory(starts_at=seoul(2021, 5, 12)), name="이광주")
        post_office.send(recipients=["lee@example.kr"], sender="forum@localhost", subject="recent", message="...")
    return old, recent


def test_nothing_is_purged_before_the_retention_period_ends(history):
    # 364 days after the old mail was written, 361 after the forum ended.
    with time_machine.travel(datetime.datetime(2021, 7, 31, 10, 0, tzinfo=SEOUL), tick=False):
        assert purge() == "Anonymised 0 registrations and deleted 0 mails (older than 365 days).\n" + NO_NEWS_LAPSED
    assert Registration.objects.get(pk=history[0].pk).name == "김광주"


def test_dry_run_says_what_it_would_remove_and_removes_nothing(history):
    with time_machine.travel(datetime.datetime(2021, 8, 6, 10, 0, tzinfo=SEOUL), tick=False):
        assert purge("--dry-run") == "Would anonymise 1 registrations and would delete 1 mails (older than 365 days).\n"
    assert Registration.objects.get(pk=history[0].pk).email == "kim@example.kr"
    assert Email.objects.count() == 2


def test_purge_removes_personal_fields_keeps_statistics_and_old_mail_goes(client, history):
    old, recent = history
    old_link = management_path(old)
    with time_machine.travel(datetime.datetime(2021, 8, 6, 10, 0, tzinfo=SEOUL), tick=False):
        assert purge() == "Anonymised 1 registrations and deleted 1 mails (older than 365 days).\n" + NO_NEWS_LAPSED
        assert purge() == "Anonymised 0 registrations and deleted 0 mails (older than 365 days).\n" + NO_NEWS_LAPSED

    old.refresh_from_db()
    assert (old.name, old.email, old.phone, old.organization, old.position) == (
        "-",
        f"removed-{old.pk}@invalid",
        "",
        "",
        "",
    )
    assert (old.sector, old.status) == ("research", "confirmed")
    assert old.anonymized_at == datetime.datetime(2021, 8, 6, 10, 0, tzinfo=SEOUL)
    assert client.get(old_link).status_code == 404
    recent.refresh_from_db()
    assert recent.name == "이광주"
    assert list(Email.objects.values_list("subject", flat=True)) == ["recent"]


def test_the_purge_takes_a_forum_only_after_exactly_the_retention_period(history):
    """The forum ended 2020-08-05 09:30; 365 days later to the second it is not yet due."""
    old, _recent = history
    with time_machine.travel(datetime.datetime(2021, 8, 5, 9, 30, tzinfo=SEOUL), tick=False):
        assert purge("--dry-run").startswith("Would anonymise 0 registrations")
    with time_machine.travel(datetime.datetime(2021, 8, 5, 9, 30, 1, tzinfo=SEOUL), tick=False):
        assert purge("--dry-run").startswith("Would anonymise 1 registrations")
        purge()
    assert Registration.objects.get(pk=old.pk).name != "김광주"
