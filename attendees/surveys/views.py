"""The survey page, through the personal link: it shows nothing of the person."""

from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from attendees.models import RATING_LEVELS, SurveyInvitation
from attendees.surveys.answering import AlreadyAnswered, SurveyForm, survey_answer, survey_is_closed
from forum_site.core.private_pages import private_response

TEMPLATE = "attendees/surveys/survey.html"


@method_decorator(never_cache, name="dispatch")
class SurveyView(View):
    def invitation(self, token) -> SurveyInvitation:
        return get_object_or_404(
            SurveyInvitation.objects.select_related("survey__forum__series", "survey__forum__venue"),
            token=token,
            registration__anonymized_at__isnull=True,
        )

    def page(self, invitation, *, form=None, state="open", status=200):
        survey = invitation.survey
        if state == "open" and invitation.answered:
            state = "answered"
        if state == "open" and survey_is_closed(survey):
            state = "closed"
        if form is None and state == "open":
            form = SurveyForm(items=list(survey.items.prefetch_related("choices")))
        context = {"survey": survey, "forum": survey.forum, "form": form, "state": state, "levels": RATING_LEVELS}
        return private_response(render(self.request, TEMPLATE, context, status=status))

    def get(self, request, token):
        return self.page(self.invitation(token))

    def post(self, request, token):
        invitation = self.invitation(token)
        survey = invitation.survey
        if invitation.answered or survey_is_closed(survey):
            return self.page(invitation)
        form = SurveyForm(request.POST, items=list(survey.items.prefetch_related("choices")))
        if not form.is_valid():
            return self.page(invitation, form=form)
        try:
            survey_answer(invitation, form)
        except AlreadyAnswered:
            return self.page(invitation, state="answered")
        return self.page(invitation, state="thanks")
