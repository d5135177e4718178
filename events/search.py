"""Site search over forums, talks and speakers, the same on SQLite and PostgreSQL."""

import dataclasses
import operator
from functools import reduce

from django.db.models import Q

from speakers.models import Speaker

from .models import Forum, Talk

MAX_WORDS = 5
RESULTS_PER_KIND = 20


@dataclasses.dataclass
class SearchResults:
    forums: list
    talks: list
    speakers: list

    def __bool__(self):
        return bool(self.forums or self.talks or self.speakers)


def _every_word_in_some_field(words, fields) -> Q:
    # A result must contain every word, each in any of the fields. icontains works for
    # Korean and English alike on both databases (Hangul has no case to fold).
    return reduce(
        operator.and_,
        (reduce(operator.or_, (Q(**{f"{field}__icontains": word}) for field in fields)) for word in words),
    )


def search_words(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def search_site(query: str) -> SearchResults:
    words = search_words(query)
    if not words:
        return SearchResults([], [], [])
    forums = (
        Forum.objects.published()
        .filter(_every_word_in_some_field(words, ["title", "report"]))
        .select_related("series")
        .order_by("-starts_at")[:RESULTS_PER_KIND]
    )
    talks = (
        Talk.objects.published()
        .filter(
            _every_word_in_some_field(
                words,
                ["title", "abstract", "summary", "talk_speakers__speaker__name", "talk_speakers__speaker__name_en"],
            )
        )
        .distinct()
        .select_related("forum__series")
        .with_speakers()
        .order_by("-forum__starts_at")[:RESULTS_PER_KIND]
    )
    speakers = (
        Speaker.objects.filter(talks__in=Talk.objects.published())
        .filter(_every_word_in_some_field(words, ["name", "name_en", "organization", "position", "bio"]))
        .distinct()
        .order_by("name")[:RESULTS_PER_KIND]
    )
    return SearchResults(list(forums), list(talks), list(speakers))
