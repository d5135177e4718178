"""Admin forms: the forum's (with its photo upload), and a talk's speakers in order."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils.translation import gettext_lazy as _

from speakers.models import Speaker

from .models import Forum, Talk
from .photo_upload import PhotosUploadFormMixin
from .services import talk_set_speakers


class OrderedAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    """Shows the chosen speakers in the talk's order rather than by name, so that
    saving the form again keeps that order."""

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        position = {str(v): index for index, v in enumerate(value)}
        groups[0][1].sort(key=lambda option: position.get(str(option["value"]), len(position)))
        return groups


class OrderedSpeakersField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        speakers = {str(speaker.pk): speaker for speaker in super().clean(value)}
        # The order of the submitted values is the order of the talk's speakers.
        return [speakers[str(pk)] for pk in dict.fromkeys(value or [])]


class TalkInlineForm(forms.ModelForm):
    speakers_in_order = OrderedSpeakersField(
        label=_("speakers"),
        queryset=Speaker.objects.all(),
        required=False,
        widget=OrderedAutocompleteSelectMultiple(Talk._meta.get_field("speakers"), admin.site),
        help_text=_("In the order they speak."),
    )

    class Meta:
        model = Talk
        fields = ["order", "title", "title_en", "slug", "abstract", "abstract_en", "summary", "summary_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["speakers_in_order"] = [link.speaker_id for link in self.instance.talk_speakers.all()]

    # ModelForm._save_m2m(): Django's private step that save(commit=False) hands back as
    # save_m2m(), which django-stubs does not declare.
    def _save_m2m(self):
        super()._save_m2m()  # type: ignore[misc]
        talk_set_speakers(talk=self.instance, speakers=self.cleaned_data["speakers_in_order"])


class ForumForm(PhotosUploadFormMixin, forms.ModelForm):
    class Meta:
        model = Forum
        # What staff edit; the life-cycle fields (cancellation, calendar revision) belong to the services.
        fields = [
            "series",
            "number",
            "title",
            "title_en",
            "slug",
            "status",
            "starts_at",
            "ends_at",
            "venue",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "report",
            "report_en",
        ]
