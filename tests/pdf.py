"""Reading back the PDFs the site makes, with poppler's tools (as a person's viewer would)."""

import contextlib
import re
import shutil
import subprocess
import zlib

import pytest


def text_of(pdf: bytes, tmp_path) -> str:
    """The text pdftotext extracts: Korean comes out only when the font is embedded."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (.ci/run does)")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages_of(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def save_first_page(pdf: bytes, tmp_path, name: str, *, pages: int = 1) -> None:
    """The first page (or pages: name-1.png, name-2.png...) as pictures beside the browser
    screenshots (var/screenshots/), for people to look at."""
    from django.conf import settings

    screenshots = settings.BASE_DIR / "var" / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    single = ["-singlefile"] if pages == 1 else []
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", str(pages), *single, str(path), str(screenshots / name)],
        check=True,
    )


def info_of(pdf: bytes, tmp_path) -> dict[str, str]:
    """What pdfinfo says of the document (Title, Tagged, Pages...), and the catalog's /Lang."""
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in info.splitlines())}
    # The catalog may sit in a compressed object stream: every stream is read unpacked too.
    languages = [
        found.group(1).decode() for found in (re.search(rb"/Lang\s*\(([^)]*)\)", s) for s in objects_of(pdf)) if found
    ]
    fields["Lang"] = languages[0] if languages else ""
    return fields


def objects_of(pdf: bytes) -> list[bytes]:
    """Every object's text, those inside compressed object streams included."""
    streams = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, flags=re.DOTALL):
        with contextlib.suppress(zlib.error):
            streams.append(zlib.decompress(stream))
    return streams


def table_headers(pdf: bytes) -> list[bytes]:
    """The structure elements of the table header cells (/S /TH), as written."""
    found = []
    for text in objects_of(pdf):
        found += re.findall(rb"<<(?:(?!<<|>>).|<<[^<>]*>>)*?/S\s*/TH\b(?:(?!<<|>>).|<<[^<>]*>>)*>>", text, re.DOTALL)
    return found
