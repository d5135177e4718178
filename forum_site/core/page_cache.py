"""Public pages for anonymous visitors, kept in the shared cache (Redis in production)
until the content they show changes.

One small mechanism invalidates them all: a content version in the cache, stored with
every page and compared on each visit (both read in one round trip), bumped when a save
or delete of a row that any public page shows commits (content_changed, connected in
forum_site/apps.py). Every process that shares the cache sees the new version on its next
request, so an edit in the admin shows at once, everywhere. The key also holds the minute,
so that what the clock alone changes (a forum becoming past, registration closing) is at
most a minute late.

Views say their page is public with the public_page decorator; PageCacheMiddleware, high
in MIDDLEWARE, keeps and serves the finished response. Staff (who carry a session cookie)
and visitors with a message waiting always get a fresh page. Responses are revalidated on
every visit (ETag, 304: ConditionalGetMiddleware) and may be kept by shared caches, as they
carry no cookie and no `Vary: Cookie`.
"""

import functools
import time

from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_cache_control

from forum_site.core import clock
from forum_site.core.visitors import has_session

VERSION_KEY = "content-version"
# How long an unchanged page is kept; the minute in the key renews it anyway.
PAGE_SECONDS = 120


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new or emptied cache: start from the clock, never from a number used before.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (yet, or any more)
        content_version()


def content_changed(**kwargs) -> None:
    """A public row was saved or deleted: every cached page is stale once the transaction
    commits (at once outside one). Not before: a page another process rendered in between
    would show the old rows under the new version. And not under the lock a registration
    holds while it saves, which a round trip to Redis would lengthen."""
    transaction.on_commit(_bump, robust=True)


def _may_use_cache(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not has_session(request)  # staff see drafts and live counts
        and CookieStorage.cookie_name not in request.COOKIES  # a message to show once
    )


def _key(request) -> str:
    minute = int(clock.now().timestamp() // 60)
    # Compressed or not, as GZipMiddleware decided for this visitor's Accept-Encoding.
    encoding = "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    # The path holds the language (/en/...), the query string the page or search words.
    return f"page:{minute}:{encoding}:{request.get_full_path()}"


def _storable(response) -> bool:
    return (
        getattr(response, "public_page", False)
        and response.status_code == 200
        and not response.cookies
        and not response.streaming
    )


def _stored(version: int, response) -> tuple:
    return version, response.status_code, response.content, list(response.items())


def _restored(entry: tuple) -> HttpResponse:
    _version, status, content, headers = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def public_page(view):
    """Mark this view's page as one for everybody: PageCacheMiddleware keeps it for
    anonymous visitors, and anyone may keep it but must ask again before showing it
    (a 304 when unchanged)."""

    @functools.wraps(view)
    def marked_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, public=True, no_cache=True)
        response.public_page = True
        response.language_in_address = True  # forum_site.middleware.LanguageInAddressMiddleware
        return response

    return marked_view


class PageCacheMiddleware:
    """Serves the pages public_page marked from the shared cache, whole: compressed, with
    their ETag and headers, as the middleware below made them the first time. It sits just
    below SecurityMiddleware (HTTPS redirect, HSTS on every answer), so that a visit found
    in the cache skips the session, language, CSRF, CSP and compression work that would
    only make the same bytes again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([VERSION_KEY, key])
        # Read before rendering: a change while this page renders leaves it stale at once.
        version = found.get(VERSION_KEY) or content_version()
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            response = _restored(entry)
            return get_conditional_response(request, etag=response.get("ETag"), response=response)
        response = self.get_response(request)
        if _storable(response):
            cache.set(key, _stored(version, response), PAGE_SECONDS)
        return response
