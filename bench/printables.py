"""How long the forum morning's PDFs take for 100 confirmed people and 5 invited guests:
the sign-in sheet (서명부) and the name badges (명찰), built as the admin's links build them;
and the result report (결과보고서) at the longest texts the admin allows (a staff report of
REPORT_MAX_CHARS and a talk's summary of SUMMARY_MAX_CHARS), against gunicorn's timeout.
Prints the median of a few builds of each and their ratio (the goal: badges in about the
sign-in sheet's time). The badges are timed twice: with every QR code drawn anew (an empty
cache), and as on the forum's eve, when the confirmation mails have drawn them already.

    .venv/bin/python bench/printables.py
"""

import statistics
import sys
import time

from bench_db import bench_database_setup

PEOPLE = 100
GUESTS = 5
BUILDS = 3


def build():
    from events.models import Guest
    from tests.factories import ForumFactory, RegistrationFactory, seoul

    forum = ForumFactory(number=3, capacity=PEOPLE, starts_at=seoul(2030, 1, 8))
    for index in range(PEOPLE):
        RegistrationFactory(
            forum=forum, name=f"참석자{index:03d}", organization=f"기관{index % 17}", email=f"p{index}@example.kr"
        )
    for index in range(GUESTS):
        Guest.objects.create(
            forum=forum, protocol_order=index + 1, name=f"내빈{index}", title="원장", organization="광주광역시"
        )
    return forum


def timed(make, forum, *, cold=False) -> tuple[float, int]:
    from django.core.cache import cache

    timings, size = [], 0
    for _ in range(BUILDS):
        if cold:
            cache.clear()
        started = time.perf_counter()
        size = len(make(forum))
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), size


# Written in the manner of a 결과보고서's points: headings, bold, nested lists, paragraphs.
REPORT_TEXT = (
    "## 주요 성과\n\n광주의 인공지능 기업과 대학, 연구기관 관계자들이 국제회의실에 모여 **데이터 댐** 구축과 "
    "지역 협력 방안을 논의했습니다. 참석자들은 산업 현장의 적용 사례를 나누었습니다.\n\n"
    "- 기업 간 협력 논의와 후속 간담회 제안\n  - 실증 사업 연계 검토\n- 대학과 연구기관의 인재 양성 과정 공유\n\n"
)


def longest_report(forum) -> None:
    from attendees.reporting.result_report import result_report_pdf
    from events.models import REPORT_MAX_CHARS, SUMMARY_MAX_CHARS
    from tests.factories import TalkFactory

    def text(length: int) -> str:
        return (REPORT_TEXT * (length // len(REPORT_TEXT) + 1))[:length]

    forum.report = text(REPORT_MAX_CHARS)
    forum.save()
    TalkFactory(forum=forum, summary=text(SUMMARY_MAX_CHARS))
    seconds, size = timed(result_report_pdf, forum)
    print(
        f"Result report at the longest texts allowed ({REPORT_MAX_CHARS:,} + {SUMMARY_MAX_CHARS:,} characters):"
        f" {seconds:.1f} s, {size / 1024:.0f} KiB; gunicorn's timeout is 30 s ({seconds / 30:.0%} of it)"
    )


def main():
    teardown = bench_database_setup()
    try:
        from attendees.door.printables import badges_pdf, sign_in_sheet_pdf

        forum = build()
        timed(sign_in_sheet_pdf, forum)  # the first build loads the fonts: not counted
        sheet, sheet_size = timed(sign_in_sheet_pdf, forum)
        cold, badges_size = timed(badges_pdf, forum, cold=True)
        warm, _size = timed(badges_pdf, forum)
        print(f"PDFs for {PEOPLE} people and {GUESTS} guests, median of {BUILDS} builds:")
        print(f"  sign-in sheet (서명부):                 {sheet * 1000:6.0f} ms  {sheet_size / 1024:5.0f} KiB")
        print(f"  name badges (명찰), QR codes drawn anew: {cold * 1000:6.0f} ms  {badges_size / 1024:5.0f} KiB")
        print(f"  name badges, QR codes drawn for the mails: {warm * 1000:4.0f} ms")
        print(f"  badges / sign-in sheet: {cold / sheet:.2f}x anew, {warm / sheet:.2f}x after the mails")
        longest_report(forum)
    finally:
        teardown()


if __name__ == "__main__":
    sys.exit(main())
