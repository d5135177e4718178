"""Admin forms for registrations: registering someone at the desk (a walk-in, or by
phone) and correcting a person's details. Both make input canonical as the public form does."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from attendees.models import ALREADY_REGISTERED, PERSON_FIELDS, Registration
from attendees.registrations import services
from attendees.registrations.forms import ConsentField, PersonFieldsForm


def _email_taken(forum, email, *, exclude_pk=None) -> bool:
    taken = Registration.objects.filter(forum=forum, email=email).active()
    return taken.exclude(pk=exclude_pk).exists() if exclude_pk else taken.exists()


class DeskRegistrationForm(PersonFieldsForm):
    consent_privacy = ConsentField(
        label=_("The person has agreed to the privacy notice (in person or on paper)."),
        error_messages={"required": _("Registration needs the person's consent to the use of their personal data.")},
    )
    consent_marketing = ConsentField(required=False, label=_("consent to news of later forums"))
    language = forms.ChoiceField(label=_("language of the mails"), choices=settings.LANGUAGES, initial="ko")

    class Meta(PersonFieldsForm.Meta):
        fields = [
            "forum",
            *PERSON_FIELDS,
            "language",
            "consent_privacy",
            "consent_marketing",
        ]

    # A refusal the service gave after this form was valid (see RegistrationAdmin.add_view).
    refusal = None

    @classmethod
    def refusing(cls, refusal):
        """This form, saying `refusal` (if any) as its error when bound."""
        return type(cls.__name__, (cls,), {"refusal": refusal}) if refusal else cls

    def clean(self):
        cleaned = super().clean() or {}
        forum, email = cleaned.get("forum"), cleaned.get("email")
        if forum and forum.is_cancelled:
            self.add_error("forum", _("This forum has been cancelled."))
        elif forum and not services.desk_registration_open(forum):
            self.add_error("forum", _("Only a published forum that has not ended takes registrations."))
        if forum and email and _email_taken(forum, email):
            self.add_error("email", ALREADY_REGISTERED)
        if self.refusal:
            raise forms.ValidationError(self.refusal, code="refused")
        return cleaned

    def validate_unique(self):
        pass  # checked in clean(), with a message staff can act on


class RegistrationChangeForm(PersonFieldsForm):
    """The details staff may correct. The admin saves only what changed, through
    registration_details_update, never the status or the timestamps."""

    class Meta(PersonFieldsForm.Meta):
        pass

    def clean(self):
        cleaned = super().clean() or {}
        email = cleaned.get("email")
        if "email" in self.changed_data and email and self.instance.status != "cancelled":
            if _email_taken(self.instance.forum_id, email, exclude_pk=self.instance.pk):
                self.add_error("email", ALREADY_REGISTERED)
        return cleaned

    def validate_unique(self):
        pass  # checked in clean(); the partial index is on lower(email), which Django cannot check
