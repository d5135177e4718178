"""The staff admin of attendees: registrations and the two records (changes and access)
here; news subscriptions in attendees/news/admin.py; the questions a forum asks at
registration in attendees/questions/admin.py; the surveys in attendees/surveys/admin.py;
the forum admin of events, extended
with what reaches the people registered, in attendees/forum_admin.py. The composition
layer: it may import every concern."""

import datetime
import functools

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, When
from django.db.models.functions import Coalesce, TruncMinute
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attendees import registration_actions
from attendees.certificates.admin_views import certificate_issue_view, certificate_link
from attendees.contacts import MaskedContactsAdmin, sees_whole_contacts
from attendees.models import (
    PERSON_FIELDS,
    AccessKind,
    AccessRecord,
    ActionRecord,
    Question,
    Registration,
    RegistrationStatus,
    Survey,
    SurveyItem,
    ahead_of,
)
from attendees.news import admin as news_admin  # noqa: F401 (news subscriptions)
from attendees.questions.admin import QuestionAdmin
from attendees.records import access_record, describe, history_row, recorded_state
from attendees.registrations import services
from attendees.registrations.admin_forms import DeskRegistrationForm, RegistrationChangeForm
from attendees.reporting.exports_admin import registrations_export_view
from attendees.surveys.admin import SurveyAdmin, SurveyItemAdmin

MASKED = ["masked_email", "masked_phone"]

admin.site.register(Question, QuestionAdmin)
admin.site.register(Survey, SurveyAdmin)
admin.site.register(SurveyItem, SurveyItemAdmin)


