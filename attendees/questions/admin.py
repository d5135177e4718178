"""The questions in the admin: inline on a forum's page (label, kind, order...), each
question's own page with its options and their places, and the counts of the answers.

A question's options are edited on its own page: Django's admin nests no inline in an
inline, and a question's conditions and places need the room."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from attendees.models import CHOICE_KINDS, Option, Question
from attendees.questions.answers import forum_summary


class QuestionInline(admin.TabularInline):
    model = Question
    fk_name = "forum"
    fields = ["position", "label", "kind", "required", "purpose", "desk_mark"]
    extra = 0
    show_change_link = True
    verbose_name_plural = _("questions at registration (options, conditions and places: open a question)")


class OptionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if self.instance.pk is None:
            return  # a new question: no one has answered it
        taken = {option.pk: option.taken for option in Option.objects.filter(question=self.instance).with_taken()}
        for form in self.forms:
            places = form.cleaned_data.get("places") if hasattr(form, "cleaned_data") else None
            option = form.instance
            if option.pk is None or places is None or form.cleaned_data.get("DELETE"):
                continue
            if places < taken.get(option.pk, 0):
                form.add_error(
                    "places",
                    _("%(taken)s people already hold this option: places cannot be fewer.")
                    % {"taken": taken[option.pk]},
                )


class OptionInline(admin.TabularInline):
    model = Option
    formset = OptionFormSet
    fields = ["position", "label", "label_en", "places", "taken"]
    readonly_fields = ["taken"]
    extra = 0

    def get_queryset(self, request):
        return Option.objects.with_taken()

    @admin.display(description=_("taken"))
    def taken(self, option):
        return getattr(option, "taken", 0)


class QuestionAdmin(admin.ModelAdmin):
    list_display = ["label", "forum", "series", "kind", "required", "position"]
    list_filter = ["series", "kind"]
    list_select_related = ["forum__series", "series"]
    search_fields = ["label"]
    inlines = [OptionInline]
    fieldsets = [
        (
            None,
            {"fields": ["forum", "series", "position", "kind", ("label", "label_en"), ("help_text", "help_text_en")]},
        ),
        (_("When it is asked"), {"fields": ["required", "shown_when"]}),
        (
            _("Personal data (PIPA)"),
            {"fields": [("purpose", "purpose_en"), "retention_days", "sensitive"]},
        ),
        (_("Answers"), {"fields": ["desk_mark", ("number_min", "number_max")]}),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "shown_when":
            # Options of choice questions only; the model's clean() keeps them to the same forum.
            kwargs["queryset"] = Option.objects.filter(question__kind__in=CHOICE_KINDS).select_related(
                "question__forum__series", "question__series"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def answers_summary(forum) -> str:
    """식사 54 / 불참 12 · 주차 9 of 10: one count per option, for the forum's page."""
    if forum.pk is None:
        return ""
    lines = []
    for summary in forum_summary(forum):
        if summary.options:
            counts = " / ".join(
                f"{option.label} {option.count}" + (f" ({option.count}/{option.places})" if option.places else "")
                for option in summary.options
            )
        else:
            counts = gettext("%(count)s answered") % {"count": summary.answered}
        lines.append((summary.question.label, counts))
    if not lines:
        return gettext("No questions.")
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", lines))
