"""Checks of the registration settings, run by `manage.py check` and at every start."""

from django.conf import settings
from django.core.checks import Warning, register

from forum_site.core.rate_limits import parse_rate

# The most of the forum's limit one client may take in the forum limit's window.
CLIENT_SHARE_OF_FORUM_LIMIT = 0.1


@register()
def rate_limits_check(app_configs, **kwargs):
    """The forum limit counts every client's registrations together: a client limit close
    to it would let one network close registration for everyone. A warning, not an error:
    a test or a load run raises the client limit on purpose, and a worker must still start."""
    client_count, client_period = parse_rate(settings.REGISTRATION_RATE_LIMITS["ip"])
    forum_count, forum_period = parse_rate(settings.REGISTRATION_RATE_LIMITS["forum"])
    windows = max(forum_period / client_period, 1)
    if client_count * windows > forum_count * CLIENT_SHARE_OF_FORUM_LIMIT:
        return [
            Warning(
                "REGISTRATION_RATE_LIMIT_PER_IP lets one client take more than a tenth of "
                "REGISTRATION_RATE_LIMIT_PER_FORUM.",
                hint="Lower the client limit or raise the forum limit, e.g. 60/h and 2000/h.",
                id="attendees.W001",
            )
        ]
    return []
