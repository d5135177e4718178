"""The picture a page shares: the one its view chose (a forum's, for its forum and talk
pages), or the site's own."""

from django import template

from events.share_views import SharePicture, site_picture

register = template.Library()


@register.simple_tag
def share_picture_or_site(chosen: SharePicture | None) -> SharePicture:
    return chosen or site_picture()
