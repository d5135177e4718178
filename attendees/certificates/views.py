"""The certificate's pages: the person's PDF through their own link, and the public
page that confirms a certificate by its number."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from attendees.certificates.issuing import attended, certificate_for, verified
from attendees.certificates.pdf import certificate_pdf
from attendees.contacts import mask_name
from forum_site.core.private_pages import private_response


def certificate_response(certificate) -> HttpResponse:
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    forum = certificate.registration.forum
    response["Content-Disposition"] = f'attachment; filename="certificate-{forum.slug}.pdf"'
    return response


@never_cache
@require_GET
def certificate_download(request, token):
    """The person's own certificate: 404 for anyone who did not come, cancelled, or was erased."""
    registration = get_object_or_404(attended().select_related("forum__series", "forum__venue"), token=token)
    return private_response(certificate_response(certificate_for(registration)))


@never_cache
@require_GET
def certificate_verify(request, number):
    """Whether a certificate is genuine: the forum and a masked name, nothing more."""
    certificate = verified(number)
    context = {
        "certificate": certificate,
        "forum": certificate.registration.forum,
        "masked_name": mask_name(certificate.registration.name),
    }
    return private_response(render(request, "attendees/certificates/verify.html", context))
