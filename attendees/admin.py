from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.admin import ForumAdmin as EventsForumAdmin
from events.models import Forum

from . import services
from .models import Registration, RegistrationStatus


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "sector", "forum", "status", "created_at", "checked_in_at"]
    list_filter = ["forum", "status", "sector"]
    search_fields = ["name", "email", "organization"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    list_select_related = ["forum"]
    actions = ["check_in", "cancel", "promote", "resend_confirmation"]
    # Status changes only through the actions, which go through the services: a cancel
    # promotes the next person, a promotion respects capacity, and each sends its mail.
    readonly_fields = [
        "forum", "status", "checked_in_at", "token", "language", "consent_privacy", "consent_marketing",
        "consent_version", "consented_at", "created_at", "cancelled_at", "anonymized_at",
    ]
    fieldsets = [
        (None, {"fields": ["forum", "status", "checked_in_at"]}),
        (_("Attendee"), {"fields": ["name", "email", "phone", "organization", "position", "sector"]}),
        (_("Consent and record"), {"fields": readonly_fields[3:]}),
    ]

    def has_add_permission(self, request):
        # People register themselves, giving their own consent, on the public form.
        return False

    @admin.action(description=_("Check in the selected attendees"), permissions=["change"])
    def check_in(self, request, queryset):
        done = sum(services.registration_check_in(registration=registration) for registration in queryset)
        self.message_user(request, ngettext("%d attendee checked in.", "%d attendees checked in.", done) % done)

    @admin.action(description=_("Cancel the selected registrations (frees seats for the waiting list)"), permissions=["change"])
    def cancel(self, request, queryset):
        cancelled, promoted = 0, 0
        for registration in queryset.exclude(status=RegistrationStatus.CANCELLED):
            promoted += len(services.registration_cancel(registration=registration, by_staff=True))
            cancelled += 1
        self.message_user(
            request,
            _("%(cancelled)d cancelled; %(promoted)d promoted from the waiting list.")
            % {"cancelled": cancelled, "promoted": promoted},
        )

    @admin.action(description=_("Promote the selected from the waiting list"), permissions=["change"])
    def promote(self, request, queryset):
        for registration in queryset.order_by("created_at"):
            try:
                services.registration_promote(registration=registration)
            except services.RegistrationError as error:
                self.message_user(request, f"{registration.name}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("%(name)s is now confirmed.") % {"name": registration.name})

    @admin.action(description=_("Resend the confirmation mail"), permissions=["change"])
    def resend_confirmation(self, request, queryset):
        for registration in queryset:
            services.registration_resend_confirmation(registration=registration)
        count = queryset.count()
        self.message_user(request, ngettext("%d mail queued.", "%d mails queued.", count) % count)


# The forum admin of the events app, extended here because capacity is a registration
# matter: a raised capacity must promote people waiting, through the same service.
admin.site.unregister(Forum)


@admin.register(Forum)
class ForumAdmin(EventsForumAdmin):
    def save_model(self, request, obj, form, change):
        capacity_changed = change and "capacity" in form.changed_data
        super().save_model(request, obj, form, change)
        if capacity_changed:
            promoted = services.forum_capacity_change(forum=obj, capacity=obj.capacity)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%d person promoted from the waiting list.", "%d people promoted from the waiting list.", len(promoted)
                    ) % len(promoted),
                )
