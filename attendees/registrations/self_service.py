"""The attendee's rights over what we hold about them, through their personal link
(PIPA Art. 35-37): see all of it (the management page), correct it, withdraw consent to
news, and delete the registration now. Each is recorded like a staff action."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from attendees.models import SELF_EDITABLE_FIELDS, ActorKind, RegistrationStatus, cancellation_is_open
from attendees.questions.answers import OptionFull, answers_given
from attendees.questions.form_fields import Asked, field_name, forum_questions, option_full_message
from attendees.registrations import services
from attendees.registrations.addresses import management_path
from attendees.registrations.erasure import registration_erase
from attendees.registrations.forms import SelfServiceDetailsForm
from attendees.registrations.views import registration_by_token, status_context
from forum_site.core.private_pages import private_response


@method_decorator(never_cache, name="dispatch")
class DetailsCorrectView(View):
    template_name = "attendees/registrations/correct.html"

    def form(self, registration, data=None) -> SelfServiceDetailsForm:
        """The details always; the answers too while they may still be changed."""
        if not answers_changeable(registration):
            return SelfServiceDetailsForm(data, instance=registration)
        asked = Asked(forum_questions(registration.forum))
        asked.held = frozenset(registration.answers.exclude(option=None).values_list("option", flat=True))
        answers = answers_given(registration, asked.questions)
        return SelfServiceDetailsForm(data, instance=registration, asked=asked, answers=answers)

    def render_form(self, registration, form):
        context = {**status_context(registration), "form": form}
        return private_response(render(self.request, self.template_name, context))

    def get(self, request, token):
        registration = registration_by_token(token)
        return self.render_form(registration, self.form(registration))

    def post(self, request, token):
        registration = registration_by_token(token)
        form = self.form(registration, request.POST)
        if not form.is_valid():
            return self.render_form(registration, form)
        changes = {field: form.cleaned_data[field] for field in form.changed_data if field in SELF_EDITABLE_FIELDS}
        try:
            services.registration_details_update(
                registration=registration,
                changes=changes,
                by=ActorKind.ATTENDEE,
                answers=form.answers if form.asked is not None else None,
            )
        except OptionFull as full:
            form.add_error(field_name(full.question), option_full_message(full.option))
            return self.render_form(registration, form)
        messages.success(request, _("Your details have been corrected."))
        return redirect(management_path(registration))


def answers_changeable(registration) -> bool:
    """Answers change until the cancellation deadline, while the registration holds."""
    return registration.status != RegistrationStatus.CANCELLED and cancellation_is_open(registration.forum)


@require_POST
def news_withdraw(request, token):
    registration = registration_by_token(token)
    if services.registration_news_withdraw(registration=registration, by=ActorKind.ATTENDEE):
        messages.success(request, _("Done: we will send you no more news. A confirmation is on its way by mail."))
    else:
        messages.info(request, _("You had not asked for news, so there was nothing to withdraw."))
    return redirect(management_path(registration))


@method_decorator(never_cache, name="dispatch")
class EraseView(View):
    """GET asks "are you sure?"; POST cancels (the seat goes to the next person) and
    removes every personal value at once."""

    def get(self, request, token):
        registration = registration_by_token(token)
        return private_response(render(request, "attendees/registrations/erase.html", status_context(registration)))

    def post(self, request, token):
        registration = registration_by_token(token)
        registration_erase(registration=registration)
        return redirect("attendees:erased")


@never_cache
def registration_erased(request):
    return private_response(render(request, "attendees/registrations/erased.html"))
