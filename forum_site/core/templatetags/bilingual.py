"""{{ forum.shown_title|in_its_language }}: the text, inside <span lang="ko"> when an English
page falls back to the Korean; {{ talk.shown_summary|markdown_in_its_language }} does the
same for Markdown, in a <div>. {{ registration.name|in_its_script }} does it for what a
person typed, whose language is known only by its letters. Attributes (titles,
descriptions, alt) take the text alone."""

import re

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from forum_site.core.bilingual import Shown
from forum_site.core.markdown import markdown_html

register = template.Library()


def _other_language(value) -> str:
    lang = getattr(value, "lang", "")
    return lang if isinstance(value, Shown) and lang != (get_language() or "ko") else ""


@register.filter
def in_its_language(value):
    lang = _other_language(value)
    return format_html('<span lang="{}">{}</span>', lang, value) if lang else value


HANGUL = re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")


@register.filter
def in_its_script(value):
    """What a person typed, inside <span lang="ko"> on a page in another language when it
    is written in Hangul."""
    if (get_language() or "ko") != "ko" and HANGUL.search(str(value)):
        return format_html('<span lang="ko">{}</span>', value)
    return value


@register.filter
def markdown_in_its_language(value):
    lang = _other_language(value)
    rendered = markdown_html(str(value or ""))
    return format_html('<div lang="{}">{}</div>', lang, rendered) if lang else rendered
