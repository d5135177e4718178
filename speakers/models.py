"""Speakers: the people invited to give talks."""
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Speaker(models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("As written in Korean."))
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    position = models.CharField(_("position"), max_length=150, blank=True)
    organization = models.CharField(_("organization"), max_length=150, blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="speakers/", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The public speaker pages list talks, so the events app serves them.
        return reverse("events:speaker-detail", kwargs={"slug": self.slug})

    @property
    def initial(self) -> str:
        """First letter of the name, for the placeholder shown without a photo."""
        return self.name[:1]

    @property
    def affiliation(self) -> str:
        """Organization and position as one line, e.g. "㈜솔트룩스 대표이사"."""
        return " ".join(part for part in (self.organization, self.position) if part)
