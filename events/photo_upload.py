"""Several photos at once in the forum's admin page: one file input that takes many,
each file checked like a single upload (forum_site/core/uploads.py), added after the photos
already there, in the order chosen."""

from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from forum_site.core.uploads import validate_photo

from .models import Forum, ForumPhoto


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotosField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = []
        for upload in files:
            upload = super().clean(upload, initial)
            validate_photo(upload)
            cleaned.append(upload)
        return cleaned


class PhotosUploadFormMixin(forms.Form):
    new_photos = MultiplePhotosField(
        label=_("Add photos"),
        help_text=_(
            "Choose several at once. Each gets the forum's name as its description: "
            "describe what it shows in the list below, for people who cannot see it."
        ),
    )


def photos_add(forum: Forum, uploads) -> list[ForumPhoto]:
    """Add these photos after the forum's others."""
    last = forum.photos.aggregate(last=Max("order"))["last"] or 0
    added = []
    for position, upload in enumerate(uploads, start=1):
        number = last + position
        photo = ForumPhoto(
            forum=forum,
            order=number,
            alt_text=_("Photo %(number)s of %(forum)s") % {"number": number, "forum": forum},
        )
        photo.image = upload  # stored by save(), as forum_site.core.fields.PhotoField publishes it
        photo.save()
        added.append(photo)
    return added
