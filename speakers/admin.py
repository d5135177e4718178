from django.contrib import admin

from .models import Speaker


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "organization", "position"]
    search_fields = ["name", "name_en", "organization", "organization_en"]
    fieldsets = [
        (None, {"fields": [("name", "name_en"), "slug"]}),
        (
            None,
            {
                "fields": [
                    ("organization", "organization_en"),
                    ("position", "position_en"),
                    ("bio", "bio_en"),
                    "photo",
                ]
            },
        ),
    ]
