"""The statistics page's numbers as an Excel workbook (openpyxl): one sheet per forum
row, one of the sector mix, each with its totals."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from attendees.reporting.statistics import SECTORS, SeriesStatistics
from forum_site.core.spreadsheets import sheet_append


def _bold_first_row(sheet) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"


def attendance_columns(*, seats_as_numbers: bool = True) -> list[tuple[str, str]]:
    """(heading, attribute) of the per-forum table, the workbook's; the page gives the seats
    in one column as the site tells them everywhere ("100 / 100 + 정원 외 1")."""
    seats = (
        [(_("Confirmed"), "confirmed"), (_("Capacity"), "capacity"), (_("Admitted over capacity"), "over_capacity")]
        if seats_as_numbers
        else [(_("Confirmed / capacity"), "seats")]
    )
    return [
        (_("Registered online"), "registered"),
        *seats,
        (_("Waiting list"), "waitlisted"),
        (_("Cancelled"), "cancelled"),
        (_("Checked in"), "checked_in"),
        (_("Walk-ins"), "walk_ins"),
        (_("Guests present"), "guests_present"),
        (_("Returning attendees"), "returning"),
        (_("Organisations"), "organisations"),
    ]


def statistics_xlsx(statistics: SeriesStatistics) -> bytes:
    workbook = Workbook()
    forums = workbook.worksheets[0]  # the one a new workbook starts with
    forums.title = _("By forum")
    columns = attendance_columns()
    sheet_append(
        forums, [_("Forum number"), _("Date"), _("Theme"), *[heading for heading, _name in columns], _("No-show rate")]
    )
    for row in statistics.forums:
        sheet_append(
            forums,
            [
                row.forum.number,
                timezone.localdate(row.forum.starts_at),
                row.forum.title,
                *[getattr(row, name) for _heading, name in columns],
                row.no_show_rate,
            ],
        )
    sheet_append(
        forums,
        [_("Total"), None, None, *[statistics.total(name) for _heading, name in columns], statistics.no_show_rate],
    )
    for cell in forums["B"][1:]:
        cell.number_format = "yyyy-mm-dd"
    last = forums.max_column
    for (cell,) in forums.iter_rows(min_row=2, min_col=last, max_col=last):
        cell.number_format = "0.0%"
    _bold_first_row(forums)

    sectors = workbook.create_sheet(_("By sector"))
    sheet_append(sectors, [_("Forum number"), *[str(sector.label) for sector in SECTORS], _("Checked in")])
    for row in statistics.forums:
        sheet_append(sectors, [row.forum.number, *[row.by_sector[sector] for sector in SECTORS], row.checked_in])
    sheet_append(
        sectors, [_("Total"), *[statistics.by_sector[sector] for sector in SECTORS], statistics.total("checked_in")]
    )
    shares = [share for _sector, _count, share in statistics.sector_rows]
    sheet_append(sectors, [_("Share"), *shares, 1 if statistics.total("checked_in") else 0])
    for cell in sectors[sectors.max_row][1:]:
        cell.number_format = "0.0%"
    _bold_first_row(sectors)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
