"""What staff may upload, checked by content as well as by name.

A file that a browser would run (HTML, SVG) must never be stored under the site's
origin: served from there, its script would act with a staff member's session.
"""

import os
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .photos import MAX_PIXELS

SLIDE_EXTENSIONS = (".pdf", ".pptx", ".hwp", ".hwpx")
# Compound File Binary, the container of HWP 5 documents.
_CFB_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
PHOTO_FORMATS: dict[str | None, tuple[str, ...]] = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}


def _head(file, size: int) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _zip_names(file) -> set[str]:
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return set()
    finally:
        file.seek(0)


def _zip_member(file, name: str) -> bytes:
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.read(name)
    except (zipfile.BadZipFile, KeyError):
        return b""
    finally:
        file.seek(0)


def _is_slides(file, extension: str) -> bool:
    if extension == ".pdf":
        return _head(file, 5) == b"%PDF-"
    if extension == ".hwp":
        return _head(file, 8) == _CFB_SIGNATURE
    if extension == ".pptx":
        names = _zip_names(file)
        return "[Content_Types].xml" in names and any(name.startswith("ppt/") for name in names)
    if extension == ".hwpx":
        return _zip_member(file, "mimetype").strip() == b"application/hwp+zip"
    return False


def validate_slides(value) -> None:
    """PDF, PowerPoint (PPTX) or Hangul (HWP, HWPX), by name and by content."""
    extension = os.path.splitext(value.name)[1].lower()
    if extension not in SLIDE_EXTENSIONS:
        raise ValidationError(_("Slides must be a PDF, PPTX, HWP or HWPX file."), code="slides_extension")
    if not _is_slides(value, extension):
        raise ValidationError(
            _("This file is not a real %(kind)s file.") % {"kind": extension[1:].upper()}, code="slides_content"
        )


def _too_large() -> ValidationError:
    return ValidationError(
        _("This image is too large: at most %(megapixels)d megapixels, please.")
        % {"megapixels": MAX_PIXELS // 1_000_000},
        code="photo_too_large",
    )


def validate_photo(value) -> None:
    """A JPEG, PNG or WebP image that Pillow can read, named for what it is, of at most
    MAX_PIXELS (larger ones are decompression bombs or need more memory than a photo should)."""
    extension = os.path.splitext(value.name)[1].lower()
    try:
        value.seek(0)
        with Image.open(value) as image:
            image_format = image.format
            pixels = image.width * image.height
            image.verify()
    except Image.DecompressionBombError:
        raise _too_large() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("Please upload a JPEG, PNG or WebP image."), code="photo_content") from None
    finally:
        value.seek(0)
    if pixels > MAX_PIXELS:
        raise _too_large()
    if extension not in PHOTO_FORMATS.get(image_format, ()):
        raise ValidationError(_("Please upload a JPEG, PNG or WebP image."), code="photo_format")
