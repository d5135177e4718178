"""The forum admin of the events app, extended here with everything that reaches the
people registered: a raised capacity promotes those waiting; a new date, time or venue of
a published forum mails everyone; cancelling goes through its own page, which asks for
the reason and says how many people will be told. No path changes an announced forum
silently. The forum's history (content edits and these changes) is here too."""

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from auditlog.models import LogEntry as ContentEdit
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attendees.door import printables
from attendees.models import RUNS_REGISTRATIONS, AccessKind
from attendees.news.admin import announce_view
from attendees.news.thank_you_admin import thank_you_view
from attendees.questions.admin import QuestionInline, answers_summary
from attendees.records import access_record, history_row
from attendees.registrations import services
from attendees.registrations.forum_changes import (
    PEOPLE_REGISTERED,
    forum_cancel,
    forum_reschedule,
    forum_visibility_change,
    unpublishing_refused,
)
from attendees.registrations.mails import reschedule_preview
from attendees.reporting.result_report import result_report_pdf
from attendees.reporting.result_report_docx import result_report_docx
from attendees.reporting.statistics_admin import statistics_download, statistics_view
from attendees.seats import seats_line
from events.admin import ForumAdmin as EventsForumAdmin
from events.admin_forms import ForumForm
from events.models import Forum, ForumStatus, Venue
from forum_site.core.admin_pages import ConfirmationPage

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # the type of a lazy translation

SCHEDULE_FIELDS = ("starts_at", "ends_at", "venue")
REGISTRATION_FIELDS = ("status", "capacity", "registration_opens_at", "registration_closes_at")
# What makes a forum's address (its pages, its registration page, its calendar file's name):
# once published, people hold links to it, so only those who run it may renumber it (the old
# address then answers 301, events/former_addresses.py).
ADDRESS_FIELDS = ("series", "number", "slug")
# Actions whose effect reaches the people registered or subscribed.
REACHING_PEOPLE_ACTIONS = ("publish_forums", "announce", "send_thank_you", "cancel_forum")


def runs_registrations(request) -> bool:
    """Whether the user runs a forum's registrations (포럼 담당자), not only its content."""
    return request.user.has_perm(RUNS_REGISTRATIONS)


def people_to_tell(forum: Forum) -> dict[str, int]:
    counts = forum.registrations.active_counts()
    return {"to_tell": counts["active"], "confirmed": counts["confirmed"], "waitlisted": counts["waitlisted"]}


