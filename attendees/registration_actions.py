"""The registration list's actions: check in, undo, cancel, promote, resend. Each goes
through the registration services and leaves an access record of the selection."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attendees.door.check_in_words import check_in_message
from attendees.models import AccessKind
from attendees.records import access_record
from attendees.registrations import services
from forum_site.core import clock


def _record_action(request, queryset, name):
    access_record(request, kind=AccessKind.ACTION, registration_ids=queryset.values_list("pk", flat=True), action=name)


def _check_ins_open(model_admin, request, queryset):
    """The selection whose check-ins this account may change: once a forum has ended,
    only with the permission to correct them (the desk's are closed then)."""
    if request.user.has_perm("attendees.correct_check_in"):
        return queryset
    ended = queryset.filter(forum__ends_at__lte=clock.now())
    if count := ended.count():
        model_admin.message_user(
            request,
            _(
                "Check-ins of a forum that has ended are corrected only by staff allowed to: "
                "%(count)d left as they were."
            )
            % {"count": count},
            messages.ERROR,
        )
    return queryset.exclude(pk__in=ended.values("pk"))


@admin.action(description=_("Check in the selected attendees"), permissions=["change"])
def check_in(model_admin, request, queryset):
    _record_action(request, queryset, "check_in")
    done = 0
    for registration in _check_ins_open(model_admin, request, queryset).select_related("checked_in_by"):
        outcome = services.registration_check_in(registration=registration, by=request.user)
        if outcome is services.CheckIn.CHECKED_IN:
            done += 1
        else:  # each refusal says why, per person
            registration.refresh_from_db()
            model_admin.message_user(request, check_in_message(registration, outcome), messages.WARNING)
    if done:
        model_admin.message_user(request, ngettext("%d attendee checked in.", "%d attendees checked in.", done) % done)


@admin.action(description=_("Undo the check-in of the selected attendees"), permissions=["change"])
def undo_check_in(model_admin, request, queryset):
    _record_action(request, queryset, "undo_check_in")
    undone = sum(
        services.registration_check_in_undo(registration=registration, by=request.user) is services.CheckInUndo.UNDONE
        for registration in _check_ins_open(model_admin, request, queryset)
    )
    model_admin.message_user(request, ngettext("%d check-in undone.", "%d check-ins undone.", undone) % undone)


@admin.action(
    description=_("Cancel the selected registrations (frees seats for the waiting list)"), permissions=["change"]
)
def cancel(model_admin, request, queryset):
    # Picked by mistake, it would cancel people at once: it says whom first, and waits.
    if request.POST.get("confirmed") != "yes":
        counts = queryset.cancellable().active_counts()
        return TemplateResponse(
            request,
            "attendees/admin/registrations_cancel.html",
            {
                **model_admin.admin_site.each_context(request),
                "title": _("Cancel the selected registrations"),
                "opts": model_admin.opts,
                "selected": list(queryset.values_list("pk", flat=True)),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "to_cancel": counts["active"],
                "confirmed": counts["confirmed"],
                "waitlisted": counts["waitlisted"],
            },
        )
    _record_action(request, queryset, "cancel")
    cancelled, promoted = services.registrations_cancel(registrations=queryset, by=request.user)
    model_admin.message_user(
        request,
        _("%(cancelled)d cancelled; %(promoted)d promoted from the waiting list.")
        % {"cancelled": cancelled, "promoted": len(promoted)},
    )


@admin.action(description=_("Promote the selected from the waiting list"), permissions=["change"])
def promote(model_admin, request, queryset):
    _record_action(request, queryset, "promote")
    for registration in queryset.order_by("created_at"):
        try:
            services.registration_promote(registration=registration, by=request.user)
        except services.RegistrationError as error:
            model_admin.message_user(request, f"{registration.name}: {error.message}", messages.ERROR)
        else:
            model_admin.message_user(request, _("%(name)s is now confirmed.") % {"name": registration.name})


@admin.action(description=_("Resend the confirmation mail"), permissions=["change"])
def resend_confirmation(model_admin, request, queryset):
    _record_action(request, queryset, "resend_confirmation")
    for registration in queryset:
        services.registration_resend_confirmation(registration=registration, by=request.user)
    count = queryset.count()
    model_admin.message_user(request, ngettext("%d mail queued.", "%d mails queued.", count) % count)
