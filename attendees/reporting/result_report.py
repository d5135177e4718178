"""The result report (결과보고서) the city files after each forum: what was held, who
spoke, which guests came, attendance by sector, what was said, photos, the satisfaction
survey's results where one ran (result_report_survey.py), and the next date.

One ResultReport holds the content; result_report_docx.py writes it as a Word document
(which Hancom Office opens too) and result_report_pdf() as a PDF, from the same content.
It names no attendee: only counts, the speakers and the invited guests.
"""

import base64
import dataclasses
import mimetypes

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from attendees.print_styles import pdf_from_html
from attendees.reporting.result_report_survey import SurveySection, survey_section
from attendees.reporting.statistics import ForumStatistics, forums_statistics
from events.models import Forum, ForumPhoto, ForumStatus, Guest, Talk
from forum_site.core import clock
from forum_site.core.dates import forum_date, forum_time
from forum_site.core.markdown import Block, markdown_blocks, markdown_html

MAX_PHOTOS = 4

# The sections of the report, in order, the same in both formats, marked □ as the
# 개조식 of a city's reports writes them (points under them ○, and - below those).
HEADINGS = {
    "overview": gettext_lazy("□ Overview"),
    "highlights": gettext_lazy("□ Highlights"),
    "talks": gettext_lazy("□ Talks"),
    "guests": gettext_lazy("□ Invited guests present"),
    "sectors": gettext_lazy("□ Attendance by sector"),
    "summaries": gettext_lazy("□ Summary of the talks"),
    "photos": gettext_lazy("□ Photos"),
    "survey": gettext_lazy("□ Satisfaction survey"),
    "next": gettext_lazy("□ Next steps"),
}
POINT_MARKS = ("○", "-")  # a point, and a point under it


@dataclasses.dataclass
class ResultReport:
    forum: Forum
    talks: list[Talk]
    guests_present: list[Guest]
    statistics: ForumStatistics
    photos: list[ForumPhoto]
    survey: SurveySection | None
    next_forum: Forum | None

    @property
    def highlights(self) -> list[Block]:
        """The staff's own report of the forum (주요 내용), its headings, points and bold kept."""
        return markdown_blocks(self.forum.report)

    @property
    def summaries(self) -> list[tuple[Talk, list[Block]]]:
        """Each talk with its summary's headings, points and bold kept, as the highlights."""
        return [(talk, markdown_blocks(talk.summary)) for talk in self.talks if talk.summary]


def when(forum: Forum) -> str:
    start, end = timezone.localtime(forum.starts_at), timezone.localtime(forum.ends_at)
    return f"{forum_date(start)} {forum_time(start)} – {forum_time(end)}"


def in_charge_of(forum: Forum) -> tuple[str, str, str]:
    """Department, officer and contact: the forum's, else its series' (both set in the
    admin), else the server's RESULT_REPORT_DEPARTMENT and _OFFICER."""
    department, officer, contact = forum.in_charge
    return (
        department or settings.RESULT_REPORT_DEPARTMENT,
        officer or settings.RESULT_REPORT_OFFICER,
        contact,
    )


def overview_rows(report: "ResultReport") -> list[tuple[str, str]]:
    forum, numbers = report.forum, report.statistics
    attendance = _(
        "%(present)s people (%(online)s registered in advance, %(walk_ins)s at the door), and %(guests)s invited guests"
    ) % {
        "present": numbers.checked_in,
        "online": numbers.checked_in - numbers.walk_ins,
        "walk_ins": numbers.walk_ins,
        "guests": numbers.guests_present,
    }
    in_charge = " · ".join(filter(None, in_charge_of(forum)))
    return [
        (_("Forum"), f"{forum.series.name} {forum.display_number}"),
        (_("Theme"), forum.title),
        (_("When"), when(forum)),
        (_("Where"), str(forum.venue) if forum.venue else "–"),
        (_("Confirmed / capacity"), numbers.seats),
        (_("Attendance"), attendance),
        (_("Report date"), forum_date(clock.today())),
        (_("In charge"), in_charge or "–"),
    ]


def point_mark(block: Block) -> str:
    """○ for a point, - for one under it; a numbered list keeps its numbers."""
    return "" if block.numbered else POINT_MARKS[min(block.depth, 1)] + " "


def sector_table(report: "ResultReport") -> tuple[list[str], list[list[str]], list[str]]:
    """Head, rows and totals of the sector table: counts and shares of those present."""
    numbers = report.statistics
    rows = [[str(sector.label), str(count), f"{share:.1%}"] for sector, count, share in numbers.sector_rows]
    total = [_("Total"), str(numbers.checked_in), "100.0%" if numbers.checked_in else "–"]
    return [_("Sector"), _("People"), _("Share")], rows, total


def speaker_line(talk: Talk) -> str:
    return ", ".join(" ".join(filter(None, (s.name, s.affiliation))) for s in talk.ordered_speakers)


def next_forum_line(report: "ResultReport") -> str:
    upcoming = report.next_forum
    if upcoming is None:
        return _("Not yet set.")
    where = f", {upcoming.venue}" if upcoming.venue else ""
    planned = _(" (planned)") if upcoming.status == ForumStatus.DRAFT else ""
    return f"{upcoming.display_number} «{upcoming.title}»: {when(upcoming)}{where}{planned}"


def result_report(forum: Forum) -> ResultReport:
    forum = Forum.objects.with_programme().get(pk=forum.pk)
    return ResultReport(
        forum=forum,
        talks=forum.programme,
        guests_present=list(forum.guests.filter(arrived_at__isnull=False)),
        statistics=forums_statistics([forum])[0],
        photos=list(forum.photos.all()[:MAX_PHOTOS]),
        survey=survey_section(forum),
        next_forum=Forum.objects.next_planned_after(forum),
    )


def _data_uri(photo: ForumPhoto) -> str:
    # The bytes themselves, from whatever storage holds them, not a path on this host.
    with photo.image.open("rb") as image:
        content = image.read()
    kind = mimetypes.guess_type(photo.image.name)[0] or "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(content).decode()}"


def result_report_pdf(forum: Forum) -> bytes:
    report = result_report(forum)
    photos = [(photo, _data_uri(photo)) for photo in report.photos]
    with translation.override("ko"):
        context = {
            "report": report,
            "photos": photos,
            "headings": HEADINGS,
            "overview": overview_rows(report),
            "sectors": sector_table(report),
            "talks": [(talk, speaker_line(talk)) for talk in report.talks],
            "next_forum": next_forum_line(report),
            "highlights": markdown_html(report.forum.report),
            "summaries": [(talk, markdown_html(talk.summary)) for talk, _blocks in report.summaries],
        }
        html = render_to_string("attendees/reporting/result_report.html", context)
    return pdf_from_html(html, "result_report.css")
