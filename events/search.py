"""Site search over forums, talks and speakers, the same on SQLite and PostgreSQL."""

import dataclasses
import operator
from functools import reduce

from django.db.models import Q

from .models import Forum, Talk, public_speakers

MAX_WORDS = 5
RESULTS_PER_KIND = 20


@dataclasses.dataclass
class SearchResults:
    forums: list
    talks: list
    speakers: list

    def __bool__(self):
        return bool(self.forums or self.talks or self.speakers)


def _every_word(words) -> Q:
    # Each word somewhere in the row's search text (events/search_text.py). icontains works
    # for Korean and English alike on both databases (Hangul has no case to fold); on
    # PostgreSQL a trigram index answers it for words of three characters or more.
    return reduce(operator.and_, (Q(search_text__icontains=word) for word in words))


def search_words(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def search_site(query: str) -> SearchResults:
    words = search_words(query)
    if not words:
        return SearchResults([], [], [])
    forums = (
        Forum.objects.published()
        .filter(_every_word(words))
        .select_related("series")
        .order_by("-starts_at")[:RESULTS_PER_KIND]
    )
    talks = (
        Talk.objects.published()
        .filter(_every_word(words))
        .select_related("forum__series")
        .with_speakers()
        .order_by("-forum__starts_at")[:RESULTS_PER_KIND]
    )
    speakers = public_speakers().filter(_every_word(words)).order_by("name")[:RESULTS_PER_KIND]
    return SearchResults(list(forums), list(talks), list(speakers))
