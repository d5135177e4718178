from django.contrib import admin

from .models import Speaker


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "organization", "position"]
    search_fields = ["name", "name_en", "organization"]
    fieldsets = [
        (None, {"fields": ["name", "name_en", "slug"]}),
        (None, {"fields": ["organization", "position", "bio", "photo"]}),
    ]
