"""The survey's one reminder, to those who came and have not answered: decided by the
scheduled job, a set number of days after the thank-you, once; dropped unsent if the
person answers meanwhile."""

import datetime

from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from attendees.models import PendingMail, Survey, SurveyInvitation
from attendees.outbox.composers import composes
from attendees.outbox.mail import queue_for_each
from attendees.outbox.rendering import absolute, html_part, rendered_mail
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


def _answered_since(pending: PendingMail) -> bool:
    invitation = _invitation(pending)
    return invitation is None or invitation.answered


@composes(SurveyMail.REMINDER, outdated=_answered_since)
def survey_reminder_mail(pending: PendingMail) -> dict:
    registration, invitation = pending.registration, _invitation(pending)
    if registration is None or invitation is None:
        raise ValueError(f"mail {pending.pk} has no survey invitation")
    survey = invitation.survey
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "forum": survey.forum,
            "survey": survey,
            "survey_url": absolute(survey_path(invitation)),
        }
        subject = " ".join(render_to_string("attendees/surveys/mail/reminder_subject.txt", context).split())
        message = render_to_string("attendees/surveys/mail/reminder.txt", context)
        html_message = html_part(subject, message, registration.language)
        return rendered_mail(registration.email, subject, message, html_message)


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
