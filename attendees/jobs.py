"""The scheduled jobs of attendees (forum_site/schedule.py enqueues them), each running
the service of its own concern: reminders, news reconfirmations, survey reminders, the purge."""

from django_tasks import task

from attendees.news.subscriptions import reconfirmations_run
from attendees.registrations.erasure import personal_data_purge as purge
from attendees.registrations.reminders import reminders_send as send_reminders
from attendees.surveys.mails import survey_reminders_send as send_survey_reminders


@task()
def reminders_send() -> int:
    """Reminders to the registrants of forums about to start (attendees/registrations/reminders.py). Scheduled."""
    return send_reminders()


@task()
def news_reconfirmations() -> dict:
    """Ask two-year-old consents to reconfirm; end those unanswered after 30 days. Scheduled."""
    return reconfirmations_run()


@task()
def survey_reminders() -> int:
    """The one reminder of each satisfaction survey whose day has come (attendees/surveys/mails.py). Scheduled."""
    return send_survey_reminders()


@task()
def personal_data_purge() -> dict:
    """The retention promise of the consent notice (erasure.personal_data_purge). Scheduled."""
    report = purge(dry_run=False)
    return {"registrations": report.registrations, "mails": report.mails, "answers": report.answers}
