"""The survey's one reminder, to those who came and have not answered: decided by the
scheduled job, a set number of days after the thank-you, once; dropped unsent if the
person answers meanwhile."""

import datetime

from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from attendees.models import PendingMail, Survey, SurveyInvitation
from attendees.outbox.composers import composes
from attendees.outbox.mail import queue_for_each
from attendees.outbox.rendering import absolute, html_part, rendered_mail, ticket
from attendees.outbox.stop_mail import after_forum_mail_stopped, forum_list_headers, stop_mail_path
from attendees.surveys.addresses import survey_path
from attendees.surveys.answering import survey_is_closed
from forum_site.core import clock


class SurveyMail(models.TextChoices):
    REMINDER = "survey_reminder", _("survey reminder")


def _invitation(pending: PendingMail) -> SurveyInvitation | None:
    if pending.registration_id is None:
        return None
    return (
        SurveyInvitation.objects.select_related("survey__forum__series")
        .filter(registration_id=pending.registration_id, survey_id=pending.details.get("survey"))
        .first()
    )


def _answered_or_stopped_since(pending: PendingMail) -> bool:
    invitation = _invitation(pending)
    return invitation is None or invitation.answered or after_forum_mail_stopped(pending)


@composes(SurveyMail.REMINDER, outdated=_answered_or_stopped_since)
def survey_reminder_mail(pending: PendingMail) -> dict:
    registration, invitation = pending.registration, _invitation(pending)
    if registration is None or invitation is None:
        raise ValueError(f"mail {pending.pk} has no survey invitation")
    survey = invitation.survey
    with translation.override(registration.language):
        forum = survey.forum
        stop_url = absolute(stop_mail_path(registration))
        survey_url = absolute(survey_path(invitation))
        context = {
            "registration": registration,
            "forum": forum,
            "survey": survey,
            "survey_url": survey_url,
            "stop_url": stop_url,
        }
        subject = " ".join(render_to_string("attendees/surveys/mail/reminder_subject.txt", context).split())
        message = render_to_string("attendees/surveys/mail/reminder.txt", context)
        button = (gettext("Take the survey"), survey_url)
        html_message = html_part(
            subject,
            message,
            registration.language,
            labels={survey_url: button[0], stop_url: pgettext("a link in a mail", "Unsubscribe")},
            ticket=ticket(forum, [button], qr=False, with_map=False) if forum is not None else None,
        )
        headers = forum_list_headers(forum, stop_url) if forum is not None else {}
        return rendered_mail(registration.email, subject, message, html_message, headers=headers)


def survey_reminders_send() -> int:
    """The one reminder of each survey whose day has come, to those who have not
    answered; how many were queued. Scheduled: the survey's row is locked, so two
    rounds at once remind once."""
    now = clock.now()
    queued = 0
    due = Survey.objects.filter(forum__isnull=False, invited_at__isnull=False, reminded_at__isnull=True)
    for survey in due:
        invited_at = survey.invited_at
        assert invited_at is not None  # the query asks for it
        if now < invited_at + datetime.timedelta(days=survey.reminder_after_days) or survey_is_closed(survey):
            continue
        with transaction.atomic():
            locked = Survey.objects.select_for_update().get(pk=survey.pk)
            if locked.reminded_at is not None:
                continue
            people = [
                invitation.registration
                for invitation in locked.invitations.filter(answered=False, registration__anonymized_at__isnull=True)
                .select_related("registration")
                .order_by("pk")
            ]
            queue_for_each(people, SurveyMail.REMINDER, details={"survey": locked.pk})
            locked.reminded_at = now
            locked.save(update_fields=["reminded_at"])
            queued += len(people)
    return queued
