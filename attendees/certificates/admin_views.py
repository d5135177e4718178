"""Staff issue a certificate from the registration's admin page: the PDF, on record."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from attendees.certificates.issuing import attended, certificate_for
from attendees.certificates.views import certificate_response
from attendees.models import Action, Registration
from attendees.records import action_record


def certificate_issue_view(request, object_id, *, model_admin):
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    registration = get_object_or_404(Registration.objects.select_related("forum__series", "forum__venue"), pk=object_id)
    certificate = certificate_for(registration)  # 404 for anyone who did not come
    action_record(
        by=request.user, action=Action.CERTIFICATE_ISSUED, registration=registration, number=certificate.number
    )
    return certificate_response(certificate)


def certificate_link(registration: Registration) -> str:
    """For the registration's change page: the link that issues it, or why there is none."""
    if registration.pk is None or not attended().filter(pk=registration.pk).exists():
        return _("Only for those who came.")
    url = reverse("admin:attendees_registration_certificate", args=[registration.pk])
    return format_html('<a href="{}">{}</a>', url, _("Issue the certificate of attendance (PDF)"))
