"""The admin page that sends a forum's thank-you: it says first how many people each
group holds, then queues the mails (attendees/reporting/thank_you.py)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attendees.reporting.thank_you import thank_you_groups, thank_you_send
from events.models import Forum


class ThankYouForm(forms.Form):
    include_absent = forms.BooleanField(
        label=_("Also send the report to those who registered but did not come"), required=False
    )


def thank_you_view(request, model_admin, object_id):
    forum = get_object_or_404(Forum.objects.select_related("series"), pk=object_id)
    if not (model_admin.has_change_permission(request, forum) and request.user.has_perm("attendees.view_registration")):
        raise PermissionDenied
    if not forum.report_is_public:
        model_admin.message_user(
            request, _("Publish the forum's report first: the thank-you links to it."), messages.ERROR
        )
        return redirect("admin:events_forum_change", forum.pk)
    # A POST with the box unticked is empty, and still a POST.
    form = ThankYouForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        queued = thank_you_send(forum=forum, include_absent=form.cleaned_data["include_absent"], by=request.user)
        model_admin.message_user(
            request,
            ngettext(
                "The thank-you has been queued for %d person.", "The thank-you has been queued for %d people.", queued
            )
            % queued,
            messages.SUCCESS,
        )
        return redirect("admin:events_forum_change", forum.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Thank %(forum)s's attendees") % {"forum": forum},
        "opts": model_admin.opts,
        "forum": forum,
        "form": form,
        "groups": thank_you_groups(forum),
    }
    return TemplateResponse(request, "attendees/admin/thank_you.html", context)
