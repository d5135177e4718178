"""The site's URLs plus a bare Django view, the yardstick of bench/serving.py: what
gunicorn and Django's middleware cost before any page of ours does anything."""

from django.http import HttpResponse
from django.urls import path

from forum_site.urls import urlpatterns as site_urlpatterns


def hello(request):
    return HttpResponse(b"hello")


urlpatterns = [path("bench/hello/", hello), *site_urlpatterns]
