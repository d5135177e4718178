"""The site's URLs and one that fails, for the test of error reports
(tests/forum_site/test_error_reports.py)."""

from django.urls import path

from forum_site.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise ZeroDivisionError("a bug in a view")


urlpatterns = [path("broken/", broken), *site_urlpatterns]
