"""The site's URLs plus the yardsticks of bench/serving.py: a bare Django view (what
gunicorn and Django's middleware cost before any page of ours does anything), and the
least a registration must do (what a burst of them costs before our code does anything)."""

from django.db import transaction
from django.db.models import F
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path

from events.models import Forum
from forum_site.urls import urlpatterns as site_urlpatterns


def hello(request):
    return HttpResponse(b"hello")


def locked_increment(request, pk):
    """A POST through the same middleware (CSRF included) that takes the forum's row lock,
    writes one row and commits: any registration does at least this, one at a time."""
    with transaction.atomic():
        forum = Forum.objects.select_for_update().only("pk").get(pk=pk)
        Forum.objects.filter(pk=forum.pk).update(waiting_count=F("waiting_count") + 1)
    return HttpResponseRedirect("/bench/hello/")


urlpatterns = [
    path("bench/hello/", hello),
    path("bench/locked-increment/<int:pk>/", locked_increment),
    *site_urlpatterns,
]
