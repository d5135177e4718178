"""The registration form: normalised, bounded input and the two separate consents."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from attendees.models import PERSON_FIELDS, SELF_EDITABLE_FIELDS, Registration, Sector
from attendees.questions.form_fields import Asked, Given, QuestionsFormMixin
from attendees.registrations import normalize


class ConsentCheckbox(forms.CheckboxInput):
    """Reads consent only from the value a ticked checkbox sends ("on"). Django's own
    checkbox takes any other string, "0", "off" or "no" included, as a yes."""

    def value_from_datadict(self, data, files, name):
        return data.get(name) == "on"


class ConsentField(forms.BooleanField):
    widget = ConsentCheckbox


class EmailAddressField(forms.CharField):
    """An address made canonical before anything else looks at it, so that full-width or
    zero-width spellings of one mailbox are one value for the uniqueness rule."""

    widget = forms.EmailInput

    def to_python(self, value):
        value = super().to_python(value)
        return normalize.email_address(value) if value else value


class PersonFieldsForm(forms.ModelForm):
    """The attendee's own fields, made canonical by attendees/registrations/normalize.py; shared by the
    public form, the desk form and the admin's change form (their Meta extends this one's)."""

    class Meta:
        model = Registration
        fields = list(PERSON_FIELDS)
        field_classes = {"email": EmailAddressField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "email" in self.fields:
            # The model allows an empty address for walk-ins alone (WalkInForm says so).
            self.fields["email"].required = True

    PERSON = PERSON_FIELDS

    def sector_as_radios(self):
        """The sector as radio buttons the person picks: without the select's empty "---------"."""
        sector = self.fields["sector"]
        assert isinstance(sector, forms.ChoiceField)
        sector.choices = Sector.choices

    def person(self) -> dict:
        """The person's fields of a valid form, as registration_create takes them."""
        return {field: self.cleaned_data.get(field) or "" for field in self.PERSON}

    def clean_name(self):
        return normalize.person_text(self.cleaned_data["name"])

    def clean_organization(self):
        return normalize.person_text(self.cleaned_data["organization"])

    def clean_position(self):
        return normalize.person_text(self.cleaned_data["position"])

    def clean_phone(self):
        return normalize.phone_number(self.cleaned_data["phone"])


class RegistrationForm(QuestionsFormMixin, PersonFieldsForm):
    # A field people never see or fill: bots that fill every field give themselves away.
    homepage = forms.CharField(
        required=False,
        strip=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent_privacy = ConsentField(
        label=_("I agree to the collection and use of my personal data as described above. (required)"),
        error_messages={"required": _("Registration needs your consent to the use of your personal data.")},
    )
    consent_marketing = ConsentField(
        required=False,
        label=_("I would like to receive news of later forums by email. (optional)"),
    )

    class Meta(PersonFieldsForm.Meta):
        fields = [*PERSON_FIELDS, "consent_privacy", "consent_marketing"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(
                attrs={
                    "autocomplete": "email",
                    # forms.js: a likely misspelt mail domain (gmial.com) gets a suggestion.
                    "data-suggest-text": _("Did you mean %(address)s?"),
                    "data-suggest-apply": _("Use this address"),
                }
            ),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "organization": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "sector": forms.RadioSelect,
        }
        help_texts = {
            # The model's own help ("only at the door") is for staff: online it is always asked.
            "email": _("Your confirmation and your personal link go to this address."),
            "phone": _("Optional. For urgent changes on the day, e.g. 010‑1234‑5678."),
        }
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "email": {
                "required": _("Please enter your email address."),
                "invalid": _("Please enter a valid email address."),
            },
            "organization": {"required": _("Please enter your organization.")},
            "position": {"required": _("Please enter your position.")},
            "sector": {
                "required": _("Please choose your sector."),
                "invalid_choice": _("Please choose one of the sectors."),
            },
        }

    def __init__(self, *args, asked: Asked | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sector_as_radios()
        questions = []
        if asked is not None and asked.questions:
            self.questions_add(asked)
            questions = [Fieldset(_("A few questions from the organizers"), *self.question_names())]
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("About you"), *PERSON_FIELDS),
            *questions,
            Fieldset(_("Consent"), "consent_privacy", "consent_marketing"),
            Field("homepage", wrapper_class="honeypot"),
            Submit("register", _("Register"), css_class="btn-brand btn-lg"),
        )
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        self.answers: list[Given] = self.clean_answers()
        return cleaned

    @property
    def honeypot_filled(self) -> bool:
        """Anything at all in the hidden field, a lone space or a zero-width character
        included, comes from a bot: people never see it."""
        return self.data.get("homepage", "") != ""

    def validate_unique(self):
        # One active registration per email is the service's rule, answered there with a
        # mail instead of a form error that would reveal the registration.
        pass


class SelfServiceDetailsForm(QuestionsFormMixin, PersonFieldsForm):
    """What a person may correct through their own link: their details always, their
    answers until the cancellation deadline (`asked`). The address is not among them: it
    is where their link was sent, so another address is another registration."""

    class Meta(PersonFieldsForm.Meta):
        fields = list(SELF_EDITABLE_FIELDS)
        widgets = {"sector": forms.RadioSelect}

    def __init__(self, *args, asked: Asked | None = None, answers: dict[int, Given] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sector_as_radios()
        if asked is not None and asked.questions:
            self.questions_add(asked, answers=answers)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        self.answers: list[Given] = self.clean_answers()
        return cleaned


class WalkInForm(PersonFieldsForm):
    """A person registering at the door, on the desk's screen handed to them: their
    details and the consent they tick themselves, nothing of the staff's (whether a full
    forum admits them is chosen on the desk's page before); an email address is optional."""

    consent_privacy = ConsentField(
        label=_("I agree to the collection and use of my personal data as described above. (required)"),
        error_messages={"required": _("Registration needs your consent to the use of your personal data.")},
    )

    class Meta(PersonFieldsForm.Meta):
        widgets = {"sector": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        self.fields["email"].help_text = _(
            "Optional at the door: with it, the person gets the confirmation and the QR code."
        )
        self.sector_as_radios()
        self.helper = FormHelper()
        self.helper.form_tag = False
        # The consent is ticked under the notice it refers to ("as described above"): the
        # template places the notice, then the box.
        self.helper.layout = Layout(*PERSON_FIELDS)

    def validate_unique(self):
        pass  # the service answers a repeated address
