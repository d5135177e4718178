"""Who may have a certificate, and its number: issued once, on first download."""

from django.http import Http404

from attendees.models import Certificate, Registration, RegistrationQuerySet


def attended() -> RegistrationQuerySet:
    """Registrations that may have a certificate: still identifiable, and came."""
    return Registration.objects.identifiable().came()


def certificate_for(registration: Registration) -> Certificate:
    """The registration's certificate, issued now if it has none; Http404 for anyone who did not come."""
    if not attended().filter(pk=registration.pk).exists():
        raise Http404("no certificate: did not come")
    certificate, _created = Certificate.objects.get_or_create(registration=registration)
    return certificate


def verified(number: str) -> Certificate:
    """The certificate with this number, while its registration still stands; else Http404."""
    try:
        return Certificate.objects.select_related("registration__forum__series", "registration__forum__venue").get(
            number=number.strip().upper(), registration__in=attended()
        )
    except Certificate.DoesNotExist:
        raise Http404("no such certificate") from None
