"""The site's PDFs (the sign-in sheet, the name badges, the certificate, the result report):
where their print stylesheets are (the app's static folder, read by WeasyPrint from disk),
and how a page of HTML becomes one.

Every PDF is tagged (PDF/UA-1): its headings, tables and lists are marked as such, with the
document's title and language from the page's <title> and <html lang>, so that a screen
reader reads the public result report as it reads a web page. Its table headers say what
they head (/Scope), and Korean words are never split at the end of a line.
"""

import re
from pathlib import Path

from weasyprint import CSS, HTML

PRINT_CSS = Path(__file__).resolve().parent / "static" / "attendees" / "print"

# WeasyPrint breaks Korean between any two syllables ("국제회의 / 실") and does not know
# `word-break: keep-all`: each word holding Hangul is wrapped in a span that does not break,
# so lines break between words only, as keep-all would.
KOREAN_WORD = re.compile(r"[^\s<>]*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3][^\s<>]*")
KEPT_WHOLE = CSS(string=".kw { white-space: nowrap; }")
# Elements whose text is not the page's flowing text.
NOT_FLOWING = ("svg", "style", "script")


def korean_words_kept_whole(html: str) -> str:
    """The page with each Korean word of its body's text in a <span class="kw">."""
    body = re.search(r"<body[^>]*>", html)
    if body is None:
        return html
    start = body.end()
    parts = re.split(r"(<[^>]*>)", html[start:])
    depth = 0  # inside an element of NOT_FLOWING
    kept = []
    for part in parts:
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in NOT_FLOWING and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
            kept.append(part)
        elif depth:
            kept.append(part)
        else:
            kept.append(KOREAN_WORD.sub(lambda word: f'<span class="kw">{word.group(0)}</span>', part))
    return html[:start] + "".join(kept)


def table_header_scopes(_document, pdf) -> None:
    """A finisher for WeasyPrint: each table header cell (/TH) gets its /Scope, which
    PDF/UA asks and WeasyPrint leaves out: /Column in a table's head, /Row elsewhere (the
    site's tables head their rows with <th scope="row">)."""
    by_reference = {obj.reference: obj for obj in pdf.objects if hasattr(obj, "reference")}
    for obj in pdf.objects:
        if not isinstance(obj, dict) or obj.get("S") != "/TH":
            continue
        row = by_reference.get(obj.get("P"))
        group = by_reference.get(row.get("P")) if isinstance(row, dict) else None
        scope = "/Column" if isinstance(group, dict) and group.get("S") == "/THead" else "/Row"
        obj.setdefault("A", {})["Scope"] = scope


def pdf_from_html(html: str, stylesheet: str, *, base_url: str | None = None) -> bytes:
    return HTML(string=korean_words_kept_whole(html), base_url=base_url).write_pdf(
        stylesheets=[CSS(PRINT_CSS / stylesheet), KEPT_WHOLE], pdf_variant="pdf/ua-1", finisher=table_header_scopes
    )
