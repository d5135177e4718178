"""{{ forum.report|markdown }} for the page, {{ forum.report|markdown_plain }} for an excerpt."""

from django import template

from forum_site.core.markdown import markdown_html, markdown_plain

register = template.Library()

register.filter("markdown", markdown_html)
register.filter("markdown_plain", markdown_plain)
