"""Registration pages: the form, the confirmation, and the attendee's own management page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from attendees.certificates.addresses import certificate_path
from attendees.check_in_qr import check_in_qr_data_uri, check_in_qr_png
from attendees.models import ActorKind, Registration, cancellation_deadline
from attendees.questions.answers import OptionFull, registration_answers_shown
from attendees.questions.consent import notice_items
from attendees.questions.form_fields import Asked, field_name, forum_questions, option_full_message
from attendees.registrations import services, throttle
from attendees.registrations.addresses import check_in_qr_path, management_path
from attendees.registrations.consent import retention_days
from attendees.registrations.forms import RegistrationForm
from events.calendar import forum_ics_download
from events.models import Forum
from forum_site.core.private_pages import private_response


def _why_closed(forum: Forum) -> str:
    if forum.is_past:
        return _("This forum has already taken place.")
    state = forum.registration_state
    if state == "cancelled":
        return _("This forum has been cancelled.")
    if state == "not_yet_open":
        return _("Registration has not opened yet.")
    return _("Registration for this forum is closed.")


@method_decorator(never_cache, name="dispatch")
class RegisterView(View):
    template_name = "attendees/registrations/register.html"

    def get_forum(self):
        # Not the programme: the form shows only when and where (one query less per post
        # in a registration burst).
        return get_object_or_404(
            Forum.objects.published().select_related("series", "venue"),
            series__slug=self.kwargs["series"],
            number=self.kwargs["number"],
        )

    def asked(self, forum) -> Asked:
        return Asked(forum_questions(forum))

    def render_form(self, request, forum, form, status=200):
        questions = form.asked.questions if form.asked else []
        context = {
            "forum": forum,
            "form": form,
            "retention_days": retention_days(),
            "question_items": notice_items(questions),
        }
        if not forum.is_registration_open:
            context["closed_reason"] = _why_closed(forum)
        return render(request, self.template_name, context, status=status)

    def get(self, request, series, number):
        forum = self.get_forum()
        return self.render_form(request, forum, RegistrationForm(asked=self.asked(forum)))

    def post(self, request, series, number):
        forum = self.get_forum()
        form = RegistrationForm(request.POST, asked=self.asked(forum))
        if form.honeypot_filled:
            # Answered like a success: the bot learns nothing, and nothing is stored.
            return redirect("attendees:sent", series=series, number=number)
        if not forum.is_registration_open:
            return self.render_form(request, forum, form)
        if not form.is_valid():
            return self.render_form(request, forum, form)
        data = form.cleaned_data
        reservation = throttle.registration_reserve(request, forum=forum, email=data["email"])
        if reservation is None:
            form.add_error(None, _("Too many registrations from your network. Please try again in an hour."))
            return self.render_form(request, forum, form, status=429)
        try:
            services.registration_create(
                forum=forum,
                **form.person(),
                consent_privacy=data["consent_privacy"],
                consent_marketing=data["consent_marketing"],
                language=get_language(),
                answers=form.answers,
            )
        except services.AlreadyRegistered:
            # The same page as a new registration: whether an address is registered is
            # told only to its mailbox (the service has mailed the link again). Nothing new
            # was stored, so the forum's limit does not count it.
            reservation.give_back("forum")
        except OptionFull as full:
            # Taken by someone else while the form was filled in: nothing was stored.
            reservation.give_back()
            form.add_error(field_name(full.question), option_full_message(full.option))
            return self.render_form(request, forum, form)
        except (services.RegistrationError, ValidationError) as error:
            reservation.give_back()  # refused: it does not count
            for message in getattr(error, "messages", [getattr(error, "message", "")]):
                form.add_error(None, message)
            return self.render_form(request, forum, form)
        except BaseException:
            reservation.give_back()
            raise
        return redirect("attendees:sent", series=series, number=number)


@never_cache
def registration_sent(request, series, number):
    """ "Check your mail": the answer to every accepted registration post, new or not."""
    forum = get_object_or_404(
        Forum.objects.published().select_related("series", "venue"), series__slug=series, number=number
    )
    return render(request, "attendees/registrations/sent.html", {"forum": forum})


def registration_by_token(token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("forum__series", "forum__venue").identifiable(),
        token=token,
    )


def status_context(registration):
    return {
        "registration": registration,
        "forum": registration.forum,
        "position": services.waitlist_position(registration),
        "cancellation_deadline": cancellation_deadline(registration.forum),
        "can_cancel": services.registration_cancellable(registration),
        "check_in_qr": check_in_qr_data_uri(registration) if registration.status == "confirmed" else "",
        "answers": registration_answers_shown(registration),
        "certificate_path": certificate_path(registration) if registration.checked_in_at else "",
        "manage_path": management_path(registration),
        "check_in_qr_path": check_in_qr_path(registration),
    }


def status_page(request, token: str, template: str):
    """A page about where the token's registration stands, which no cache or referrer keeps."""
    return private_response(render(request, template, status_context(registration_by_token(token))))


@never_cache
def registration_manage(request, token):
    return status_page(request, token, "attendees/registrations/manage.html")


@method_decorator(never_cache, name="dispatch")
class CancelView(View):
    """GET asks "are you sure?"; POST cancels."""

    def get(self, request, token):
        return status_page(request, token, "attendees/registrations/cancel.html")

    def post(self, request, token):
        registration = registration_by_token(token)
        try:
            promoted = services.registration_cancel(registration=registration, by=ActorKind.ATTENDEE)
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your registration has been cancelled. A confirmation is on its way by mail."))
            if promoted:
                messages.info(request, _("Your seat has gone to the first person on the waiting list. Thank you."))
        return redirect(management_path(registration))


@method_decorator(never_cache, name="dispatch")
class NewsConfirmView(View):
    """The double opt-in link of the mail. GET asks (mail scanners follow links); POST confirms."""

    def get(self, request, token):
        return status_page(request, token, "attendees/registrations/news_confirm.html")

    def post(self, request, token):
        registration = registration_by_token(token)
        if services.registration_news_confirm(registration=registration):
            messages.success(request, _("Thank you: we will send you news of later forums."))
        else:
            messages.info(request, _("There is nothing to confirm for this registration."))
        return redirect(management_path(registration))


@never_cache
def registration_ics(request, token):
    registration = registration_by_token(token)
    forum = Forum.objects.with_programme().get(pk=registration.forum_id)
    return private_response(forum_ics_download(request, forum, sequence_offset=registration.calendar_sequence_offset))


@never_cache
def check_in_qr(request, code):
    """The QR code of a check-in code, as a PNG: it checks the person in at the desk and
    gives no access to their registration."""
    registration = get_object_or_404(Registration.objects.with_check_in_code(code))
    response = HttpResponse(check_in_qr_png(registration, scale=8), content_type="image/png")
    return private_response(response)
