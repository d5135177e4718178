"""The public pages: home, forum archive, forums, talks, speakers, search, calendars."""

import datetime
import os

from django.conf import settings
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from forum_site.core import clock
from forum_site.core.addresses import address_of
from forum_site.core.visitors import visitor

from .calendar import base_url_of, forum_ics_download, forums_calendar, google_calendar_link, ics_response
from .lookups import forum_lookup, talk_lookup
from .models import PUBLIC_STATUSES, Forum, Talk, TalkSpeaker, programmes_fetch, public_speakers
from .search import search_site, search_words
from .share_views import forum_picture
from .structured_data import event_script

LATEST_PAST_ON_HOME = 3
UPCOMING_LISTED = 12
SPEAKERS_PER_PAGE = 60
CALENDAR_FEED_PAST = datetime.timedelta(days=365)


class HomeView(TemplateView):
    template_name = "events/home.html"

    def get_context_data(self, **kwargs):
        upcoming = list(Forum.objects.published().upcoming().with_series_and_venue())
        latest_past = list(Forum.objects.published().past().with_series_and_venue()[:LATEST_PAST_ON_HOME])
        programmes_fetch(upcoming + latest_past)
        # "The next forum" is one that takes place; a cancelled one stays in the list, marked.
        next_forum = next((forum for forum in upcoming if not forum.is_cancelled), None)
        return super().get_context_data(
            next_forum=next_forum,
            later_forums=[forum for forum in upcoming if forum is not next_forum],
            latest_past=latest_past,
            **kwargs,
        )


class ForumListView(TemplateView):
    """The upcoming forums, and the archive one year at a time (the latest by default),
    with a link to every year: the page stays the same size however long the series runs."""

    template_name = "events/forum_list.html"

    def get_context_data(self, **kwargs):
        past_forums = Forum.objects.published().past()
        years = [moment.year for moment in past_forums.datetimes("starts_at", "year", order="DESC")]
        kwargs.setdefault("year", years[0] if years else None)
        year = kwargs["year"]
        if year is not None and year not in years:
            raise Http404
        upcoming = list(Forum.objects.published().upcoming().with_series_and_venue()[:UPCOMING_LISTED])
        past = list(past_forums.filter(starts_at__year=year).with_series_and_venue()) if year else []
        programmes_fetch(upcoming + past)
        return super().get_context_data(
            upcoming=upcoming,
            past=past,
            years=[
                (each, address_of("events:forum-year", year=each), _("%(year)s") % {"year": each}) for each in years
            ],
            **kwargs,
        )


class ForumDetailView(DetailView):
    template_name = "events/forum_detail.html"
    context_object_name = "forum"

    def get_object(self, queryset=None):
        return forum_lookup(self.request, self.kwargs["series"], self.kwargs["number"])

    def get_context_data(self, **kwargs):
        forum = self.object
        return super().get_context_data(
            # Staff read a report before they publish it; nobody else sees a draft.
            report_preview=visitor(self.request).is_staff,
            share_picture=forum_picture(forum),
            google_calendar=google_calendar_link(forum, url=settings.SITE_URL + forum.get_absolute_url()),
            event_data=event_script(forum),
            **kwargs,
        )


class TalkDetailView(DetailView):
    template_name = "events/talk_detail.html"
    context_object_name = "talk"

    def get_object(self, queryset=None):
        talks = (
            Talk.objects.select_related("forum__series", "forum__venue")
            .with_speakers()
            .prefetch_related("quotes__speaker")
        )
        return talk_lookup(self.request, **self.kwargs, talks=talks)

    def get_context_data(self, **kwargs):
        return super().get_context_data(share_picture=forum_picture(self.object.forum), **kwargs)


def talk_slides(request, series: str, number: int, slug: str):
    """The slides as a download, never shown inline: whatever a file holds, the browser
    saves it rather than running it under the site's origin."""
    talk = talk_lookup(request, series, number, slug)
    if not talk.slides:
        raise Http404
    return FileResponse(talk.slides.open("rb"), as_attachment=True, filename=os.path.basename(talk.slides.name))


class SpeakerListView(TemplateView):
    """Speakers in name order, a page at a time with "previous" and "next": no count of
    them all, so a page costs the same however many there are."""

    template_name = "events/speaker_list.html"

    def get_context_data(self, **kwargs):
        try:
            number = max(int(self.request.GET.get("page", "1")), 1)
        except ValueError:
            raise Http404 from None
        start = (number - 1) * SPEAKERS_PER_PAGE
        # One more than a page: whether there is a next page, without counting.
        speakers = list(public_speakers().order_by("name", "pk")[start : start + SPEAKERS_PER_PAGE + 1])
        if not speakers and number > 1:
            raise Http404
        has_next = len(speakers) > SPEAKERS_PER_PAGE
        speakers = speakers[:SPEAKERS_PER_PAGE]
        context = super().get_context_data(
            speakers=speakers,
            page_number=number,
            previous_page=number - 1 if number > 1 else None,
            next_page=number + 1 if has_next else None,
            **kwargs,
        )
        # Talks counted for the speakers of this page only, not for all of them.
        counts = dict(
            TalkSpeaker.objects.filter(speaker__in=speakers, talk__forum__status__in=PUBLIC_STATUSES)
            .values("speaker")
            .annotate(talks=Count("talk", distinct=True))
            .values_list("speaker", "talks")
        )
        for speaker in speakers:
            speaker.talk_count = counts.get(speaker.pk, 0)
        return context


class SpeakerDetailView(DetailView):
    template_name = "events/speaker_detail.html"
    context_object_name = "speaker"
    slug_url_kwarg = "slug"

    def get_queryset(self):
        talks = Talk.objects.published().select_related("forum__series").order_by("-forum__starts_at")
        return public_speakers().prefetch_related(Prefetch("talks", queryset=talks, to_attr="public_talks"))


class SearchView(TemplateView):
    template_name = "events/search.html"
    MAX_QUERY_LENGTH = 100

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[: self.MAX_QUERY_LENGTH]
        return super().get_context_data(
            query=query, searched=bool(search_words(query)), results=search_site(query), **kwargs
        )


def forum_ics(request, series: str, number: int):
    forum = forum_lookup(request, series, number)
    return forum_ics_download(request, forum)


def calendar_feed(request):
    """The published forums to come and those of the last twelve months, for calendar apps
    to subscribe to: what a calendar needs, of a bounded size however long the series runs."""
    since = clock.now() - CALENDAR_FEED_PAST
    forums = Forum.objects.published().filter(ends_at__gte=since).with_programme().order_by("starts_at")
    content = forums_calendar(forums, base_url=base_url_of(request), name=_("AI Breakfast Forum"), subscription=True)
    return ics_response(content, "forums.ics", disposition="inline")
