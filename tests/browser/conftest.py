"""A real browser: Python Playwright driving Debian's Chromium against a live server."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from events.demo import load_demo

# The live server, Chromium and the suite share two cores: an expectation waits as long
# as an action does (10 s, set per context below), not Playwright's 5 s, before failing.
expect.set_options(timeout=10_000)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SCREENSHOTS = Path(django_settings.BASE_DIR) / "var" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does).")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests need it.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which makes Django
    # refuse ORM calls here (SynchronousOnlyOperation) although nothing runs concurrently.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server, settings):
    """The demo as `make run` serves it: the Gwangju history, on 2020-08-06."""
    load_demo()
    settings.FORUM_SITE_TODAY = datetime.date(2020, 8, 6)
    settings.SITE_URL = live_server.url  # so the links in the mails lead to this server
    return live_server.url


@pytest.fixture
def open_page(browser):
    """open_page(size, locale) -> a fresh page in its own browser context.

    The pages run under the site's Content-Security-Policy; anything it blocks (an inline
    script or style, a file from elsewhere) is reported on the console, and fails the test.
    """
    contexts, blocked = [], []

    def record_csp_violation(message):
        if "Content Security Policy" in message.text:
            blocked.append(message.text)

    def open_page(size="desktop", locale="ko-KR"):
        context = browser.new_context(viewport=SIZES[size], locale=locale, timezone_id="Asia/Seoul")
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", record_csp_violation)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert blocked == [], "the Content-Security-Policy blocked something"


def save_screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def signed_in_staff(demo_site, open_page):
    """A desktop page of a city staff member (a superuser) signed in to the admin."""
    from django.contrib.auth.models import User
    from playwright.sync_api import expect

    User.objects.create_superuser("city-staff", password="a-long-password-1")
    staff = open_page("desktop")
    staff.goto(demo_site + "/admin/login/?next=/admin/")
    staff.get_by_label("사용자 이름").fill("city-staff")
    staff.get_by_label("비밀번호").fill("a-long-password-1")
    staff.get_by_role("button", name="로그인").click()
    expect(staff).to_have_url(re.compile(r"/admin/$"))
    return staff
