"""Asking those who came: one invitation (a personal link) each, made when the thank-you
is queued, in its transaction."""

from attendees.models import Survey, SurveyInvitation
from forum_site.core import clock


def survey_invitations_create(forum, registrations) -> int:
    """An invitation for each of these people who has none yet; how many were made."""
    survey = Survey.objects.filter(forum=forum).first()
    if survey is None:
        return 0
    invited = set(survey.invitations.values_list("registration_id", flat=True))
    made = SurveyInvitation.objects.bulk_create(
        SurveyInvitation(survey=survey, registration=registration)
        for registration in registrations
        if registration.pk not in invited
    )
    if made and survey.invited_at is None:
        survey.invited_at = clock.now()
        survey.save(update_fields=["invited_at"])
    return len(made)


def invitation_of(registration) -> SurveyInvitation | None:
    return SurveyInvitation.objects.filter(registration=registration).select_related("survey").first()
