"""How often registrations are accepted: per client address, per email address and per forum.

A city office or a university sends many people from one address on the morning an
invitation goes out, so the address limit is generous; the email limit stops one
mailbox being registered over and over; the forum limit caps a spread-out flood.
Only posts that reach the service count (a registration or a repeated one); a form
returned with errors does not. The counters live in the default cache, which must be
shared by every process in production (CACHE_URL=redis://...).
"""

import hashlib

from django.conf import settings
from django_ratelimit.core import get_usage

from events.models import Forum
from forum_site.client_address import client_ip


def _keys(request, *, forum: Forum, email: str) -> dict[str, str]:
    return {
        "ip": client_ip(request) or "unknown",
        "email": f"{forum.pk}:{hashlib.sha256(email.encode()).hexdigest()}",
        "forum": str(forum.pk),
    }


def _usages(request, *, forum, email, increment: bool):
    for kind, key in _keys(request, forum=forum, email=email).items():
        yield get_usage(
            request,
            group=f"registration-{kind}",
            key=lambda group, request, key=key: key,
            rate=settings.REGISTRATION_RATE_LIMITS[kind],
            increment=increment,
        )


def registration_limited(request, *, forum: Forum, email: str) -> bool:
    """Whether one more registration would go over any of the limits."""
    return any(
        usage["count"] >= usage["limit"] for usage in _usages(request, forum=forum, email=email, increment=False)
    )


def registration_counted(request, *, forum: Forum, email: str) -> None:
    for _usage in _usages(request, forum=forum, email=email, increment=True):
        pass
