from django.contrib import admin

from .models import Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "sector", "forum", "status", "created_at", "checked_in_at"]
    list_filter = ["forum", "status", "sector"]
    search_fields = ["name", "email", "organization"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    list_select_related = ["forum"]
    autocomplete_fields = ["forum"]
    readonly_fields = [
        "token", "language", "consent_privacy", "consent_marketing", "consent_version", "consented_at",
        "created_at", "cancelled_at", "anonymized_at",
    ]
    fieldsets = [
        (None, {"fields": ["forum", "status", "checked_in_at"]}),
        (None, {"fields": ["name", "email", "phone", "organization", "position", "sector"]}),
        (None, {"fields": readonly_fields}),
    ]
