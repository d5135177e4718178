"""Outlook on the web serves personal accounts (Outlook.com, Hotmail) at one address and
work or school accounts (Microsoft 365) at another, and signs in only its own kind there.
A mail's one Outlook button opens this page, which offers both, with the .ics file for
the Outlook app; for a forum or a seat cancelled, it opens either calendar to delete it."""

from django.shortcuts import render
from django.urls import reverse

from .calendar import OUTLOOK_PERSONAL, OUTLOOK_WORK, outlook_calendar_link
from .lookups import forum_lookup
from .models import Forum


def outlook_choice_path(forum: Forum, *, removal: bool = False) -> str:
    kwargs = {"series": forum.series.slug, "number": forum.number}
    return reverse("events:outlook-removal" if removal else "events:outlook", kwargs=kwargs)


def outlook_choice(request, series: str, number: int, removal: bool = False):
    forum = forum_lookup(request, series, number)
    forum_url = request.build_absolute_uri(forum.get_absolute_url())
    if removal or forum.is_cancelled:
        accounts = [(host, f"{host}/calendar/0/view/month") for host in (OUTLOOK_PERSONAL, OUTLOOK_WORK)]
    else:
        accounts = [
            (host, outlook_calendar_link(forum, url=forum_url, host=host)) for host in (OUTLOOK_PERSONAL, OUTLOOK_WORK)
        ]
    personal, work = (address for _host, address in accounts)
    context = {"forum": forum, "removal": removal or forum.is_cancelled, "personal": personal, "work": work}
    return render(request, "events/outlook_choice.html", context)
