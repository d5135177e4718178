"""The words the site search looks in (events/search.py), one text per forum, talk and
speaker, kept up to date on save.

One column per row, with one trigram index on PostgreSQL, lets each search word be a
single indexed LIKE: a rare word is found by the index among 30 or 30,000 forums alike,
where an OR over many columns and a speakers' join could not use one. A talk's text holds
its speakers' names, refreshed when a speaker or the talk's list of speakers changes
(signals connected in events/apps.py). A speaker's own text is kept by Speaker.save().
"""

from forum_site.core.text import paragraphs


def _joined(*parts) -> str:
    # Cleaned as the fields clean themselves on save (which runs after this): no NUL or
    # other control character, which PostgreSQL would refuse.
    return paragraphs("\n".join(part for part in parts if part))


def forum_search_text(forum) -> str:
    # A draft report is nobody's to find yet.
    public = forum.report_published_at is not None
    return _joined(forum.title, forum.title_en, *((forum.report, forum.report_en) if public else ()))


def talk_search_text(talk, names=None) -> str:
    """The talk's words and its speakers' names (read here unless given)."""
    if names is None:
        names = speaker_names_of(talk)
    return _joined(talk.title, talk.title_en, talk.abstract, talk.abstract_en, talk.summary, talk.summary_en, *names)


def speaker_names_of(talk) -> list[str]:
    """The names (and English names) of a saved talk's speakers, in one query."""
    if talk.pk is None:
        return []
    pairs = talk.talk_speakers.values_list("speaker__name", "speaker__name_en")
    return [name for pair in pairs for name in pair]
