"""Where the print stylesheets of the site's PDFs are (the sign-in sheet, the name badges,
the result report): the app's static folder, read by WeasyPrint from disk."""

from pathlib import Path

PRINT_CSS = Path(__file__).resolve().parent / "static" / "attendees" / "print"
