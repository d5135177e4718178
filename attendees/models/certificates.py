"""A 참석확인서 (certificate of attendance): issued once to a registration that came, with a
number anyone can check on the site's verification page."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from forum_site.core import clock

from .registrations import Registration

# Letters and digits that cannot be mistaken for one another when typed from paper.
NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_certificate_number() -> str:
    """e.g. "K7QM-3XPA-9TDE": 60 bits, far beyond guessing a valid one."""
    letters = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(12))
    return "-".join(letters[i : i + 4] for i in range(0, 12, 4))


class Certificate(models.Model):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="certificate")
    number = models.CharField(_("verification number"), max_length=14, unique=True, default=new_certificate_number)
    issued_at = models.DateTimeField(_("issued"), default=clock.now)

    class Meta:
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")

    def __str__(self):
        return self.number
