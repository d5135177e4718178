"""The pictures shared links show, and what a page's head says of them (og:image with its
size and alt text, Twitter's large card)."""

import dataclasses

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control

from forum_site.core.addresses import address_of
from forum_site.core.visitors import visitor

from .models import Forum
from .share_images import HEIGHT, WIDTH, ShareCard, share_card, share_image_png, site_card

# An address that names its content (?v=<hash>) never changes what it answers.
A_YEAR = 365 * 24 * 60 * 60


@dataclasses.dataclass(frozen=True)
class SharePicture:
    url: str
    alt: str
    width: int = WIDTH
    height: int = HEIGHT


def _picture(card: ShareCard, path: str) -> SharePicture:
    alt = ", ".join(part for part in (f"{card.heading}: {card.theme}", card.when, card.where) if part)
    return SharePicture(url=f"{settings.SITE_URL}{path}?v={card.version}", alt=alt)


def forum_picture(forum: Forum) -> SharePicture:
    return _picture(
        share_card(forum), address_of("events:forum-share-image", series=forum.series.slug, number=forum.number)
    )


def site_picture() -> SharePicture:
    return _picture(site_card(), address_of("events:share-image"))


def _png(request, card: ShareCard) -> HttpResponse:
    response = HttpResponse(share_image_png(card), content_type="image/png")
    if request.GET.get("v") == card.version:
        patch_cache_control(response, public=True, max_age=A_YEAR, immutable=True)
    return response


def forum_share_image(request, series: str, number: int):
    # The picture reads the forum, its series and venue: not the programme and photos the page needs.
    forum = get_object_or_404(
        Forum.objects.visible_to(visitor(request)).select_related("series", "venue"), series__slug=series, number=number
    )
    return _png(request, share_card(forum))


def site_share_image(request):
    return _png(request, site_card())