RESULT_REPORT_FORMATS = {
    "docx": (result_report_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (result_report_pdf, "application/pdf"),
}


class ForumAdminForm(ForumForm):
    def clean_status(self):
        status, stored = self.cleaned_data["status"], self.instance.status
        if self.instance.pk is None or status == stored:
            return status
        if stored == ForumStatus.CANCELLED:
            raise forms.ValidationError(_("A cancelled forum stays cancelled: everyone has been told."), code="final")
        if status == ForumStatus.DRAFT and unpublishing_refused(self.instance):
            raise forms.ValidationError(PEOPLE_REGISTERED, code="registered")
        return status


class ForumRescheduleForm(forms.Form):
    """The new date, time and venue, carried from the change form to the page that
    confirms them (hidden: they were chosen on the change form)."""

    starts_at = forms.DateTimeField(widget=forms.HiddenInput)
    ends_at = forms.DateTimeField(widget=forms.HiddenInput)
    venue = forms.ModelChoiceField(queryset=Venue.objects.all(), required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("starts_at") and cleaned.get("ends_at") and cleaned["ends_at"] <= cleaned["starts_at"]:
            raise forms.ValidationError(_("The forum must end after it starts."), code="ends_before_start")
        return cleaned


class ForumCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, as it will be mailed to everyone registered"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        error_messages={"required": _("Please give the reason for the cancellation: it is sent to everyone.")},
    )


ONE_FORUM_AT_A_TIME = _("Please choose one forum at a time.")


def to_forum_page(url_name: str, description: "StrOrPromise", *, one_at_a_time: "StrOrPromise" = ONE_FORUM_AT_A_TIME):
    """An action that needs its own page (a count to confirm, a reason to give): it takes
    one forum only, and opens that page."""

    @admin.action(description=description, permissions=["change"])
    def action(model_admin, request, queryset):
        if queryset.count() != 1:
            model_admin.message_user(request, one_at_a_time, messages.ERROR)
            return None
        return redirect(url_name, queryset.get().pk)

    return action


class ForumCancelPage(ConfirmationPage[Forum]):
    """Who will be told, and the reason they will read; then the forum is cancelled."""

    template_name = "attendees/admin/forum_cancel.html"
    form_class = ForumCancelForm

    def allowed(self):
        return super().allowed() and runs_registrations(self.request)

    def refusal(self):
        return (_("This forum is already cancelled."), messages.INFO) if self.obj.is_cancelled else None

    def title(self):
        return _("Cancel %(forum)s") % {"forum": self.obj}

    def context(self, form):
        return {"forum": self.obj, **people_to_tell(self.obj)}

    def act(self, form):
        told = forum_cancel(forum=self.obj, by=self.request.user, reason=form.cleaned_data["reason"])
        said = ngettext(
            "The forum is cancelled; %d person has been told by mail.",
            "The forum is cancelled; %d people have been told by mail.",
            told,
        )
        return said % told, messages.SUCCESS


class ForumReschedulePage(ConfirmationPage[Forum]):
    """Who will be mailed the new date, time or venue, and the mail they will read; then
    the forum moves and they are told."""

    template_name = "attendees/admin/forum_reschedule.html"
    form_class = ForumRescheduleForm

    def allowed(self):
        return super().allowed() and runs_registrations(self.request)

    def bound_form(self, posted):
        # Carried in the address from the change form; confirmed by posting them back.
        return self.form_class(self.request.POST if posted else self.request.GET)

    def refusal(self):
        return (_("This forum is cancelled: it is not moved."), messages.ERROR) if self.obj.is_cancelled else None

    def title(self):
        return _("Move %(forum)s") % {"forum": self.obj}

    def context(self, form):
        page = {"forum": self.obj, **people_to_tell(self.obj)}
        if form.is_valid():
            page["new"] = form.cleaned_data
            page["preview"] = reschedule_preview(self.obj, **form.cleaned_data, language="ko")
        return page

    def act(self, form):
        told = forum_reschedule(forum=self.obj, by=self.request.user, **form.cleaned_data)
        said = ngettext(
            "The new date, time or venue has been mailed to %d person.",
            "The new date, time or venue has been mailed to %d people.",
            told,
        )
        return said % told, messages.SUCCESS


# Registered by the project (forum_site/admin.py), which composes the two apps' admins.
class ForumAdmin(EventsForumAdmin):
    form = ForumAdminForm
    list_display = [*EventsForumAdmin.list_display, "seats", "waitlisted", "registrations_link"]
    fieldsets = [
        *EventsForumAdmin.fieldsets[:-1],
        (
            _("After the forum"),
            {"fields": [("report", "report_en"), "report_published_at", "result_report", "new_photos"]},
        ),
    ]
    readonly_fields = [*EventsForumAdmin.readonly_fields, "result_report", "answers_so_far"]
    actions = [*EventsForumAdmin.actions, "announce", "send_thank_you", "cancel_forum"]
    inlines = [*EventsForumAdmin.inlines, QuestionInline]

    class Media:
        css = {"all": ["attendees/admin.css"]}
        js = ["attendees/printables.js"]  # "building…" beside a PDF link while it builds

    def get_list_display(self, request):
        # The links open registrations and printables: for those who may see them.
        shown = super().get_list_display(request)
        if request.user.has_perm("attendees.view_registration"):
            return shown
        return [column for column in shown if column != "registrations_link"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and request.user.has_perm("attendees.view_registration"):
            fieldsets = [*fieldsets, (_("Answers to the questions"), {"fields": ["answers_so_far"]})]
        if request.user.has_perm("attendees.view_statistics"):
            return fieldsets
        return [
            (name, {**options, "fields": [field for field in options["fields"] if field != "result_report"]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        # What registered people are told of (the date, the venue, their seats, the forum's
        # status and registration window) is changed by those who run the registrations.
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and not runs_registrations(request):
            readonly += [*SCHEDULE_FIELDS, *REGISTRATION_FIELDS]
            if obj.status != ForumStatus.DRAFT:
                readonly += ADDRESS_FIELDS
        return readonly

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not runs_registrations(request):
            for name in REACHING_PEOPLE_ACTIONS:
                actions.pop(name, None)
        return actions

    @admin.display(description=_("confirmed / capacity"))
    def seats(self, forum):
        # The forum's own counters: no registration is counted for the changelist.
        return seats_line(forum.seats_taken, forum.capacity, forum.over_capacity_count)

    @admin.display(description=_("waiting list"))
    def waitlisted(self, forum):
        return forum.waiting_count

    @admin.display(description=_("registrations"))
    def registrations_link(self, forum):
        url = reverse("admin:attendees_registration_changelist") + f"?forum__id__exact={forum.pk}"
        export = reverse("admin:attendees_registration_export") + f"?forum={forum.pk}"
        sheet = reverse("admin:events_forum_sign_in_sheet", args=[forum.pk])
        badges = reverse("admin:events_forum_badges", args=[forum.pk])
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}" data-building="{}">{}</a>'
            ' · <a href="{}" data-building="{}">{}</a>',
            url,
            _("list"),
            export,
            _("Excel / CSV"),
            sheet,
            _("Building the sign-in sheet…"),
            _("sign-in sheet"),
            badges,
            _("Building the name badges…"),
            _("name badges"),
        )

    @admin.display(description=_("answers so far (registrations still active)"))
    def answers_so_far(self, forum):
        return answers_summary(forum)

    @admin.display(description=_("result report (결과보고서)"))
    def result_report(self, forum):
        if forum.pk is None or not forum.is_past:
            return _("After the forum.")
        docx, pdf = (reverse("admin:events_forum_result_report", args=[forum.pk, kind]) for kind in ("docx", "pdf"))
        return format_html('<a href="{}">{}</a> · <a href="{}">{}</a>', docx, _("Word (DOCX)"), pdf, "PDF")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("statistics/", view(self.statistics_view), name="events_forum_statistics"),
            path("statistics.xlsx", view(statistics_download), name="events_forum_statistics_xlsx"),
            path("<path:object_id>/cancel/", view(self.cancel_view), name="events_forum_cancel"),
            path("<path:object_id>/reschedule/", view(self.reschedule_view), name="events_forum_reschedule"),
            path("<path:object_id>/thank-you/", view(self.thank_you_view), name="events_forum_thank_you"),
            path("<path:object_id>/announce/", view(self.announce_view), name="events_forum_announce"),
            path(
                "<path:object_id>/result-report.<str:kind>",
                view(self.result_report_view),
                name="events_forum_result_report",
            ),
            path(
                "<path:object_id>/sign-in-sheet.pdf",
                view(self.printable_view),
                {"kind": "sign-in-sheet"},
                name="events_forum_sign_in_sheet",
            ),
            path(
                "<path:object_id>/badges.pdf", view(self.printable_view), {"kind": "badges"}, name="events_forum_badges"
            ),
            *super().get_urls(),
        ]

    def statistics_view(self, request):
        return statistics_view(request, self.admin_site)

    def result_report_view(self, request, object_id, kind):
        """The forum's result report (결과보고서), as DOCX or PDF: counts, speakers and
        guests, no attendee named; for those who may see the statistics."""
        if not request.user.has_perm("attendees.view_statistics") or kind not in RESULT_REPORT_FORMATS:
            raise PermissionDenied if kind in RESULT_REPORT_FORMATS else Http404
        forum = get_object_or_404(Forum.objects.select_related("series", "venue"), pk=object_id)
        build, content_type = RESULT_REPORT_FORMATS[kind]
        response = HttpResponse(build(forum), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{forum.slug}-result-report.{kind}"'
        return response

    def printable_view(self, request, object_id, kind):
        """The sign-in sheet or the name badges of a forum, as a PDF to print: personal data,
        so only for those who may see registrations, and on record."""
        if not request.user.has_perm("attendees.view_registration"):
            raise PermissionDenied
        forum = get_object_or_404(Forum.objects.select_related("series", "venue"), pk=object_id)
        build = printables.sign_in_sheet_pdf if kind == "sign-in-sheet" else printables.badges_pdf
        content = build(forum)
        ids = list(printables.confirmed_attendees(forum).values_list("pk", flat=True))
        access_record(request, kind=AccessKind.EXPORT, registration_ids=ids, forum=forum.pk, printable=kind)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{forum.slug}-{kind}.pdf"'
        return response

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        stored = Forum.objects.get(pk=obj.pk)
        # What the services change is put back and handed to them; the rest saves as typed.
        request.forum_cancel_asked = obj.status == ForumStatus.CANCELLED != stored.status
        request.forum_other_changes = bool(set(form.changed_data) - {"status"})
        if request.forum_cancel_asked:
            obj.status = stored.status  # the cancel page does it, with a reason and a count
        new_schedule = {field: getattr(obj, field) for field in SCHEDULE_FIELDS}
        moved = any(new_schedule[field] != getattr(stored, field) for field in SCHEDULE_FIELDS)
        new_capacity = obj.capacity
        for field in SCHEDULE_FIELDS:
            setattr(obj, field, getattr(stored, field))
        obj.capacity = stored.capacity
        super().save_model(request, obj, form, change)

        if new_capacity != stored.capacity:
            promoted = services.forum_capacity_change(forum=obj, capacity=new_capacity, by=request.user)
            if count := len(promoted):
                said = ngettext(
                    "%d person promoted from the waiting list.", "%d people promoted from the waiting list.", count
                )
                self.message_user(request, said % count)
        if moved and stored.status == ForumStatus.PUBLISHED:
            # People may have registered: the page that confirms it shows whom it mails.
            request.forum_reschedule_asked = new_schedule
        elif moved:
            forum_reschedule(forum=obj, by=request.user, **new_schedule)  # a draft: nobody to tell
            obj.refresh_from_db()

    def forum_visibility_change(self, request, forum, *, publish: bool) -> bool:
        return forum_visibility_change(forum=forum, publish=publish, by=request.user)

    def response_change(self, request, obj):
        if getattr(request, "forum_cancel_asked", False):
            if request.forum_other_changes:
                self.message_user(
                    request, _("The other changes are saved. Confirm the cancellation here."), messages.WARNING
                )
            return redirect("admin:events_forum_cancel", obj.pk)
        if asked := getattr(request, "forum_reschedule_asked", None):
            self.message_user(
                request, _("The other changes are saved. Confirm the new date, time or venue here."), messages.WARNING
            )
            carried = {
                "starts_at": asked["starts_at"].isoformat(),
                "ends_at": asked["ends_at"].isoformat(),
                "venue": asked["venue"].pk if asked["venue"] else "",
            }
            return redirect(reverse("admin:events_forum_reschedule", args=[obj.pk]) + "?" + urlencode(carried))
        return super().response_change(request, obj)

    announce = to_forum_page(
        "admin:events_forum_announce", _("Announce the selected forum to news subscribers (shows how many first)")
    )
    send_thank_you = to_forum_page(
        "admin:events_forum_thank_you", _("Thank the attendees of the selected forum (shows how many first)")
    )
    cancel_forum = to_forum_page(
        "admin:events_forum_cancel",
        _("Cancel the selected forum (asks for the reason, then tells everyone)"),
        one_at_a_time=_("Please cancel one forum at a time."),
    )

    def announce_view(self, request, object_id):
        return announce_view(request, self, object_id)

    def thank_you_view(self, request, object_id):
        return thank_you_view(request, self, object_id)

    def cancel_view(self, request, object_id):
        forum = get_object_or_404(Forum.objects.select_related("series"), pk=object_id)
        return ForumCancelPage(self, request, forum).response()

    def reschedule_view(self, request, object_id):
        forum = get_object_or_404(Forum.objects.select_related("series", "venue"), pk=object_id)
        return ForumReschedulePage(self, request, forum).response()

    def history_view(self, request, object_id, extra_context=None):
        forum = self.get_object(request, object_id)
        if forum is None or not self.has_view_or_change_permission(request, forum):
            return super().history_view(request, object_id, extra_context)
        rows = [
            history_row(record) for record in forum.action_records.filter(registration=None).select_related("actor")
        ]
        for edit in ContentEdit.objects.get_for_object(forum).select_related("actor"):
            changes = "; ".join(f"{field}: {old} → {new}" for field, (old, new) in edit.changes_display_dict.items())
            rows.append(
                {
                    "at": edit.timestamp,
                    "who": edit.actor.get_username() if edit.actor else _("the system"),
                    "what": edit.get_action_display(),
                    "details": changes,
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("History of %(forum)s") % {"forum": forum},
            "opts": self.opts,
            "object": forum,
            "rows": sorted(rows, key=lambda row: row["at"]),
        }
        if request.user.has_perm("attendees.view_registration"):
            changelist = reverse("admin:attendees_registration_changelist")
            context["registrations_url"] = f"{changelist}?forum__id__exact={forum.pk}"
        return TemplateResponse(request, "attendees/admin/history.html", context)
