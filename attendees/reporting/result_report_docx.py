"""The result report as a Word document (python-docx), which Hancom Office opens as well:
the same content and sections as the PDF (attendees/reporting/result_report.py)."""

import io

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from attendees.reporting.result_report import (
    HEADINGS,
    POINT_MARKS,
    next_forum_line,
    overview_rows,
    point_mark,
    result_report,
    sector_table,
    speaker_line,
)
from events.models import Forum

# Korean text needs an East Asian font named apart from the Latin one: Word and Hancom
# both have Malgun Gothic; without it they fall back to a font that may lack Hangul.
KOREAN_FONT = "맑은 고딕"
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


def _korean_fonts(document) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid"):
        style = document.styles[name]
        style.font.name = KOREAN_FONT
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), KOREAN_FONT)
    document.styles["Normal"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = ACCENT


def _table(document, head: list[str] | None, rows: list[list[str]], foot: list[str] | None = None):
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for values, bold in [(head, True), *[(row, False) for row in rows], (foot, True)]:
        if values is None:
            continue
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(value)
            run.bold = bold
    return table


def _photos(document, photos) -> None:
    table = document.add_table(rows=(len(photos) + 1) // 2, cols=2)
    for index, photo in enumerate(photos):
        cell = table.cell(index // 2, index % 2)
        with photo.image.open("rb") as image:
            cell.paragraphs[0].add_run().add_picture(io.BytesIO(image.read()), width=Cm(7.8))
        caption = cell.add_paragraph(photo.caption or photo.alt_text)
        caption.runs[0].font.size = Pt(9)


def _page_numbers(section) -> None:
    """The page number at the foot of every page, as Word's PAGE field (Word and Hancom
    count it themselves)."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)


def _highlights(document, report) -> None:
    """The staff's report: its headings as headings, each point its own paragraph."""
    for block in report.highlights:
        if block.kind == "heading":
            document.add_heading(block.text, level=2)
            continue
        paragraph = document.add_paragraph(style="List Number" if block.numbered else None)
        if block.kind == "item":
            paragraph.paragraph_format.left_indent = Cm(0.6 * (block.depth + 1))
            paragraph.add_run(point_mark(block))
        for text, bold in block.runs:
            paragraph.add_run(text).bold = bold


def _survey(document, survey) -> None:
    """The survey's facts, its rating table, and the choices and free texts as points."""
    _table(document, None, [[label, value] for label, value in survey.facts])
    if survey.ratings:
        document.add_paragraph()
        _table(document, survey.head, survey.ratings)
    for line in survey.choices:
        document.add_paragraph(f"{POINT_MARKS[0]} {line}")
    for label, points in survey.remarks:
        document.add_paragraph(f"{POINT_MARKS[0]} {label}" + ("" if points else ": –"))
        for point in points:
            document.add_paragraph(f"{POINT_MARKS[1]} {point}").paragraph_format.left_indent = Cm(0.6)


def result_report_docx(forum: Forum) -> bytes:
    report = result_report(forum)
    document = Document()
    _korean_fonts(document)
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
        section.left_margin = section.right_margin = Cm(2)
        _page_numbers(section)
    with translation.override("ko"):
        title = f"{report.forum.series.name} {report.forum.display_number} {_('Result report')}"
        document.core_properties.title = title
        document.core_properties.author = settings.RESULT_REPORT_DEPARTMENT or report.forum.series.name
        document.add_paragraph(report.forum.series.name)
        document.add_heading(f"{report.forum.display_number} {_('Result report')}", level=0)

        document.add_heading(str(HEADINGS["overview"]), level=1)
        _table(document, None, [[label, value] for label, value in overview_rows(report)])

        document.add_heading(str(HEADINGS["highlights"]), level=1)
        _highlights(document, report)
        if not report.highlights:
            document.add_paragraph("–")

        document.add_heading(str(HEADINGS["talks"]), level=1)
        for talk in report.talks:
            line = document.add_paragraph(style="List Number")
            line.add_run(talk.title).bold = True
            if speakers := speaker_line(talk):
                line.add_run(f" — {speakers}")

        document.add_heading(str(HEADINGS["guests"]), level=1)
        for guest in report.guests_present:
            document.add_paragraph(f"{guest.title} {guest.name}", style="List Bullet")
        if not report.guests_present:
            document.add_paragraph("–")

        document.add_heading(str(HEADINGS["sectors"]), level=1)
        head, rows, total = sector_table(report)
        _table(document, head, rows, total)

        document.add_heading(str(HEADINGS["summaries"]), level=1)
        for talk, paragraphs in report.summaries:
            document.add_heading(talk.title, level=2)
            for paragraph in paragraphs:
                document.add_paragraph(paragraph)

        if report.photos:
            document.add_heading(str(HEADINGS["photos"]), level=1)
            _photos(document, report.photos)

        if report.survey:
            document.add_heading(str(HEADINGS["survey"]), level=1)
            _survey(document, report.survey)

        document.add_heading(str(HEADINGS["next"]), level=1)
        document.add_paragraph(next_forum_line(report))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
