"""The public pages under /site/, for a test that changes the URLconf."""

from django.urls import include, path

urlpatterns = [path("site/", include("events.urls"))]
