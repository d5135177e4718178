"""The registration form: normalised, bounded input and the two separate consents."""
import re
import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Registration

# Korean mobile (010, 011, 016-019) and landline numbers (02, 031-064, 070), digits only.
KOREAN_PHONE = re.compile(r"^(01[016789]\d{7,8}|02\d{7,8}|0[3-6][1-5]\d{7,8}|070\d{8})$")


def _clean_text(value: str) -> str:
    """Trim, fold runs of white space, and refuse control characters."""
    value = " ".join(value.split())
    if any(unicodedata.category(char).startswith("C") for char in value):
        raise forms.ValidationError(_("Please remove the special characters."), code="control_characters")
    return value


class RegistrationForm(forms.ModelForm):
    # A field people never see or fill: bots that fill every field give themselves away.
    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent_privacy = forms.BooleanField(
        label=_("I agree to the collection and use of my personal data as described above. (required)"),
        error_messages={"required": _("Registration needs your consent to the use of your personal data.")},
    )
    consent_marketing = forms.BooleanField(
        required=False,
        label=_("I would like to receive news of later forums by email. (optional)"),
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "phone", "organization", "position", "sector", "consent_privacy", "consent_marketing"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "organization": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "sector": forms.RadioSelect,
        }
        help_texts = {"phone": _("Optional. For urgent changes on the day, e.g. 010-1234-5678.")}
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "email": {"required": _("Please enter your email address."), "invalid": _("Please enter a valid email address.")},
            "organization": {"required": _("Please enter your organization.")},
            "position": {"required": _("Please enter your position.")},
            "sector": {"required": _("Please choose your sector."), "invalid_choice": _("Please choose one of the sectors.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = self.fields["sector"].choices[1:]  # no empty "---------" radio
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("About you"), "name", "email", "phone", "organization", "position", "sector"),
            Fieldset(_("Consent"), "consent_privacy", "consent_marketing"),
            Field("homepage", wrapper_class="honeypot"),
            Submit("register", _("Register"), css_class="btn-brand btn-lg"),
        )
        self.helper.form_tag = False

    def clean_name(self):
        return _clean_text(self.cleaned_data["name"])

    def clean_organization(self):
        return _clean_text(self.cleaned_data["organization"])

    def clean_position(self):
        return _clean_text(self.cleaned_data["position"])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self):
        raw = self.cleaned_data["phone"].strip()
        if not raw:
            return ""
        digits = re.sub(r"[\s\-().]", "", raw)
        if digits.startswith("+82"):
            digits = "0" + digits[3:]
        if not KOREAN_PHONE.match(digits):
            raise forms.ValidationError(
                _("Please enter a Korean phone number, e.g. 010-1234-5678 or 062-123-4567."), code="invalid_phone"
            )
        return digits

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("homepage"))

    def validate_unique(self):
        # One active registration per email is the service's rule, answered there with a
        # mail instead of a form error that would reveal the registration.
        pass
