"""A forum's registrations as the list staff expect: an Excel workbook (openpyxl) or a
CSV that Excel opens in Korean (UTF-8 with a byte-order mark). Korean headers, sectors
and states in words, times in KST, a column per question of the forum. Without the
right to see them whole, email addresses, phones and typed answers are masked
(010-****-5678, 1***); a chosen option names no one and is shown."""

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from attendees.contacts import mask_email, mask_phone, mask_text, phone_display
from attendees.models import QUEUE_ORDER, Answer, Question, Registration, RegistrationStatus
from attendees.questions.answers import AnswerShown, answers_shown
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
        questions = list(Question.objects.filter(forum=forum))
        headers += [question.label for question in questions]
        answers = _answers_by_registration(forum, questions)
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
                    *_answer_cells(questions, answers.get(registration.pk, {}), masked=masked),
                ]
            )
    return headers, rows


def _answers_by_registration(forum: Forum, questions: list[Question]) -> dict[int, dict[int, AnswerShown]]:
    """Every answer of the forum in two queries, by registration and question."""
    rows = Answer.objects.filter(question__forum=forum).select_related("option")
    by_registration: dict[int, list[Answer]] = {}
    for row in rows:
        by_registration.setdefault(row.registration_id, []).append(row)
    return {
        pk: {shown.question.pk: shown for shown in answers_shown(rows, questions)}
        for pk, rows in by_registration.items()
    }


def _answer_cells(questions: list[Question], answers: dict[int, AnswerShown], *, masked: bool) -> list[str]:
    cells = []
    for question in questions:
        shown = answers.get(question.pk)
        value = shown.value if shown else ""
        cells.append(mask_text(value) if masked and not question.is_choice else value)
    return cells


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
