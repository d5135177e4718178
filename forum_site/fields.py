"""Model fields that store staff-written text already made harmless (forum_site/text.py),
whatever path writes it: the admin, a command, the demo loader or a shell."""

from django.db import models

from .text import paragraphs, single_line


class SingleLineCharField(models.CharField):
    """A title or a name: one line, NFC, no control characters (a CR/LF in a title would
    otherwise break the .ics files and mail headers it is written into)."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = single_line(value)
            setattr(model_instance, self.attname, value)
        return value


class ParagraphsTextField(models.TextField):
    """Running text (summaries, reports, biographies): NFC, LF line breaks, no control characters."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = paragraphs(value)
            setattr(model_instance, self.attname, value)
        return value
