"""Speakers: the people invited to give talks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from forum_site.core.bilingual import Shown, shown
from forum_site.core.fields import ParagraphsTextField, PhotoField, SingleLineCharField
from forum_site.core.slugs import SlugFromField
from forum_site.core.text import paragraphs
from forum_site.core.uploads import validate_photo


class Speaker(models.Model):
    name = SingleLineCharField(_("name"), max_length=100, help_text=_("As written in Korean."))
    name_en = SingleLineCharField(_("name in English"), max_length=100, blank=True)
    slug = SlugFromField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=True,
        populate_from="slug_source",
        help_text=_("The end of the speaker's address. Left empty, it is made from the name."),
    )
    position = SingleLineCharField(_("position"), max_length=150, blank=True)
    position_en = SingleLineCharField(_("position in English"), max_length=150, blank=True)
    organization = SingleLineCharField(_("organization"), max_length=150, blank=True)
    organization_en = SingleLineCharField(_("organization in English"), max_length=150, blank=True)
    bio = ParagraphsTextField(_("short biography"), blank=True)
    bio_en = ParagraphsTextField(_("short biography in English"), blank=True)
    photo = PhotoField(
        _("photo"),
        upload_to="speakers/",
        blank=True,
        validators=[validate_photo],
        longest_edge=1200,
        thumbnail_field="photo_thumbnail",
        thumbnail_edge=192,  # shown at 96 pixels or less, on screens of twice the density
    )
    photo_thumbnail = models.ImageField(_("thumbnail"), upload_to="speakers/thumbnails/", blank=True, editable=False)
    # Every word the site search looks in, kept by save().
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        ordering = ["name"]
        # The speakers page, a page at a time in name order.
        indexes = [models.Index(fields=["name", "id"], name="speaker_name_idx")]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Cleaned as the fields clean themselves (after this, in super().save()).
        self.search_text = paragraphs(
            "\n".join(
                part
                for part in (
                    self.name,
                    self.name_en,
                    self.organization,
                    self.organization_en,
                    self.position,
                    self.position_en,
                    self.bio,
                    self.bio_en,
                )
                if part
            )
        )
        super().save(*args, **kwargs)

    # get_absolute_url: the public speaker page lists the speaker's talks, so the events app
    # serves it, and the project says so (ABSOLUTE_URL_OVERRIDES in forum_site/settings.py):
    # this app names nothing of the apps above it.

    @property
    def slug_source(self) -> str:
        return self.name_en or self.name

    @property
    def photo_thumbnail_url(self) -> str:
        return (self.photo_thumbnail or self.photo).url

    @property
    def initial(self) -> str:
        """First letter of the name in the page's language, for the placeholder shown without a photo."""
        return self.shown_name[:1]

    @property
    def affiliation(self) -> Shown:
        """Organization and position as one line, e.g. "㈜솔트룩스 대표이사" (in English, "CEO, Saltlux")."""
        korean = " ".join(part for part in (self.organization, self.position) if part)
        english = ", ".join(part for part in (self.position_en, self.organization_en) if part)
        return shown(korean, english)

    @property
    def shown_name(self) -> Shown:
        return shown(self.name, self.name_en)

    @property
    def shown_position(self) -> Shown:
        return shown(self.position, self.position_en)

    @property
    def shown_organization(self) -> Shown:
        return shown(self.organization, self.organization_en)

    @property
    def shown_bio(self) -> Shown:
        return shown(self.bio, self.bio_en)
