"""Uploaded photos as the site publishes them: turned upright by their EXIF orientation,
then without any metadata (a phone's photo carries the GPS position where it was taken,
and the camera), at most a few thousand pixels on the long edge, and a small copy for
lists and galleries, so that no browser downloads a 20-megabyte original to show a
thumbnail.

Written by hand on Pillow rather than with easy-thumbnails or sorl-thumbnail: both look
each thumbnail up in a table or a key-value store when a page is rendered, one query per
photo, and every public page here keeps its query count whatever the number of photos.
A thumbnail made once, when the photo is stored, is a column of the photo's own row.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# What a forum photo is refused above: a camera's largest is about 50 megapixels, and a
# PNG of 20,000 x 10,000 would take 800 MB to decode.
MAX_PIXELS = 50_000_000
SAVE_OPTIONS: dict[str, dict[str, object]] = {
    "JPEG": {"quality": 85, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
}


def _encoded(image: Image.Image, image_format: str, icc_profile: bytes | None) -> ContentFile:
    buffer = io.BytesIO()
    options: dict[str, object] = dict(SAVE_OPTIONS.get(image_format, {}))
    if icc_profile:  # colours, not metadata: kept
        options["icc_profile"] = icc_profile
    image.save(buffer, format=image_format, **options)  # no exif=, no pnginfo=: no metadata
    return ContentFile(buffer.getvalue())


def photo_versions(file, *, longest_edge: int, thumbnail_edge: int) -> tuple[ContentFile, ContentFile]:
    """The photo to publish and its thumbnail, both upright and without metadata."""
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        if image_format is None:  # only a file Pillow can name reaches here (uploads.py)
            raise ValueError("not a photo Pillow knows")
        icc_profile = original.info.get("icc_profile")
        upright = ImageOps.exif_transpose(original)
    published = upright.copy()
    published.thumbnail((longest_edge, longest_edge), Image.Resampling.LANCZOS)
    thumbnail = upright.copy()
    thumbnail.thumbnail((thumbnail_edge, thumbnail_edge), Image.Resampling.LANCZOS)
    file.seek(0)
    return _encoded(published, image_format, icc_profile), _encoded(thumbnail, image_format, icc_profile)
