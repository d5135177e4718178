"""A forum's report goes public when staff publish it, not when they start writing it."""

from forum_site.core import clock

from .models import Forum

# What publishing changes: the time, and the search words (a draft's are not searched).
PUBLISH_FIELDS = ["report_published_at", "search_text", "updated_at"]


def report_publish(forum: Forum) -> bool:
    """Publish the forum's report; False if it has none or is already public."""
    if not forum.report or forum.report_published_at is not None:
        return False
    forum.report_published_at = clock.now()
    forum.save(update_fields=PUBLISH_FIELDS)  # save(): the page cache and the edit history follow
    return True


def report_withdraw(forum: Forum) -> bool:
    """Back to a draft; False if it was not public."""
    if forum.report_published_at is None:
        return False
    forum.report_published_at = None
    forum.save(update_fields=PUBLISH_FIELDS)
    return True
