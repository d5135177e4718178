"""The site's PDFs (the sign-in sheet, the name badges, the result report): where their print
stylesheets are (the app's static folder, read by WeasyPrint from disk), and how a page of
HTML becomes one.

Every PDF is tagged (PDF/UA-1): its headings, tables and lists are marked as such, with the
document's title and language from the page's <title> and <html lang>, so that a screen
reader reads the public result report as it reads a web page.
"""

from pathlib import Path

from weasyprint import CSS, HTML

PRINT_CSS = Path(__file__).resolve().parent / "static" / "attendees" / "print"


def pdf_from_html(html: str, stylesheet: str, *, base_url: str | None = None) -> bytes:
    return HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=[CSS(PRINT_CSS / stylesheet)], pdf_variant="pdf/ua-1"
    )
