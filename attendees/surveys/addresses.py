"""The survey's personal link, built here beside its view."""

from django.urls import reverse

from attendees.models import SurveyInvitation


def survey_path(invitation: SurveyInvitation) -> str:
    return reverse("attendees:survey", kwargs={"token": invitation.token})
