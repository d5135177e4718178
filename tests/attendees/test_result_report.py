"""The result report (결과보고서) of the demo's forum 2, as DOCX read back with python-docx
and as PDF read back with pdftotext."""

import datetime
import io
import re

import docx
import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse

from attendees.demo.attendance import load_demo_attendance
from attendees.reporting.result_report import result_report_pdf
from attendees.reporting.result_report_docx import result_report_docx
from tests.pdf import info_of, save_first_page, text_of

pytestmark = pytest.mark.django_db

SECTOR_TABLE = [
    ["분야", "인원", "비율"],
    ["산업", "53", "58.2%"],
    ["학계", "24", "26.4%"],
    ["연구", "5", "5.5%"],
    ["관(행정)", "9", "9.9%"],
    ["기타", "0", "0.0%"],
    ["합계", "91", "100.0%"],
]


@pytest.fixture
def forum_2(demo):
    from attendees.demo.surveys import demo_surveys

    load_demo_attendance(demo)
    demo_surveys(demo)  # forum 2's survey is ready, not yet sent
    return demo.forums.get(number=2)


def test_the_docx_holds_the_forum_speakers_guests_sector_table_summary_photos_and_next_date(forum_2):
    with time_machine.travel(datetime.datetime(2020, 8, 7, 10, 0, tzinfo=datetime.UTC), tick=False):
        document = docx.Document(io.BytesIO(result_report_docx(forum_2)))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    overview, sectors = ([[cell.text for cell in row.cells] for row in table.rows] for table in document.tables[:2])
    assert overview == [
        ["포럼", "인공지능 산업육성 조찬포럼 제2차"],
        ["주제", "인공지능과 산업혁신"],
        ["일시", "2020년 8월 5일 (수) 오전 7:30 – 오전 9:30"],
        ["장소", "광주과학기술진흥원 12층 국제회의실"],
        ["확정 / 정원", "100 / 100"],
        ["참석 인원", "91명 (사전 신청 86명, 현장 등록 5명), 내빈 5명"],
        ["보고일자", "2020년 8월 7일 (금)"],
        ["담당", "–"],
    ]
    assert sectors == SECTOR_TABLE
    assert "제2차 결과보고서" in text
    assert "인공지능과 산업혁신 — 이경일 ㈜솔트룩스 대표이사" in text
    assert "광주광역시장 이용섭" in text and "광주과학기술원 총장 김기선" in text
    assert "'인공지능(人工知能)'이라는 말의 뜻풀이로 강연을 열었습니다." in text  # the talk's summary
    assert "제3차 «연사·주제 추후 공지»: 2020년 9월 9일 (수) 오전 7:30" in text
    assert len(document.inline_shapes) == 4
    photo_captions = document.tables[2]
    assert photo_captions.cell(0, 0).text.strip() == "이경일 솔트룩스 대표이사의 강연 (데모용 그림)"


