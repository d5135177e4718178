"""Who is asking, without opening the session of a visitor who has none."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser


def visitor(request):
    """The signed-in account, or an anonymous user for a request without a session cookie.
    Reading request.user opens the session, and a response that did so is marked
    `Vary: Cookie`, which no shared cache can keep; a visitor with no cookie has no
    account to find."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return AnonymousUser()
    return request.user
