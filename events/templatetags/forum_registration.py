"""{{ forum|registration_path }}: the forum's registration page, or "" where no app offers one."""

from django import template

from events import registration_page

register = template.Library()


@register.filter
def registration_path(forum) -> str:
    provider = registration_page.registration_path.provider
    return provider(forum) if provider else ""
