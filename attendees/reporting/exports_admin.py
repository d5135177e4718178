"""The admin page that exports a forum's registrations for the office (XLSX or CSV,
reporting/exports.py): which forum, which format, and why, the reason on the access
record; emails and phones masked for those who may not see them whole."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from attendees.contacts import sees_whole_contacts
from attendees.models import AccessKind
from attendees.records import access_record
from attendees.reporting import exports
from events.models import Forum

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RegistrationExportForm(forms.Form):
    """Which forum, in which format, and why: the reason goes into the access record."""

    forum = forms.ModelChoiceField(label=_("forum"), queryset=Forum.objects.order_by("-starts_at"))
    file_format = forms.ChoiceField(label=_("format"), choices=[("xlsx", "Excel (.xlsx)"), ("csv", "CSV (.csv)")])
    reason = forms.CharField(
        label=_("Why do you need this list?"),
        max_length=200,
        help_text=_("Kept in the access record with your account and the number of rows."),
        error_messages={"required": _("Please give the reason for the export.")},
    )


def registrations_export_view(request, *, model_admin):
    """The office's list of a forum's registrations, as Excel or CSV, with the reason on record."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = RegistrationExportForm(request.POST or None, initial={"forum": request.GET.get("forum")})
    if request.method == "POST" and form.is_valid():
        forum, file_format = form.cleaned_data["forum"], form.cleaned_data["file_format"]
        masked = not sees_whole_contacts(request.user)
        build = exports.registrations_xlsx if file_format == "xlsx" else exports.registrations_csv
        content = build(forum, masked=masked)
        ids = list(forum.registrations.identifiable().values_list("pk", flat=True))
        access_record(
            request,
            kind=AccessKind.EXPORT,
            registration_ids=ids,
            forum=forum.pk,
            reason=form.cleaned_data["reason"],
            format=file_format,
            masked=masked,
        )
        content_type = XLSX_TYPE if file_format == "xlsx" else "text/csv; charset=utf-8"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{forum.slug}-registrations.{file_format}"'
        return response
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Export registrations"),
        "opts": model_admin.opts,
        "form": form,
        "masked": not sees_whole_contacts(request.user),
    }
    return TemplateResponse(request, "attendees/reporting/export.html", context)
