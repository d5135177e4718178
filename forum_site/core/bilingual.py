"""Texts staff write in Korean and, where they have, in English (the `<field>_en` beside
each field, explicit columns rather than django-modeltranslation: the site already had
`name_en` fields, every query and the search text stay as they are, and a page must know
when it falls back to the Korean, to mark it lang="ko" for screen readers, WCAG 3.1.2).

shown(korean, english) gives the English on an English page where there is one, the
Korean otherwise; the result is a str that says its language (.lang), which the
`|in_its_language` filter turns into <span lang="ko"> when it differs from the page's.
"""

from django.utils.translation import get_language


class Shown(str):
    """A text, and the language it is written in."""

    lang: str

    def __new__(cls, text: str, lang: str) -> "Shown":
        shown = super().__new__(cls, text)
        shown.lang = lang
        return shown


def shown(korean: str, english: str) -> Shown:
    if english and get_language() == "en":
        return Shown(english, "en")
    return Shown(korean, "ko")
