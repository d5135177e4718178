"""How fast the desk's type-ahead search answers, in Debian's Chromium at phone size, with
300 people registered: from a key press to the filtered list, for a name, an initial-
consonant query, the last four digits of a phone, and an organisation. Prints figures.

    .venv/bin/python bench/desk_search.py

It runs against a throw-away test database and a live server of its own.
"""

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_site.settings")
os.environ.setdefault("DEBUG", "true")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API keeps an event loop in this thread

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PEOPLE = 300
TRIES = 20
QUERIES = {"name": "김영업", "initial consonants": "ㄱㅇㅇ", "phone, last 4": "0299", "organisation": "전남대"}
SURNAMES = "김이박최정강조윤장임"
GIVEN = ["영업", "서연", "도윤", "하준", "지우", "민서", "예준", "수아", "시우", "하은"]
ORGANISATIONS = ["광주AI", "전남대학교", "광주과학기술원", "광주광역시", "㈜솔트룩스", "한국전자통신연구원"]


def build():
    from tests.factories import ForumFactory, RegistrationFactory, seoul

    forum = ForumFactory(number=3, capacity=PEOPLE, starts_at=seoul(2030, 1, 8))
    for index in range(PEOPLE):
        RegistrationFactory(
            forum=forum,
            name=SURNAMES[index % 10] + GIVEN[index // 10 % 10] + (str(index // 100) if index >= 100 else ""),
            organization=ORGANISATIONS[index % len(ORGANISATIONS)],
            phone=f"010{index:08d}",
            email=f"desk{index}@example.kr",
        )
    User.objects.create_superuser("bench-desk", password="a-long-password-1")


def measure(page) -> dict:
    """Milliseconds from a key press to the list filtered and laid out, per query."""
    figures = {}
    for label, query in QUERIES.items():
        timings = []
        for _ in range(TRIES):
            page.fill("#desk-search", "")
            elapsed = page.evaluate(
                """(query) => new Promise((resolve) => {
                    const search = document.getElementById("desk-search");
                    const start = performance.now();
                    search.value = query;
                    search.dispatchEvent(new Event("input"));
                    document.querySelectorAll(".desk-person:not([hidden])").length;  // forces the layout
                    requestAnimationFrame(() => resolve(performance.now() - start));
                })""",
                query,
            )
            timings.append(elapsed)
        shown = page.locator(".desk-people .desk-person:visible").count()
        timings.sort()
        figures[label] = (statistics.median(timings), timings[int(len(timings) * 0.95) - 1], shown)
    return figures


def main():
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SIZES

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":  # a file, so the server thread shares it
        connection.settings_dict["TEST"]["NAME"] = str(Path(settings.BASE_DIR) / "var" / "bench-desk.sqlite3")
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    server = LiveServerThread("localhost", static_handler=StaticFilesHandler)
    try:
        build()
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        site = f"http://localhost:{server.port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport=SIZES["phone"], locale="ko-KR").new_page()
            page.goto(site + "/admin/login/?next=/desk/")
            page.fill("#id_username", "bench-desk")
            page.fill("#id_password", "a-long-password-1")
            page.click("input[type=submit]")
            page.wait_for_selector("#desk-search")
            figures = measure(page)
            browser.close()
    finally:
        server.terminate()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"\nDesk search, {PEOPLE} people, Chromium at 390 px ({TRIES} key presses each):")
    print(f"  {'query':<20}{'median ms':>10}{'p95 ms':>10}{'shown':>7}")
    for label, (median, p95, shown) in figures.items():
        print(f"  {label:<20}{median:>10.1f}{p95:>10.1f}{shown:>7}")


if __name__ == "__main__":
    main()
