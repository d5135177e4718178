"""A talk's search text follows its speakers: refreshed when a speaker is saved or the
talk's list of speakers changes (signals connected in events/apps.py)."""

import collections

from .models import Talk, TalkSpeaker
from .search_text import talk_search_text


def _speaker_names(talk_ids) -> dict:
    """{talk id: [name, English name, ...]} of these talks' speakers, in one query."""
    names: dict[int, list[str]] = collections.defaultdict(list)
    speakers = TalkSpeaker.objects.filter(talk_id__in=talk_ids)
    for talk_id, name, name_en in speakers.values_list("talk_id", "speaker__name", "speaker__name_en"):
        names[talk_id] += [name, name_en]
    return names


def talks_search_text_refresh(talk_ids) -> None:
    """Recompute the text of these talks (their speakers changed), without saving them."""
    talk_ids = list(talk_ids)
    names = _speaker_names(talk_ids)
    talks = list(Talk.objects.filter(pk__in=talk_ids))
    for talk in talks:
        talk.search_text = talk_search_text(talk, names.get(talk.pk, []))
    Talk.objects.bulk_update(talks, ["search_text"])


def on_talk_speaker_changed(sender, instance, **kwargs) -> None:
    talks_search_text_refresh([instance.talk_id])


def on_speaker_saved(sender, instance, **kwargs) -> None:
    talks_search_text_refresh(TalkSpeaker.objects.filter(speaker=instance).values_list("talk_id", flat=True))
