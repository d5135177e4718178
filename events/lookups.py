"""The forum or talk a public URL names, if this visitor may see it."""

from django.shortcuts import get_object_or_404

from forum_site.core.visitors import visitor

from .models import Forum, Talk


def forum_lookup(request, series: str, number: int):
    """The forum named by a URL, if this visitor may see it (staff may preview drafts)."""
    return get_object_or_404(
        Forum.objects.visible_to(visitor(request)).with_programme().prefetch_related("photos"),
        series__slug=series,
        number=number,
    )


def talk_lookup(request, series: str, number: int, slug: str, talks=None) -> Talk:
    """The talk named by a URL, if this visitor may see its forum."""
    talks = (talks if talks is not None else Talk.objects.all()).filter(
        forum__in=Forum.objects.visible_to(visitor(request))
    )
    return get_object_or_404(talks, forum__series__slug=series, forum__number=number, slug=slug)
