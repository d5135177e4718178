"""A renumbered forum's former pages answer 301 to its new ones: /forums/<series>/<old>/...
(any page under it, in either language, with its query) moves to the same page under the
forum's address now. Only what would otherwise be a 404 is looked up."""

import re

from django.http import HttpResponsePermanentRedirect

from .models import FormerAddress

FORUM_PAGE = re.compile(r"^(?P<language>/[a-z]{2})?/forums/(?P<series>[-\w]+)/(?P<number>\d{1,9})/(?P<rest>.*)$")


class FormerAddressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        match = FORUM_PAGE.match(request.path)
        if match is None:
            return response
        former = (
            FormerAddress.objects.filter(series__slug=match["series"], number=int(match["number"]))
            .select_related("forum__series")
            .first()
        )
        if former is None:
            return response
        forum = former.forum
        target = f"{match['language'] or ''}/forums/{forum.series.slug}/{forum.number}/{match['rest']}"
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
