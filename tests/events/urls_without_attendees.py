"""The site as if attendees were not there: the public pages and the language switch only."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = [path("i18n/", include("django.conf.urls.i18n"))]
urlpatterns += i18n_patterns(path("", include("events.urls")), prefix_default_language=False)
