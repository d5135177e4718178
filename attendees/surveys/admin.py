"""The surveys in the admin: a survey (a forum's, or a series' template) with its items,
each choice item's page with its choices, and the results page (no person in it)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from attendees.models import Survey, SurveyChoice, SurveyItem
from attendees.surveys.results import survey_results
from attendees.surveys.results_charts import item_chart, satisfaction_chart
from attendees.surveys.results_export import survey_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SurveyItemInline(admin.TabularInline):
    model = SurveyItem
    fields = ["position", "kind", "label", "label_en", "required"]
    extra = 0
    show_change_link = True  # a choice item's choices are on its own page


class SurveyChoiceInline(admin.TabularInline):
    model = SurveyChoice
    fields = ["position", "label", "label_en"]
    extra = 0


class SurveyItemAdmin(admin.ModelAdmin):
    list_display = ["label", "survey", "kind", "position"]
    inlines = [SurveyChoiceInline]

    def has_module_permission(self, request):
        return False  # reached from its survey's page


class SurveyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "closes_on", "results_link"]
    list_select_related = ["forum__series", "series"]
    fields = ["forum", "series", "title", "intro", "closes_on", "reminder_after_days"]
    inlines = [SurveyItemInline]

    @admin.display(description=_("results"))
    def results_link(self, survey):
        if survey.forum_id is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:attendees_survey_results", args=[survey.pk]), _("results")
        )

    def get_urls(self):
        results = self.admin_site.admin_view(self.results_view)
        workbook = self.admin_site.admin_view(self.results_xlsx_view)
        return [
            path("<path:object_id>/results/", results, name="attendees_survey_results"),
            path("<path:object_id>/results.xlsx", workbook, name="attendees_survey_results_xlsx"),
            *super().get_urls(),
        ]

    def results_xlsx_view(self, request, object_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        survey = get_object_or_404(Survey.objects.select_related("forum__series"), pk=object_id, forum__isnull=False)
        response = HttpResponse(survey_xlsx(survey), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}.xlsx"'
        return response

    def results_view(self, request, object_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        survey = get_object_or_404(Survey.objects.select_related("forum__series"), pk=object_id, forum__isnull=False)
        results = survey_results(survey)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Survey results"),
            "results": results,
            "satisfaction_chart": satisfaction_chart(results),
            "items": [(result, item_chart(result)) for result in results.items],
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "attendees/surveys/results.html", context)
