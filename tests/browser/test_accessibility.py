"""axe-core on every public page, in Korean and English; a screenshot of each at both sizes."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from attendees.registrations.addresses import management_path
from tests.browser.conftest import SIZES, save_screenshot

pytestmark = pytest.mark.browser

PUBLIC_PAGES = {
    "home": "/",
    "forums": "/forums/",
    "forum-2": "/forums/gwangju-ai/2/",
    "forum-3": "/forums/gwangju-ai/3/",
    "talk": "/forums/gwangju-ai/2/talks/ai-and-industrial-innovation/",
    "speakers": "/speakers/",
    "speaker": "/speakers/lee-kyung-il/",
    "search": "/search/?q=솔트룩스",
    "search-nothing": "/search/?q=블록체인",
    "register": "/forums/gwangju-ai/3/register/",
    "not-found": "/forums/gwangju-ai/99/",
}
BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']]}"
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS
    ]


@pytest.mark.parametrize("locale", ["ko-KR", "en-US"])
def test_public_pages_have_no_serious_accessibility_violations(demo_site, open_page, locale):
    language = locale[:2]
    found = {}
    for size in SIZES:
        page = open_page(size, locale)
        for name, path in PUBLIC_PAGES.items():
            # The English pages live under /en/.
            page.goto(demo_site + ("/en" if language == "en" else "") + path)
            assert page.locator("html").get_attribute("lang") == language
            save_screenshot(page, f"{name}-{language}-{size}")
            if size == "desktop":
                found[name] = blocking_violations(page)
    assert found == {name: [] for name in PUBLIC_PAGES}


def test_skip_link_moves_focus_to_the_content(demo_site, open_page):
    page = open_page()
    page.goto(demo_site + "/forums/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="본문 바로가기")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_every_image_has_alt_text(demo_site, open_page):
    from events.models import Forum
    from tests.factories import ForumPhotoFactory

    ForumPhotoFactory(forum=Forum.objects.get(number=2), alt_text="강연을 듣는 참석자들")
    page = open_page()
    page.goto(demo_site + "/forums/gwangju-ai/2/")
    # The demo's four drawings and this photo, each described, in the gallery's order.
    expected = list(Forum.objects.get(number=2).photos.values_list("alt_text", flat=True))
    assert len(expected) == 5 and "강연을 듣는 참석자들" in expected
    assert [image.get_attribute("alt") for image in page.locator(".gallery img").all()] == expected


def test_the_management_page_has_tap_targets_a_thumb_can_hit(demo_site, open_page):
    """WCAG 2.2's target size (axe's target-size, off by default), on a phone."""
    from attendees.models import Registration
    from events.models import Forum
    from tests.factories import registered

    registration = registered(Forum.objects.get(number=3), consent_marketing=True)
    assert isinstance(registration, Registration)
    page = open_page("phone")
    page.goto(demo_site + management_path(registration))
    result = Axe().run(page, options={"runOnly": ["target-size"]}).response
    assert [violation["id"] for violation in result["violations"]] == []
    assert len(result["passes"][0]["nodes"]) >= 4  # the links and buttons were looked at
    save_screenshot(page, "manage-phone")
