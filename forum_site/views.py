"""Site-wide views that belong to no app: robots.txt, and the page of a form refused by
the CSRF check."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /registrations/",  # personal management links
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def csrf_failure(request, reason=""):
    """A form whose CSRF check failed (CSRF_FAILURE_VIEW): the site's own page, in the
    visitor's language and under the site's CSP (Django's own page styles itself inline).
    `reason` is for the log, which the middleware already wrote, not for the visitor."""
    return render(request, "403_csrf.html", status=403)
