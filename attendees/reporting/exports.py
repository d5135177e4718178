"""A forum's registrations as the list staff expect: an Excel workbook (openpyxl) or a
CSV that Excel opens in Korean (UTF-8 with a byte-order mark). Korean headers, sectors
and states in words, times in KST. Without the right to see them whole, email addresses
and phones are masked (010-****-5678)."""

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from attendees.contacts import mask_email, mask_phone, phone_display
from attendees.models import QUEUE_ORDER, Registration, RegistrationStatus
from events.models import Forum
from forum_site.core.spreadsheets import csv_bytes, sheet_append, sheet_fit

STATUS_ORDER = {RegistrationStatus.CONFIRMED: 0, RegistrationStatus.WAITLISTED: 1, RegistrationStatus.CANCELLED: 2}


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def registration_table(forum: Forum, *, masked: bool) -> tuple[list[str], list[list]]:
    """Headers and rows, confirmed first, then the waiting list in queue order, then the cancelled."""
    with translation.override("ko"):
        headers = [
            _("No."),
            _("Name"),
            _("Organization"),
            _("Position"),
            _("Sector"),
            _("Email"),
            _("Phone"),
            _("Status"),
            _("Waiting list position"),
            _("Walk-in"),
            _("Over capacity"),
            _("Registered (KST)"),
            _("Checked in (KST)"),
        ]
        registrations = sorted(
            Registration.objects.identifiable().filter(forum=forum),
            key=lambda r: (STATUS_ORDER[r.status], *(getattr(r, field) for field in QUEUE_ORDER)),
        )
        rows, position = [], 0
        for number, registration in enumerate(registrations, start=1):
            waiting = registration.status == RegistrationStatus.WAITLISTED
            position += waiting
            rows.append(
                [
                    number,
                    registration.name,
                    registration.organization,
                    registration.position,
                    str(registration.get_sector_display()),
                    mask_email(registration.email) if masked else registration.email,
                    (mask_phone if masked else phone_display)(registration.phone) or "",
                    str(registration.get_status_display()),
                    position if waiting else None,
                    _("yes") if registration.walk_in else "",
                    _("yes") if registration.over_capacity else "",
                    _local(registration.created_at),
                    _local(registration.checked_in_at),
                ]
            )
    return headers, rows


def registrations_xlsx(forum: Forum, *, masked: bool) -> bytes:
    headers, rows = registration_table(forum, masked=masked)
    workbook = Workbook()
    sheet = workbook.worksheets[0]  # the one a new workbook starts with
    sheet.title = f"제{forum.number}차"
    sheet_append(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet_append(sheet, row)
    for column in ("L", "M"):
        for cell in sheet[column][1:]:
            cell.number_format = "yyyy-mm-dd hh:mm"
    sheet_fit(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def registrations_csv(forum: Forum, *, masked: bool) -> bytes:
    headers, rows = registration_table(forum, masked=masked)
    return csv_bytes([headers, *rows])
