from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.admin import ForumAdmin as EventsForumAdmin
from events.models import Forum

from . import services
from .admin_forms import DeskRegistrationForm, RegistrationChangeForm
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
    form = RegistrationChangeForm
    view_on_site = False  # a registration's only page is the attendee's own, behind their token
    # Status changes only through the actions, which go through the services: a cancel
    # promotes the next person, a promotion respects capacity, and each sends its mail.
    # The management token is never shown: it is the attendee's key, and can cancel.
    readonly_fields = [
        "forum", "status", "checked_in_at", "language", "consent_privacy", "consent_marketing", "marketing_confirmed_at",
        "consent_version", "consented_at", "created_at", "cancelled_at", "anonymized_at",
    ]
    fieldsets = [
        (None, {"fields": ["forum", "status", "checked_in_at"]}),
        (_("Attendee"), {"fields": ["name", "email", "phone", "organization", "position", "sector"]}),
        (_("Consent and record"), {"fields": readonly_fields[3:]}),
    ]

    add_fieldsets = [
        (None, {"fields": ["forum"]}),
        (_("Attendee"), {"fields": ["name", "email", "phone", "organization", "position", "sector", "language"]}),
        (_("Consent"), {"fields": ["consent_privacy", "consent_marketing"]}),
    ]

    # Adding goes through registration_create like the public form: capacity, waiting
    # list, consent record and mail are the same; only the registration window is not.
    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = DeskRegistrationForm
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        data = form.cleaned_data
        registration = services.registration_create(
            forum=data["forum"], name=data["name"], email=data["email"], phone=data["phone"],
            organization=data["organization"], position=data["position"], sector=data["sector"],
            consent_privacy=data["consent_privacy"], consent_marketing=data["consent_marketing"],
            language=data["language"], by_staff=True,
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
        try:
            services.registration_details_update(
                registration=obj, changes={field: form.cleaned_data[field] for field in form.changed_data}
            )
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

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
