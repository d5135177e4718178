"""The admin form for registering someone at the desk (a walk-in, or by phone)."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Registration


class DeskRegistrationForm(forms.ModelForm):
    consent_privacy = forms.BooleanField(
        label=_("The person has agreed to the privacy notice (in person or on paper)."),
        error_messages={"required": _("Registration needs the person's consent to the use of their personal data.")},
    )
    language = forms.ChoiceField(label=_("language of the mails"), choices=settings.LANGUAGES, initial="ko")

    class Meta:
        model = Registration
        fields = [
            "forum", "name", "email", "phone", "organization", "position", "sector",
            "language", "consent_privacy", "consent_marketing",
        ]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        forum, email = cleaned.get("forum"), cleaned.get("email")
        if forum and forum.is_cancelled:
            self.add_error("forum", _("This forum has been cancelled."))
        if forum and email and Registration.objects.filter(forum=forum, email__iexact=email).active().exists():
            self.add_error("email", _("This email address is already registered for this forum."))
        return cleaned

    def validate_unique(self):
        pass  # checked in clean(), with a message staff can act on
