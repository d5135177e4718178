"""The words the site search looks in (events/search.py), one text per forum, talk and
speaker, kept up to date on save.

One column per row, with one trigram index on PostgreSQL, lets each search word be a
single indexed LIKE: a rare word is found by the index among 30 or 30,000 forums alike,
where an OR over many columns and a speakers' join could not use one. A talk's text holds
its speakers' names, refreshed when a speaker or the talk's list of speakers changes
(signals connected in events/apps.py). A speaker's own text is kept by Speaker.save().
"""

from forum_site.text import paragraphs


def _joined(*parts) -> str:
    # Cleaned as the fields clean themselves on save (which runs after this): no NUL or
    # other control character, which PostgreSQL would refuse.
    return paragraphs("\n".join(part for part in parts if part))


def forum_search_text(forum) -> str:
    return _joined(forum.title, forum.report)


def talk_search_text(talk) -> str:
    names = []
    if talk.pk is not None:
        from .models import TalkSpeaker

        speakers = TalkSpeaker.objects.filter(talk_id=talk.pk)
        for name, name_en in speakers.values_list("speaker__name", "speaker__name_en"):
            names += [name, name_en]
    return _joined(talk.title, talk.abstract, talk.summary, *names)


def talks_search_text_refresh(talk_ids) -> None:
    """Recompute the text of these talks (their speakers changed), without saving them."""
    from .models import Talk

    for talk in Talk.objects.filter(pk__in=list(talk_ids)):
        Talk.objects.filter(pk=talk.pk).update(search_text=talk_search_text(talk))


def on_talk_speaker_changed(sender, instance, **kwargs) -> None:
    talks_search_text_refresh([instance.talk_id])


def on_speaker_saved(sender, instance, **kwargs) -> None:
    from .models import TalkSpeaker

    talks_search_text_refresh(TalkSpeaker.objects.filter(speaker=instance).values_list("talk_id", flat=True))
