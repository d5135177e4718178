"""The admin page that sends a forum's thank-you: it says first how many people each
group holds, then queues the mails (attendees/news/thank_you.py)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from attendees.news.thank_you import thank_you_groups, thank_you_send
from events.models import Forum
from forum_site.core.admin_pages import ConfirmationPage


class ThankYouForm(forms.Form):
    include_absent = forms.BooleanField(
        label=_("Also send the report to those who registered but did not come"), required=False
    )


class ThankYouPage(ConfirmationPage[Forum]):
    """How many people each group holds; then their thank-you mails are queued."""

    template_name = "attendees/news/thank_you.html"
    form_class = ThankYouForm

    def allowed(self):
        return super().allowed() and self.request.user.has_perm("attendees.view_registration")

    def refusal(self):
        if not self.obj.report_is_public:
            return _("Publish the forum's report first: the thank-you links to it."), messages.ERROR
        return None

    def title(self):
        return _("Thank %(forum)s's attendees") % {"forum": self.obj}

    def context(self, form):
        return {"forum": self.obj, "groups": thank_you_groups(self.obj)}

    def act(self, form):
        queued = thank_you_send(
            forum=self.obj, include_absent=form.cleaned_data["include_absent"], by=self.request.user
        )
        said = ngettext(
            "The thank-you has been queued for %d person.", "The thank-you has been queued for %d people.", queued
        )
        return said % queued, messages.SUCCESS


def thank_you_view(request, model_admin, object_id):
    forum = get_object_or_404(Forum.objects.select_related("series"), pk=object_id)
    return ThankYouPage(model_admin, request, forum).response()