class CheckedInFilter(admin.SimpleListFilter):
    title = _("checked in")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("checked in")), ("no", _("not checked in"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.came()
        if self.value() == "no":
            return queryset.filter(checked_in_at__isnull=True)
        return queryset


class OverCapacityFilter(admin.SimpleListFilter):
    """정원 외: the walk-ins admitted beyond the capacity, whom "100 / 100 + 정원 외 1" counts."""

    title = _("over capacity")
    parameter_name = "over_capacity"

    def lookups(self, request, model_admin):
        return [("yes", _("admitted over capacity")), ("no", _("in the capacity's seats"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.over_capacity()
        if self.value() == "no":
            return queryset.seated()
        return queryset


class RegisteredInABurstFilter(admin.SimpleListFilter):
    """The minutes in which one forum took many registrations: a flood of made-up people
    from one network shows up here, to be cancelled in one step (the "cancel" action,
    which then promotes those still waiting, in order). Offered once a forum is chosen,
    so that the list of all forums is not grouped by minute on every load."""

    title = _("registered in a burst")
    parameter_name = "burst"
    BURST = 10  # registrations of one forum in one minute

    def lookups(self, request, model_admin):
        forum = request.GET.get("forum__id__exact", "")
        if not forum.isdigit() or len(forum) > 18:  # a crafted id beyond any database integer
            return []
        minutes = (
            Registration.objects.filter(forum_id=forum)
            .annotate(minute=TruncMinute("created_at"))
            .values("minute")
            .annotate(count=Count("pk"))
            .filter(count__gte=self.BURST)
            .order_by("minute")
        )
        return [
            (
                timezone.localtime(row["minute"]).strftime("%Y-%m-%dT%H:%M"),
                _("%(minute)s (%(count)d registrations)")
                % {"minute": timezone.localtime(row["minute"]).strftime("%Y-%m-%d %H:%M"), "count": row["count"]},
            )
            for row in minutes
        ]

    def queryset(self, request, queryset):
        minute = self.value()
        if not minute:
            return queryset
        try:
            start = timezone.make_aware(datetime.datetime.strptime(minute, "%Y-%m-%dT%H:%M"))
        except ValueError:
            return queryset.none()
        return queryset.filter(created_at__gte=start, created_at__lt=start + datetime.timedelta(minutes=1))


def _queue_position():
    """1 for the first waiting of their forum, in the same order as the queue; empty for others."""
    ahead = (
        Registration.objects.filter(forum=OuterRef("forum"), status=RegistrationStatus.WAITLISTED)
        .filter(ahead_of(OuterRef("created_at"), OuterRef("pk")))
        .order_by()
        .values("forum")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Case(
        When(status=RegistrationStatus.WAITLISTED, then=Coalesce(Subquery(ahead), 0) + 1),
        default=None,
        output_field=IntegerField(),
    )


@admin.register(Registration)
class RegistrationAdmin(MaskedContactsAdmin):
    list_display = [
        "name",
        "organization",
        "sector",
        "forum",
        "status",
        "beyond_capacity",
        "queue_position",
        "created_at",
        "checked_in_at",
    ]
    list_filter = ["forum", "status", OverCapacityFilter, CheckedInFilter, "sector", RegisteredInABurstFilter]
    # Answered by trigram indexes on PostgreSQL (migration 0012), at any number of rows.
    search_fields = ["name", "email", "organization"]
    # Registrations are found by forum, not by the day they came in: no date hierarchy,
    # whose queries would scan every registration. Nor a second count of all of them.
    show_full_result_count = False
    ordering = ["-created_at", "-pk"]
    list_select_related = ["forum"]
    actions = [
        registration_actions.check_in,
        registration_actions.undo_check_in,
        registration_actions.cancel,
        registration_actions.promote,
        registration_actions.resend_confirmation,
    ]
    form = RegistrationChangeForm
    view_on_site = False  # a registration's only page is the attendee's own, behind their token
    # Status changes only through the actions, which go through the services: a cancel
    # promotes the next person, a promotion respects capacity, and each sends its mail.
    # The management token is never shown: it is the attendee's key, and can cancel.
    readonly_fields = [
        "forum",
        "status",
        "checked_in_at",
        "certificate_of_attendance",
        "language",
        "consent_privacy",
        "consent_marketing",
        "marketing_confirmed_at",
        "consent_version",
        "consented_at",
        "created_at",
        "cancelled_at",
        "anonymized_at",
    ]
    fieldsets = [
        (None, {"fields": ["forum", "status", "checked_in_at", "certificate_of_attendance"]}),
        (_("Attendee"), {"fields": list(PERSON_FIELDS)}),
        (_("Consent and record"), {"fields": list(readonly_fields[4:])}),
    ]
    # Whole emails and phones are for those allowed to export them whole; everyone else
    # sees them masked here as in the exports, and cannot change them.
    masked_fieldsets = [
        fieldsets[0],
        (_("Attendee"), {"fields": ["name", "masked_email", "masked_phone", "organization", "position", "sector"]}),
        fieldsets[2],
    ]

    add_fieldsets = [
        (None, {"fields": ["forum"]}),
        (_("Attendee"), {"fields": [*PERSON_FIELDS, "language"]}),
        (_("Consent"), {"fields": ["consent_privacy", "consent_marketing"]}),
    ]

    # --- Adding: a desk registration, through registration_create like the public form:
    # capacity, waiting list, consent record and mail are the same; only the window is not.
    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = DeskRegistrationForm.refusing(getattr(request, "desk_refusal", None))
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        return self.fieldsets if sees_whole_contacts(request.user) else self.masked_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return self.readonly_fields if sees_whole_contacts(request.user) else [*self.readonly_fields, *MASKED]

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except services.RegistrationError as error:
            # A rule said no after the form was valid (another desk registered the person,
            # or the forum closed, meanwhile): the same form again, with what was typed and
            # why, not a 500. The form itself now sees a registration made meanwhile.
            if not isinstance(error, services.AlreadyRegistered):
                request.desk_refusal = error.message
            return super().add_view(request, form_url, extra_context)

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        data = form.cleaned_data
        registration = services.registration_create(
            forum=data["forum"],
            **form.person(),
            consent_privacy=data["consent_privacy"],
            consent_marketing=data["consent_marketing"],
            language=data["language"],
            by=request.user,
        )
        if registration.status == RegistrationStatus.WAITLISTED:
            self.message_user(request, _("The forum is full: the person is on the waiting list."), messages.WARNING)
        return registration

    def save_model(self, request, obj, form, change):
        # A new registration was saved by the service in save_form. A change writes only
        # the fields the form changed, under the forum lock: never a status read before a
        # concurrent cancellation.
        if not change or not form.changed_data:
            return
        access_record(request, kind=AccessKind.CHANGE, registration_ids=[obj.pk], fields=sorted(form.changed_data))
        try:
            services.registration_details_update(
                registration=obj,
                changes={field: form.cleaned_data[field] for field in form.changed_data},
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    class Media:
        css = {"all": ["attendees/admin.css"]}  # names and organisations never wrap letter by letter

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(queue_position=_queue_position())

    @admin.display(description=_("over capacity"), boolean=True)
    def beyond_capacity(self, registration):
        return registration.is_over_capacity

    @admin.display(description=_("waiting list position"), ordering="queue_position")
    def queue_position(self, registration):
        return registration.queue_position

    # --- The list for the forum morning: Excel or CSV, with a reason on record.
    def get_urls(self):
        view = self.admin_site.admin_view(functools.partial(registrations_export_view, model_admin=self))
        export = path("export/", view, name="attendees_registration_export")
        issue = self.admin_site.admin_view(functools.partial(certificate_issue_view, model_admin=self))
        certificate = path("<path:object_id>/certificate.pdf", issue, name="attendees_registration_certificate")
        return [export, certificate, *super().get_urls()]

    @admin.display(description=_("certificate of attendance"))
    def certificate_of_attendance(self, registration):
        return certificate_link(registration)

    # --- Every look at personal data leaves an access record, whatever the method: a POST
    # renders the list as a GET does, and a form with errors shows the person again.
    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        if context.get("cl") is not None:
            ids = [registration.pk for registration in context["cl"].result_list]
            # The filters used, but a search term only as "searched": it may be a name.
            filters = {key: value for key, value in request.GET.items() if key != "q"}
            access_record(
                request,
                kind=AccessKind.LIST,
                registration_ids=ids,
                filters=filters,
                searched=bool(request.GET.get("q")),
            )
        elif context.get("queryset") is not None:  # an action's confirmation page
            ids = context["queryset"].values_list("pk", flat=True)
            access_record(request, kind=AccessKind.ACTION, registration_ids=ids, page="confirmation")
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200 and str(object_id).isdigit():
            access_record(request, kind=AccessKind.VIEW, registration_ids=[int(object_id)])
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        if response.status_code == 200 and str(object_id).isdigit():
            access_record(request, kind=AccessKind.VIEW, registration_ids=[int(object_id)], page="delete")
        return response

    def history_view(self, request, object_id, extra_context=None):
        registration = self.get_object(request, object_id)
        if registration is None or not self.has_view_or_change_permission(request, registration):
            return super().history_view(request, object_id, extra_context)
        access_record(request, kind=AccessKind.VIEW, registration_ids=[registration.pk], page="history")
        records = registration.action_records.select_related("actor").order_by("at", "pk")
        context = {
            **self.admin_site.each_context(request),
            "title": _("History of %(registration)s") % {"registration": registration},
            "opts": self.opts,
            "object": registration,
            "rows": [history_row(record) for record in records],
        }
        return TemplateResponse(request, "attendees/admin/history.html", context)

    # --- Deleting is the superuser's alone, and never frees a seat past the waiting list:
    # an active registration is cancelled through the service first, promoting in order.
    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def delete_model(self, request, obj):
        self.delete_queryset(request, Registration.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        access_record(request, kind=AccessKind.DELETE, registration_ids=ids)
        for registration in Registration.objects.filter(pk__in=ids).cancellable():
            services.registration_cancel(registration=registration, by=request.user)
        Registration.objects.filter(pk__in=ids).delete()


class ReadOnlyRecordAdmin(admin.ModelAdmin):
    """A record no one edits or deletes, not even the superuser."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessRecord)
class AccessRecordAdmin(ReadOnlyRecordAdmin):
    """For the privacy officer: who handled attendees' personal data, when, from where."""

    list_display = ["at", "username", "ip_address", "kind", "row_count", "registration_ids"]
    list_filter = ["kind", "username", "at"]
    date_hierarchy = "at"
    search_fields = ["username"]

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(ActionRecord)
class ActionRecordAdmin(ReadOnlyRecordAdmin):
    list_display = [
        "at", "actor_display", "action", "forum", "registration", "state_before", "state_after", "description"
    ]  # fmt: skip
    # The actor by name, not as the user field: Django's read-only field would link it to
    # the account's admin page, which only those who manage accounts may open. States in
    # words (확정, 현장 확인), never their stored codes.
    fields = ["at", "actor_display", "action", "forum", "registration", "state_before", "state_after", "description"]
    readonly_fields = ["actor_display", "state_before", "state_after", "description"]
    list_filter = ["action", "actor_kind", "at"]
    list_select_related = ["actor", "forum", "registration"]
    date_hierarchy = "at"

    @admin.display(description=_("by"))
    def actor_display(self, record):
        return record.actor_display

    @admin.display(description=_("before"))
    def state_before(self, record):
        return recorded_state(record, record.before)

    @admin.display(description=_("after"))
    def state_after(self, record):
        return recorded_state(record, record.after)

    @admin.display(description=_("details"))
    def description(self, record):
        return describe(record)
