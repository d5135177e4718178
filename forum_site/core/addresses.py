"""The addresses of public objects, reversed once per process rather than on every link.

A list page links every forum, talk and speaker it shows, and a search of 60 results
called reverse() 115 times: Django matches each candidate address against its pattern
again on every call (about 40 µs each, a sixth of the page). An address is a pure
function of the URL name, its arguments and what reverse() reads besides (the URLconf,
the script prefix, the active language of i18n_patterns), so those are the key.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Enough for every forum, talk and speaker of a long series in both languages; the
# least recently used drop out beyond it.
MEMOIZED_ADDRESSES = 8192


@functools.lru_cache(maxsize=MEMOIZED_ADDRESSES)
def _reversed(viewname: str, kwargs: tuple, _urlconf, _root_urlconf, _prefix, _language) -> str:
    return reverse(viewname, kwargs=dict(kwargs))


def address_of(viewname: str, **kwargs) -> str:
    """reverse(viewname, kwargs=kwargs), remembered."""
    return _reversed(
        viewname, tuple(kwargs.items()), get_urlconf(), settings.ROOT_URLCONF, get_script_prefix(), get_language()
    )
