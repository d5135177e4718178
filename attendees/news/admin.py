"""News subscriptions in the admin: a read-only list (consents are given and withdrawn by
the subscribers themselves), and the page that announces a forum to all of them."""

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attendees.contacts import MaskedContactsAdmin
from attendees.models import RUNS_REGISTRATIONS, Subscription
from attendees.news.mails import announcement_preview
from attendees.news.subscriptions import active_subscriptions, forum_announce
from events.models import Forum, ForumStatus
from forum_site.core.admin_pages import ConfirmationPage


@admin.register(Subscription)
class SubscriptionAdmin(MaskedContactsAdmin):
    list_display = ["email", "language", "consented_at", "reconfirmed_at", "ended_at", "ended_how"]
    list_filter = ["ended_how", "language"]
    search_fields = ["email"]
    readonly_fields = [field.name for field in Subscription._meta.fields]

    def get_fields(self, request, obj=None):
        return self.masked(request, self.readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        return self.masked(request, self.readonly_fields)

    def has_add_permission(self, request):
        return False  # only the subscriber's own confirmation makes one

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # an ended subscription is the record of the unsubscribe


class AnnouncementPage(ConfirmationPage[Forum]):
    """How many subscribers, in which language, will be told of the forum; then it is sent."""

    template_name = "attendees/news/announce.html"

    def allowed(self):
        return super().allowed() and self.request.user.has_perm(RUNS_REGISTRATIONS)

    def refusal(self):
        if self.obj.status != ForumStatus.PUBLISHED or self.obj.is_past:
            return _("Only a published forum still to come can be announced."), messages.ERROR
        return None

    def title(self):
        return _("Announce %(forum)s") % {"forum": self.obj}

    def context(self, form):
        subscribers = active_subscriptions()
        by_language = subscribers.values_list("language").annotate(count=Count("pk")).order_by()
        subject, text = announcement_preview(self.obj, "ko")
        return {
            "forum": self.obj,
            "subscribers": subscribers.count(),
            "by_language": dict(by_language),
            "preview_subject": subject,
            "preview_text": text,
        }

    def act(self, form):
        written = forum_announce(self.obj, by=self.request.user)
        if written is None:
            return _("This forum has already been announced."), messages.WARNING
        said = ngettext(
            "The announcement has been queued for %d subscriber.",
            "The announcement has been queued for %d subscribers.",
            written,
        )
        return said % written, messages.SUCCESS


def announce_view(request, model_admin, object_id):
    forum = get_object_or_404(Forum.objects.select_related("series", "venue"), pk=object_id)
    return AnnouncementPage(model_admin, request, forum).response()
