"""Model fields that store staff-written text already made harmless (forum_site/core/text.py),
whatever path writes it: the admin, a command, the demo loader or a shell."""

import os

from django.db import models

from .photos import photo_versions
from .text import paragraphs, single_line


class CleanedOnSave(models.Field):
    """Runs `cleaned` over the text just before it is written (and leaves the instance
    holding what was written)."""

    @staticmethod
    def cleaned(value: str) -> str:
        raise NotImplementedError

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = self.cleaned(value)
            setattr(model_instance, self.attname, value)
        return value


class SingleLineCharField(CleanedOnSave, models.CharField):
    """A title or a name: one line, NFC, no control characters (a CR/LF in a title would
    otherwise break the .ics files and mail headers it is written into)."""

    cleaned = staticmethod(single_line)


class ParagraphsTextField(CleanedOnSave, models.TextField):
    """Running text (summaries, reports, biographies): NFC, LF line breaks, no control characters."""

    cleaned = staticmethod(paragraphs)


class PhotoField(models.ImageField):
    """A photo stored as forum_site/core/photos.py publishes it: upright, without metadata, at
    most `longest_edge` pixels long, with a copy of `thumbnail_edge` pixels in the field
    `thumbnail_field`. Done when a new file is saved, whatever path saves it."""

    def __init__(self, *args, longest_edge=2560, thumbnail_field="", thumbnail_edge=800, **kwargs):
        self.longest_edge, self.thumbnail_field, self.thumbnail_edge = longest_edge, thumbnail_field, thumbnail_edge
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs |= {
            "longest_edge": self.longest_edge,
            "thumbnail_field": self.thumbnail_field,
            "thumbnail_edge": self.thumbnail_edge,
        }
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            self.versions_store(model_instance, file)
        elif not file and self.thumbnail_field:
            setattr(model_instance, self.thumbnail_field, "")  # the photo was cleared
        return super().pre_save(model_instance, add)

    def versions_store(self, model_instance, file) -> None:
        """Store the published photo in place of `file`, and its thumbnail."""
        published, thumbnail = photo_versions(file, longest_edge=self.longest_edge, thumbnail_edge=self.thumbnail_edge)
        name = os.path.basename(file.name)
        if self.thumbnail_field:
            getattr(model_instance, self.thumbnail_field).save(name, thumbnail, save=False)
        file.save(name, published, save=False)


def photos_republished(model, field_name: str) -> int:
    """Publish again the photos stored before PhotoField, for a migration: each without
    its metadata, downscaled, with its thumbnail; the original file is removed. A row
    whose file is missing is left as it is. Returns how many were published."""
    field = model._meta.get_field(field_name)
    done = 0
    for instance in model.objects.exclude(**{field_name: ""}).iterator():
        file = getattr(instance, field_name)
        original = file.name
        try:
            file.open("rb")
        except FileNotFoundError:
            continue
        with file:
            field.versions_store(instance, file)
        file.storage.delete(original)
        instance.save(update_fields=[field_name, *([field.thumbnail_field] if field.thumbnail_field else [])])
        done += 1
    return done
