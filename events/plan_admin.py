"""Planning the next months from the admin, with the same service as `plan_forums`:
the proposed dates first, each with what would happen (a public holiday is flagged and
left to staff), then the drafts created on confirming."""

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from forum_site.core import clock

from .models import Series
from .services import PlanOutcome, forum_schedule_plan, forums_plan


class PlanForm(forms.Form):
    months = forms.IntegerField(
        label=_("Months ahead"),
        min_value=1,
        max_value=12,
        initial=3,
        error_messages={
            "min_value": _("Plan at least one month."),
            "max_value": _("Plan at most twelve months at a time."),
            "invalid": _("Enter a whole number of months."),
            "required": _("Enter a whole number of months."),
        },
    )


# The summary above the plan, one part per outcome: what each month will get, or why not.
SUMMARY_PARTS = {
    PlanOutcome.CREATE: ngettext_lazy("%(count)d gets a new draft", "%(count)d get a new draft", "count"),
    PlanOutcome.EXISTS: ngettext_lazy("%(count)d already has its forum", "%(count)d already have their forum", "count"),
    PlanOutcome.BEFORE_LAST: ngettext_lazy(
        "%(count)d lies before the series' latest forum", "%(count)d lie before the series' latest forum", "count"
    ),
    PlanOutcome.HOLIDAY: ngettext_lazy(
        "%(count)d falls on a public holiday", "%(count)d fall on public holidays", "count"
    ),
    PlanOutcome.PAST: ngettext_lazy(
        "%(count)d has its meeting day behind us", "%(count)d have their meeting day behind us", "count"
    ),
    PlanOutcome.NO_MEETING_DAY: ngettext_lazy(
        "%(count)d has no meeting day by the rule", "%(count)d have no meeting day by the rule", "count"
    ),
}


def plan_summary(plan) -> str:
    """Before anything is made: how many of the months get a draft, and why the others do not."""
    if not plan:
        return ""
    counts = Counter(planned.outcome for planned in plan)
    parts = [SUMMARY_PARTS[outcome] % {"count": counts[outcome]} for outcome in PlanOutcome if counts[outcome]]
    return ngettext("Of the %(months)d month: %(parts)s.", "Of the %(months)d months: %(parts)s.", len(plan)) % {
        "months": len(plan),
        "parts": ", ".join(parts),
    }


def plan_view(request, model_admin, object_id):
    series = get_object_or_404(Series, pk=object_id)
    if not request.user.has_perm("events.add_forum"):
        raise PermissionDenied
    form = PlanForm(request.POST if request.method == "POST" else request.GET or {"months": 3})
    plan = []
    if form.is_valid():
        months = form.cleaned_data["months"]
        if request.method == "POST" and "confirm" in request.POST:
            _plan, created = forums_plan(series=series, months=months, today=clock.today())
            model_admin.message_user(
                request,
                ngettext("%d draft forum created.", "%d draft forums created.", len(created)) % len(created),
                messages.SUCCESS,
            )
            return redirect(
                reverse("admin:events_forum_changelist") + f"?series__id__exact={series.pk}&status__exact=draft"
            )
        plan = forum_schedule_plan(series=series, months=months, today=clock.today())
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Plan the forums of %(series)s") % {"series": series},
        "opts": model_admin.opts,
        "series": series,
        "form": form,
        "plan": plan,
        "to_create": sum(planned.outcome is PlanOutcome.CREATE for planned in plan),
        "summary": plan_summary(plan),
    }
    return TemplateResponse(request, "events/admin/plan.html", context)
