"""The result report (결과보고서) the city files after each forum: what was held, who
spoke, which guests came, attendance by sector, what was said, photos, and the next date.

One ResultReport holds the content; result_report_docx.py writes it as a Word document
(which Hancom Office opens too) and result_report_pdf() as a PDF, from the same content.
It names no attendee: only counts, the speakers and the invited guests.
"""

import base64
import dataclasses
import mimetypes

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from weasyprint import CSS, HTML

from attendees.print_styles import PRINT_CSS
from attendees.reporting.statistics import ForumStatistics, forums_statistics
from events.models import Forum, ForumPhoto, Guest, Talk
from forum_site.core.dates import forum_date, forum_time
from forum_site.core.markdown import markdown_plain

MAX_PHOTOS = 4

# The sections of the report, in order, the same in both formats.
HEADINGS = {
    "overview": gettext_lazy("1. Overview"),
    "talks": gettext_lazy("2. Talks"),
    "guests": gettext_lazy("3. Invited guests present"),
    "sectors": gettext_lazy("4. Attendance by sector"),
    "summaries": gettext_lazy("5. Summary of the talks"),
    "photos": gettext_lazy("6. Photos"),
    "next": gettext_lazy("7. Next forum"),
}


@dataclasses.dataclass
class ResultReport:
    forum: Forum
    talks: list[Talk]
    guests_present: list[Guest]
    statistics: ForumStatistics
    photos: list[ForumPhoto]
    next_forum: Forum | None

    @property
    def summaries(self) -> list[tuple[Talk, list[str]]]:
        """Each talk with the paragraphs of its summary, as plain text."""
        return [
            (talk, [markdown_plain(paragraph) for paragraph in talk.summary.split("\n\n") if paragraph.strip()])
            for talk in self.talks
            if talk.summary
        ]


def when(forum: Forum) -> str:
    start, end = timezone.localtime(forum.starts_at), timezone.localtime(forum.ends_at)
    return f"{forum_date(start)} {forum_time(start)} – {forum_time(end)}"


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
    return [
        (_("Forum"), f"{forum.series.name} {forum.display_number}"),
        (_("Theme"), forum.title),
        (_("When"), when(forum)),
        (_("Where"), str(forum.venue) if forum.venue else "–"),
        (_("Attendance"), attendance),
    ]


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
    return f"{upcoming.display_number} «{upcoming.title}»: {when(upcoming)}{where}"


def result_report(forum: Forum) -> ResultReport:
    forum = Forum.objects.with_programme().get(pk=forum.pk)
    return ResultReport(
        forum=forum,
        talks=forum.programme,
        guests_present=list(forum.guests.filter(arrived_at__isnull=False)),
        statistics=forums_statistics([forum])[0],
        photos=list(forum.photos.all()[:MAX_PHOTOS]),
        next_forum=Forum.objects.next_after(forum),
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
        }
        html = render_to_string("attendees/printables/result_report.html", context)
    return HTML(string=html).write_pdf(stylesheets=[CSS(PRINT_CSS / "result_report.css")])
