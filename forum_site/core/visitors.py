"""Who is asking, without opening the session of a visitor who has none."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser


def has_session(request) -> bool:
    """Does the request carry a session cookie (a signed-in staff member, perhaps)?"""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def visitor(request):
    """The signed-in account, or an anonymous user for a request without a session cookie.
    Reading request.user opens the session, and a response that did so is marked
    `Vary: Cookie`, which no shared cache can keep; a visitor with no cookie has no
    account to find."""
    if not has_session(request):
        return AnonymousUser()
    return request.user
