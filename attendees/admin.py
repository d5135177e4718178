"""The admin of attendees: each concern registers its own, and the forum admin of events is
extended with what reaches the people registered (forum_admin.py)."""

from attendees import forum_admin  # noqa: F401 (the forum admin with its registration side)
from attendees.news import admin as news_admin  # noqa: F401 (news subscriptions)
from attendees.registrations import admin as registrations_admin  # noqa: F401 (registrations and both records)
