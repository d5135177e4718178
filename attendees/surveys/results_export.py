"""A survey's answers as an XLSX for the office: a sheet of the summary (the response
rate, each item's levels, mean and 만족 이상, each choice's count) and a sheet of the raw
answers, one row per response, in no particular order and with no person."""

import io
from collections import defaultdict

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from attendees.models import Survey, SurveyAnswer, SurveyItemKind
from attendees.surveys.results import survey_results
from forum_site.core.spreadsheets import sheet_append, sheet_fit


def _summary(sheet, survey: Survey) -> None:
    results = survey_results(survey)
    sheet_append(sheet, [_("Response rate"), f"{results.responses} / {results.came}", results.response_rate])
    for result in results.items:
        sheet_append(sheet, [])
        sheet_append(sheet, [result.item.label])
        sheet[sheet.max_row][0].font = Font(bold=True)
        if result.levels:
            for level, name, count, share in result.levels:
                sheet_append(sheet, [f"{level} {name}", count, share])
            sheet_append(sheet, [_("Mean (of 5)"), result.mean])
            sheet_append(sheet, [_("Satisfied or better (4-5)"), result.satisfied])
        for label, count, share in result.choices:
            sheet_append(sheet, [label, count, share])
        for text in result.texts:
            sheet_append(sheet, [text])


def _raw(sheet, survey: Survey) -> None:
    items = list(survey.items.prefetch_related("choices"))
    sheet_append(sheet, [_("No."), *(item.label for item in items)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rows: dict = defaultdict(lambda: defaultdict(list))
    for answer in SurveyAnswer.objects.filter(response__survey=survey).select_related("choice"):
        value: int | str
        if answer.rating is not None:
            value = answer.rating
        elif answer.choice is not None:
            value = answer.choice.label
        else:
            value = answer.text
        rows[answer.response_id][answer.item_id].append(value)
    # Sorted by the responses' random keys: an order that says nothing of who or when.
    for number, response in enumerate(sorted(rows, key=str), start=1):
        cells: list[object] = []
        for item in items:
            values = rows[response].get(item.pk, [])
            if item.kind == SurveyItemKind.SEVERAL_CHOICES:
                cells.append(", ".join(str(v) for v in values))
            else:
                cells.append(values[0] if values else None)
        sheet_append(sheet, [number, *cells])


def survey_xlsx(survey: Survey) -> bytes:
    with translation.override("ko"):
        workbook = Workbook()
        summary = workbook.worksheets[0]
        summary.title = _("Summary")
        _summary(summary, survey)
        raw = workbook.create_sheet(_("Answers"))
        _raw(raw, survey)
        for sheet in (summary, raw):
            sheet_fit(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
