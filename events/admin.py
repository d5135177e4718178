import copy

from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forum_site.core.durations import DurationInWordsField
from speakers.models import Speaker

from .admin_forms import ForumForm, TalkInlineForm
from .forum_defaults import forum_publish, forum_unpublish, new_forum_initial, registration_opening_line
from .models import ForumPhoto, ForumStatus, Guest, PullQuote, Series, Talk, TalkSpeaker, Venue
from .photo_upload import photos_add
from .plan_admin import plan_view
from .reports import report_publish, report_withdraw

# Links typed without a scheme are taken as https (Django 6's default, chosen now).
HTTPS_URL_FIELDS: dict[type[models.Field], dict[str, str]] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ["name", "room", "address"]
    search_fields = ["name", "name_en", "room", "address"]
    # The English beside the Korean, on one row each.
    fields = [("name", "name_en"), ("room", "room_en"), ("address", "address_en"), "map_url"]


# Registered by the project (forum_site/admin.py), with attendees' default questions.
class SeriesAdmin(admin.ModelAdmin):
    formfield_overrides = {models.DurationField: {"form_class": DurationInWordsField}}
    list_display = ["name", "week_of_month", "weekday", "default_start_time", "default_capacity"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": [("name", "name_en"), "slug", "description", "description_en"]}),
        (_("Monthly schedule"), {"fields": ["week_of_month", "weekday", "default_start_time", "default_duration"]}),
        (
            _("Defaults for new forums"),
            {"fields": ["default_venue", "default_capacity", "registration_opens_days_before"]},
        ),
        (_("Mails"), {"fields": ["reminder_hours_before"]}),
        (_("In charge (the result report)"), {"fields": ["report_department", "report_officer", "report_contact"]}),
        (_("Planning"), {"fields": ["plan_link"]}),
    ]
    readonly_fields = ["plan_link"]

    def get_fieldsets(self, request, obj=None):
        # Planning creates forums: shown to those who may add them, as its page demands.
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.has_perm("events.add_forum"):
            return fieldsets
        return [(name, options) for name, options in fieldsets if "plan_link" not in options["fields"]]

    def get_urls(self):
        view = self.admin_site.admin_view(self.plan_view)
        return [path("<path:object_id>/plan/", view, name="events_series_plan"), *super().get_urls()]

    def plan_view(self, request, object_id):
        return plan_view(request, self, object_id)

    @admin.display(description=_("next months"))
    def plan_link(self, series):
        if series.pk is None:
            return _("After saving.")
        url = reverse("admin:events_series_plan", args=[series.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Plan the next months"))


class TalkInline(admin.StackedInline):
    model = Talk
    form = TalkInlineForm
    formfield_overrides = HTTPS_URL_FIELDS
    extra = 0
    fields = [
        "order",
        ("title", "title_en"),
        "slug",
        "speakers_in_order",
        ("abstract", "abstract_en"),
        ("summary", "summary_en"),
        "slides",
        "video_url",
    ]
    show_change_link = True  # quotes are edited on the talk's own page

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("talk_speakers")

    def get_formset(self, request, obj=None, **kwargs):
        """The talk row's speakers get the admin's "+", as a model field would, so that a new
        speaker is added in a popup without leaving the forum."""
        formset = super().get_formset(request, obj, **kwargs)
        # A copy: the declared field is shared by every form class made from TalkInlineForm.
        speakers = copy.deepcopy(formset.form.base_fields["speakers_in_order"])
        speakers.widget = RelatedFieldWidgetWrapper(
            speakers.widget,
            # A ManyToManyRel, which the wrapper takes at run time; django-stubs asks a ManyToOneRel.
            Talk._meta.get_field("speakers").remote_field,  # type: ignore[arg-type]
            self.admin_site,
            can_add_related=self.admin_site.get_model_admin(Speaker).has_add_permission(request),
            can_change_related=False,
            can_delete_related=False,
            can_view_related=False,
        )
        formset.form.base_fields["speakers_in_order"] = speakers
        return formset


class GuestInline(admin.TabularInline):
    model = Guest
    extra = 0
    fields = ["protocol_order", "name", "title", "organization", "gives_greeting"]


class ForumPhotoInline(admin.TabularInline):
    model = ForumPhoto
    extra = 0
    fields = ["preview", "order", "image", "alt_text", "caption"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, photo):
        if not photo.image:
            return ""
        return format_html('<img src="{}" alt="" width="120" loading="lazy">', photo.thumbnail_url)


# Not registered here: the project composes the forum's admin (forum_site/admin.py), with
# what the attendees app adds to it. This app knows nothing of registrations.
class ForumAdmin(admin.ModelAdmin):
    form = ForumForm
    list_display = ["display_number", "title", "starts_at", "status"]
    list_display_links = ["display_number", "title"]
    list_filter = ["series", "status"]
    search_fields = ["title", "title_en", "report"]
    date_hierarchy = "starts_at"
    ordering = ["-starts_at"]
    list_select_related = ["series"]
    autocomplete_fields = ["venue"]
    inlines = [TalkInline, GuestInline, ForumPhotoInline]
    fieldsets = [
        (None, {"fields": ["series", "number", ("title", "title_en"), "slug", "status"]}),
        (_("When and where"), {"fields": ["starts_at", "ends_at", "venue"]}),
        (_("Registration"), {"fields": ["capacity", "registration_opens_at", "registration_closes_at"]}),
        (
            _("In charge (the result report)"),
            {"fields": ["report_department", "report_officer", "report_contact"], "classes": ["collapse"]},
        ),
        (_("After the forum"), {"fields": [("report", "report_en"), "report_published_at", "new_photos"]}),
    ]
    readonly_fields = ["report_published_at"]
    actions = ["publish_forums", "publish_reports", "withdraw_reports"]

    def save_model(self, request, obj, form, change):
        # A status chosen in the form goes through the same service as the list's action.
        chosen = obj.status == ForumStatus.PUBLISHED or (change and obj.status == ForumStatus.DRAFT)
        changed = "status" in form.changed_data and chosen
        if not (changed and self.forum_visibility_change(request, obj, publish=obj.status == ForumStatus.PUBLISHED)):
            super().save_model(request, obj, form, change)  # the other edits, when the service saved none

    def forum_visibility_change(self, request, forum, *, publish: bool) -> bool:
        """Publish or un-publish `forum`; the project's admin records who did it."""
        return (forum_publish if publish else forum_unpublish)(forum)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if uploads := form.cleaned_data.get("new_photos"):
            photos_add(form.instance, uploads)

    def get_changeform_initial_data(self, request):
        """A new forum starts from its series: ?series=<id>, or the first series."""
        initial = super().get_changeform_initial_data(request)
        chosen = request.GET.get("series", "")
        series = Series.objects.filter(pk=chosen).first() if chosen.isdigit() else Series.objects.order_by("pk").first()
        return {**new_forum_initial(series), **initial} if series else initial

    @admin.action(
        description=_("Publish the selected draft forums (opens registration as the series says)"),
        permissions=["change"],
    )
    def publish_forums(self, request, queryset):
        drafts = queryset.filter(status=ForumStatus.DRAFT).select_related("series")
        published = [forum for forum in drafts if self.forum_visibility_change(request, forum, publish=True)]
        count = len(published)
        lines = [ngettext("%d forum published.", "%d forums published.", count) % count]
        self.message_user(request, " ".join(lines + [registration_opening_line(forum) for forum in published]))

    @admin.action(description=_("Publish the reports of the selected forums"), permissions=["change"])
    def publish_reports(self, request, queryset):
        published = sum(report_publish(forum) for forum in queryset.select_related("series"))
        self.message_user(request, ngettext("%d report published.", "%d reports published.", published) % published)

    @admin.action(description=_("Withdraw the reports of the selected forums (back to drafts)"), permissions=["change"])
    def withdraw_reports(self, request, queryset):
        withdrawn = sum(report_withdraw(forum) for forum in queryset.select_related("series"))
        self.message_user(request, ngettext("%d report withdrawn.", "%d reports withdrawn.", withdrawn) % withdrawn)

    @admin.display(description=_("number"), ordering="number")
    def display_number(self, forum):
        return forum.display_number


class TalkSpeakerInline(admin.TabularInline):
    model = TalkSpeaker
    extra = 1
    autocomplete_fields = ["speaker"]


class PullQuoteInline(admin.StackedInline):
    model = PullQuote
    extra = 0
    autocomplete_fields = ["speaker"]


@admin.register(Talk)
class TalkAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ["title", "forum", "order"]
    list_filter = ["forum__series"]
    search_fields = ["title", "title_en", "abstract", "summary"]
    list_select_related = ["forum", "forum__series"]
    autocomplete_fields = ["forum"]
    inlines = [TalkSpeakerInline, PullQuoteInline]


@admin.register(ForumPhoto)
class ForumPhotoAdmin(admin.ModelAdmin):
    list_display = ["__str__", "forum", "order"]
    list_filter = ["forum"]
    search_fields = ["caption", "alt_text"]
    list_select_related = ["forum"]
    autocomplete_fields = ["forum"]
