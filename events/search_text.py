"""The words the site search looks in (events/search.py), one text per forum, talk and
speaker, kept up to date on save.

One column per row, with one trigram index on PostgreSQL, lets each search word be a
single indexed LIKE: a rare word is found by the index among 30 or 30,000 forums alike,
where an OR over many columns and a speakers' join could not use one. A talk's text holds
its speakers' names, refreshed when a speaker or the talk's list of speakers changes
(signals connected in events/apps.py). A speaker's own text is kept by Speaker.save().
"""

import collections

from forum_site.text import paragraphs


def _joined(*parts) -> str:
    # Cleaned as the fields clean themselves on save (which runs after this): no NUL or
    # other control character, which PostgreSQL would refuse.
    return paragraphs("\n".join(part for part in parts if part))


def forum_search_text(forum) -> str:
    # A draft report is nobody's to find yet.
    return _joined(forum.title, forum.report if forum.report_published_at else "")


def talk_search_text(talk, names=None) -> str:
    """The talk's words and its speakers' names (read here unless given)."""
    if names is None:
        names = _speaker_names([talk.pk]).get(talk.pk, []) if talk.pk is not None else []
    return _joined(talk.title, talk.abstract, talk.summary, *names)


def _speaker_names(talk_ids) -> dict:
    """{talk id: [name, English name, ...]} of these talks' speakers, in one query."""
    from .models import TalkSpeaker

    names = collections.defaultdict(list)
    speakers = TalkSpeaker.objects.filter(talk_id__in=talk_ids)
    for talk_id, name, name_en in speakers.values_list("talk_id", "speaker__name", "speaker__name_en"):
        names[talk_id] += [name, name_en]
    return names


def talks_search_text_refresh(talk_ids) -> None:
    """Recompute the text of these talks (their speakers changed), without saving them."""
    from .models import Talk

    talk_ids = list(talk_ids)
    names = _speaker_names(talk_ids)
    talks = list(Talk.objects.filter(pk__in=talk_ids))
    for talk in talks:
        talk.search_text = talk_search_text(talk, names.get(talk.pk, []))
    Talk.objects.bulk_update(talks, ["search_text"])


def on_talk_speaker_changed(sender, instance, **kwargs) -> None:
    talks_search_text_refresh([instance.talk_id])


def on_speaker_saved(sender, instance, **kwargs) -> None:
    from .models import TalkSpeaker

    talks_search_text_refresh(TalkSpeaker.objects.filter(speaker=instance).values_list("talk_id", flat=True))
