"""News subscriptions in the admin: a read-only list (consents are given and withdrawn by
the subscribers themselves), and the page that announces a forum to all of them."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attendees.models import Subscription
from attendees.news.subscriptions import active_subscriptions, forum_announce
from events.models import Forum, ForumStatus


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "consented_at", "reconfirmed_at", "ended_at", "ended_how"]
    list_filter = ["ended_how", "language"]
    search_fields = ["email"]
    readonly_fields = [field.name for field in Subscription._meta.fields]

    def has_add_permission(self, request):
        return False  # only the subscriber's own confirmation makes one

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # an ended subscription is the record of the unsubscribe


def announce_view(request, model_admin, object_id):
    forum = get_object_or_404(Forum.objects.select_related("series", "venue"), pk=object_id)
    if not model_admin.has_change_permission(request, forum):
        raise PermissionDenied
    if forum.status != ForumStatus.PUBLISHED or forum.is_past:
        model_admin.message_user(request, _("Only a published forum still to come can be announced."), messages.ERROR)
        return redirect("admin:events_forum_change", forum.pk)
    if request.method == "POST":
        written = forum_announce(forum, by=request.user)
        if written is None:
            model_admin.message_user(request, _("This forum has already been announced."), messages.WARNING)
        else:
            model_admin.message_user(
                request,
                ngettext(
                    "The announcement has been queued for %d subscriber.",
                    "The announcement has been queued for %d subscribers.",
                    written,
                )
                % written,
                messages.SUCCESS,
            )
        return redirect("admin:events_forum_change", forum.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Announce %(forum)s") % {"forum": forum},
        "opts": model_admin.opts,
        "forum": forum,
        "subscribers": active_subscriptions().count(),
        "by_language": dict(active_subscriptions().values_list("language").annotate(count=Count("pk")).order_by()),
    }
    return TemplateResponse(request, "attendees/admin/announce.html", context)
