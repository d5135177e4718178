"""A limit on failed admin sign-ins from one client, whatever the usernames tried.

django-axes locks one username from one address after a few failures, so a real user
elsewhere is never locked out. But rotating the username is then never refused, and each
attempt costs the server a password hash (about 2 s of CPU on this hardware for a flood
of 90), which slowed every public page twenty-fold during the audit. axes counts every
lockout parameter against one limit, too low for an office's shared address; so this
second limit is counted here, per client (an IPv4 address, an IPv6 /64), and checked
before the login form authenticates: a refused attempt hashes nothing.
"""

from django.conf import settings
from django.core.cache import cache

from .core.client_address import client_network
from .core.rate_limits import parse_rate, window_key


def _counter(request) -> tuple[str, int, int]:
    limit, period = parse_rate(settings.LOGIN_FAILURE_LIMIT_PER_CLIENT)
    return window_key("login-failures", client_network(request), period), limit, period


def login_refused(request) -> bool:
    """Has this client failed to sign in too often in the current window?"""
    key, limit, _period = _counter(request)
    return (cache.get(key) or 0) >= limit


def login_failure_counted(sender, credentials=None, request=None, **kwargs) -> None:
    """Django's user_login_failed signal: one more failure of this client."""
    if request is None:
        return
    key, _limit, period = _counter(request)
    cache.add(key, 0, timeout=period + 1)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr: this is the first
        cache.set(key, 1, timeout=period + 1)