def test_the_docx_names_no_attendee(forum_2):
    document = docx.Document(io.BytesIO(result_report_docx(forum_2)))
    every_text = "\n".join(
        [paragraph.text for paragraph in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    assert "데모참가자" not in every_text and "demo.example" not in every_text


def test_the_pdf_is_searchable_korean_with_the_theme_and_the_sector_totals(forum_2, tmp_path):
    pdf = result_report_pdf(forum_2)
    text = text_of(pdf, tmp_path)
    assert "인공지능과 산업혁신" in text
    assert "제2차 결과보고서" in text
    assert "합계 91 100.0%" in " ".join(text.split())
    save_first_page(pdf, tmp_path, "result-report")
    # Tagged, titled and in Korean: a screen reader reads the public report as a web page.
    info = info_of(pdf, tmp_path)
    assert (info["Tagged"], info["Lang"]) == ("yes", "ko")
    assert info["Title"] == "인공지능 산업육성 조찬포럼 제2차 결과보고서"


def test_one_click_in_the_admin_downloads_either_format(admin_client, forum_2):
    change = admin_client.get(reverse("admin:events_forum_change", args=[forum_2.pk]))
    docx_url = reverse("admin:events_forum_result_report", args=[forum_2.pk, "docx"])
    pdf_url = reverse("admin:events_forum_result_report", args=[forum_2.pk, "pdf"])
    assert f'<a href="{docx_url}">' in change.text and f'<a href="{pdf_url}">' in change.text
    response = admin_client.get(docx_url)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == 'attachment; filename="gwangju-ai-2-result-report.docx"'
    assert admin_client.get(pdf_url).content.startswith(b"%PDF-")
    assert admin_client.get(reverse("admin:events_forum_result_report", args=[forum_2.pk, "exe"])).status_code == 404


def test_staff_without_the_statistics_permission_get_no_report(client, forum_2):
    client.force_login(User.objects.create_user("clerk", password="a-long-password-1", is_staff=True))
    url = reverse("admin:events_forum_result_report", args=[forum_2.pk, "docx"])
    assert client.get(url).status_code == 403


def test_the_report_files_as_it_is_the_staffs_points_the_next_draft_page_numbers_and_author(
    forum_2, settings, tmp_path
):
    settings.RESULT_REPORT_DEPARTMENT = "광주광역시 인공지능산업과"
    settings.RESULT_REPORT_OFFICER = "주무관 김광주"
    forum_2.report = (
        "## 성과\n\n- 참석자 **91명**, 산·학·연·관이 고루 참석\n- 기업 간 협력 논의\n  - 후속 간담회 제안\n\n"
        "다음 포럼 준비를 시작했다."
    )
    forum_2.save()
    forum_3 = forum_2.series.forums.get(number=3)
    forum_3.status = "draft"
    forum_3.save()

    document = docx.Document(io.BytesIO(result_report_docx(forum_2)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    start = texts.index("□ 주요 내용")
    assert texts[start : start + 6] == [
        "□ 주요 내용",
        "성과",
        "○ 참석자 91명, 산·학·연·관이 고루 참석",
        "○ 기업 간 협력 논의",
        "- 후속 간담회 제안",
        "다음 포럼 준비를 시작했다.",
    ]
    point = document.paragraphs[start + 2]
    assert [(run.text, bool(run.bold)) for run in point.runs] == [
        ("○ ", False),
        ("참석자 ", False),
        ("91명", True),
        (", 산·학·연·관이 고루 참석", False),
    ]
    assert "□ 향후 계획" in texts
    next_steps = texts[texts.index("□ 향후 계획") + 1]
    assert next_steps == (
        "제3차 «연사·주제 추후 공지»: 2020년 9월 9일 (수) 오전 7:30 – 오전 9:30, "
        "광주과학기술진흥원 12층 국제회의실 (예정)"
    )
    overview = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert overview["담당"] == "광주광역시 인공지능산업과 · 주무관 김광주"
    assert (document.core_properties.title, document.core_properties.author) == (
        "인공지능 산업육성 조찬포럼 제2차 결과보고서",
        "광주광역시 인공지능산업과",
    )
    footer = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer

    pdf = result_report_pdf(forum_2)
    save_first_page(pdf, tmp_path, "result-report", pages=2)
    lines = [line.strip() for line in text_of(pdf, tmp_path).splitlines() if line.strip()]
    assert "□ 주요 내용" in lines
    assert "○ 기업 간 협력 논의" in lines and "- 후속 간담회 제안" in lines  # each point its own line
    assert any(line.startswith("○ 참석자 91명") for line in lines)
    pages = [line for line in lines if re.fullmatch(r"\d+/\d+", line)]  # at the foot of each page
    assert pages == [f"{page}/{len(pages)}" for page in range(1, len(pages) + 1)]


@pytest.fixture
def forum_1(demo):
    from attendees.demo.surveys import demo_surveys

    load_demo_attendance(demo)
    demo_surveys(demo)
    return demo.forums.get(number=1)


def expected_rating_rows(forum) -> list[list[str]]:
    """The rating table worked out here from the stored answers, to hold the report to."""
    from attendees.models import SurveyAnswer

    rows = []
    for item in forum.survey.items.filter(kind="rating"):
        ratings = list(SurveyAnswer.objects.filter(item=item).values_list("rating", flat=True))
        counts = [str(ratings.count(level)) for level in (5, 4, 3, 2, 1)]
        mean = f"{sum(ratings) / len(ratings):.2f}"
        satisfied = f"{100 * sum(r >= 4 for r in ratings) / len(ratings):.1f}%"
        rows.append([item.label, *counts, mean, satisfied])
    return rows


SURVEY_HEAD = [
    "문항",
    "매우 만족 (5)",
    "만족 (4)",
    "보통 (3)",
    "불만족 (2)",
    "매우 불만족 (1)",
    "평균 (5점 만점)",
    "만족 이상",
]


def test_forum_1s_docx_reports_its_survey_in_the_offices_format(forum_1):
    document = docx.Document(io.BytesIO(result_report_docx(forum_1)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    facts, ratings = tables[-2:]
    assert "□ 만족도 조사 결과" in texts
    assert facts == [
        ["조사 기간", "2020년 6월 11일 (목) – 2020년 6월 25일 (목)"],
        ["대상", "참석자 전원 (86명)"],
        ["방법", "감사 메일의 개인 링크로 온라인 익명 응답, 미응답자에게 1회 재안내"],
        ["응답률", "응답 43명 / 참석 86명, 50.0 %"],
    ]
    assert ratings == [SURVEY_HEAD, *expected_rating_rows(forum_1)]
    assert len(ratings) == 1 + 5
    survey_points = texts[texts.index("□ 만족도 조사 결과") :]
    [intention] = [text for text in survey_points if text.startswith("○ 다음 포럼 참석 의향: ")]
    assert re.fullmatch(
        r"○ 다음 포럼 참석 의향: 꼭 참석 \d+명 \([\d.]+%\), 가능하면 참석 .*불참 \d+명 \([\d.]+%\)", intention
    )
    remarks = survey_points[survey_points.index("○ 좋았던 점, 아쉬운 점, 다음에 듣고 싶은 주제") + 1 :]
    remarks = remarks[: next(i for i, text in enumerate(remarks) if text.startswith("□"))]
    assert remarks and all(text.startswith("- ") for text in remarks)
    assert "- 네트워킹 시간이 조금 더 길었으면 합니다." in remarks or any(
        text.startswith("- 네트워킹 시간이 조금 더 길었으면 합니다. (") for text in remarks
    )
    # The survey comes before the next steps, and names nobody.
    assert texts.index("□ 만족도 조사 결과") < texts.index("□ 향후 계획")
    assert "데모참가자" not in str(tables) + str(texts)


def test_forum_1s_pdf_reads_back_the_same_survey_section(forum_1, tmp_path):
    pdf = result_report_pdf(forum_1)
    save_first_page(pdf, tmp_path, "result-report-survey", pages=3)
    text = " ".join(text_of(pdf, tmp_path).split())
    assert "□ 만족도 조사 결과" in text
    assert "응답률 응답 43명 / 참석 86명, 50.0 %" in text
    assert "대상 참석자 전원 (86명)" in text
    for row in expected_rating_rows(forum_1):
        assert " ".join(row) in text
    assert text.index("□ 만족도 조사 결과") < text.index("□ 향후 계획")


def test_where_no_survey_ran_the_section_is_absent_not_empty(forum_2, tmp_path):
    assert forum_2.survey is not None and forum_2.survey.invited_at is None  # ready, its thank-you not sent
    document = docx.Document(io.BytesIO(result_report_docx(forum_2)))
    assert not [p.text for p in document.paragraphs if "만족도" in p.text]
    assert "만족도" not in text_of(result_report_pdf(forum_2), tmp_path)


SUMMARY_IN_MARKDOWN = (
    "### 강연의 요지\n\n인공지능은 **사람이 만든** 지식 처리 능력입니다.\n\n"
    "- 문제에 맞는 적정 기술\n  - 현장 데이터부터\n- 데이터 댐과 시민 참여"
)


def test_a_talks_summary_keeps_its_headings_points_and_bold_in_both_formats(forum_2, tmp_path):
    talk = forum_2.talks.get()
    talk.summary = SUMMARY_IN_MARKDOWN
    talk.save()
    document = docx.Document(io.BytesIO(result_report_docx(forum_2)))
    paragraphs = document.paragraphs
    texts = [paragraph.text for paragraph in paragraphs]
    start = texts.index("□ 강연 요약")
    assert texts[start + 1 : start + 7] == [
        "인공지능과 산업혁신",
        "강연의 요지",
        "인공지능은 사람이 만든 지식 처리 능력입니다.",
        "○ 문제에 맞는 적정 기술",
        "- 현장 데이터부터",
        "○ 데이터 댐과 시민 참여",
    ]
    assert paragraphs[start + 2].style.name == "Heading 3"
    assert [(run.text, bool(run.bold)) for run in paragraphs[start + 3].runs] == [
        ("인공지능은 ", False),
        ("사람이 만든", True),
        (" 지식 처리 능력입니다.", False),
    ]
    lines = [line.strip() for line in text_of(result_report_pdf(forum_2), tmp_path).splitlines() if line.strip()]
    assert "○ 문제에 맞는 적정 기술" in lines and "- 현장 데이터부터" in lines and "강연의 요지" in lines


def test_korean_words_are_never_split_at_a_line_end_of_the_pdf(forum_2, tmp_path):
    words = (
        "광주과학기술진흥원 국제회의실에서 인공지능 산업육성 조찬포럼 참석자들이 "
        "데이터 댐 구축과 지역 협력 방안을 논의했습니다"
    ).split()
    forum_2.report = " ".join(words * 12)  # long enough to wrap many times
    forum_2.save()
    text = text_of(result_report_pdf(forum_2), tmp_path)
    section = text[text.index("□ 주요 내용") : text.index("□ 강연")]
    lines = [line.split() for line in section.splitlines()[1:] if line.strip()]
    assert len(lines) > 5  # it wrapped
    printed = [word for line in lines for word in line]
    assert set(printed) <= set(words), set(printed) - set(words)  # every word whole: no "국제회의" / "실"
    assert printed == (words * 12)[: len(printed)]


def test_every_table_header_cell_of_the_pdfs_has_its_scope(forum_2, tmp_path):
    from tests.pdf import table_headers

    headers = table_headers(result_report_pdf(forum_2))
    assert len(headers) >= 10
    assert [header for header in headers if b"/Scope" not in header] == []
    scopes = sorted({re.search(rb"/Scope\s*/(\w+)", header).group(1) for header in headers})
    assert scopes == [b"Column", b"Row"]  # the sector table's head; the overview's row headers


def test_the_in_charge_row_is_the_series_unless_the_forum_says_otherwise(forum_2, admin_client):
    series = forum_2.series
    page = admin_client.get(reverse("admin:events_series_change", args=[series.pk])).text
    assert 'name="report_department"' in page and 'name="report_contact"' in page
    series.report_department, series.report_officer, series.report_contact = (
        "광주광역시 인공지능산업과", "주무관 김광주", "062-613-0000",
    )  # fmt: skip
    series.save()

    def in_charge():
        table = docx.Document(io.BytesIO(result_report_docx(forum_2))).tables[0]
        return {row.cells[0].text: row.cells[1].text for row in table.rows}["담당"]

    assert in_charge() == "광주광역시 인공지능산업과 · 주무관 김광주 · 062-613-0000"
    forum_2.report_officer = "주무관 이광주"
    forum_2.save()
    assert in_charge() == "광주광역시 인공지능산업과 · 주무관 이광주 · 062-613-0000"
    assert 'name="report_officer"' in admin_client.get(reverse("admin:events_forum_change", args=[forum_2.pk])).text


def test_the_docx_is_korean_dated_when_made_by_the_series_office_and_its_photos_have_alt_text(forum_2):
    forum_2.series.report_department = "광주광역시 인공지능산업과"
    forum_2.series.save()
    made = datetime.datetime(2020, 8, 7, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(made, tick=False):
        document = docx.Document(io.BytesIO(result_report_docx(forum_2)))
    properties = document.core_properties
    assert (properties.language, properties.created, properties.modified) == ("ko-KR", made, made)
    assert (properties.author, properties.last_modified_by) == ("광주광역시 인공지능산업과",) * 2
    assert "python-docx" not in properties.comments
    languages = document.styles["Normal"].element.xpath("w:rPr/w:lang")
    assert [(lang.get(docx.oxml.ns.qn("w:val")), lang.get(docx.oxml.ns.qn("w:eastAsia"))) for lang in languages] == [
        ("ko-KR", "ko-KR")
    ]
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(descriptions) == 4 and all(descriptions)
    assert descriptions[0] == forum_2.photos.first().alt_text


def test_a_staff_report_over_the_limit_gets_a_clear_error_and_keeps_the_text(forum_2, admin_client):
    from events.models import REPORT_MAX_CHARS
    from tests.admin_forms import forum_change_form

    too_long = "가" * (REPORT_MAX_CHARS + 1)
    page = admin_client.post(
        reverse("admin:events_forum_change", args=[forum_2.pk]), forum_change_form(forum_2, report=too_long)
    )
    assert page.status_code == 200
    assert page.context["adminform"].form.errors["report"] == [
        "최대 20000자까지 쓸 수 있습니다(지금 20001자). 줄이거나, 나머지는 첨부 파일로 올려 주세요."
    ]
    assert too_long in page.text  # nothing typed is lost
    forum_2.refresh_from_db()
    assert len(forum_2.report) < REPORT_MAX_CHARS
