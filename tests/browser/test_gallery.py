"""The forum's photos enlarge in a dialog that the keyboard opens and closes."""

from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot


def test_a_photo_opens_enlarged_and_escape_brings_the_visitor_back(demo_site, open_page):
    page = open_page("phone")
    page.goto(demo_site + "/forums/gwangju-ai/2/")
    expect(page.locator("#photo-dialog img")).to_have_count(0)  # no image without alt while closed
    first = page.get_by_role("link", name="크게 보기: 강연 화면 앞에 선 연사와 객석의 참석자들을 그린 데모용 그림")
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="크게 본 사진")
    expect(dialog).to_be_visible()
    expect(dialog.locator("img")).to_have_attribute(
        "alt", "강연 화면 앞에 선 연사와 객석의 참석자들을 그린 데모용 그림"
    )
    expect(dialog.locator("figcaption")).to_have_text("이경일 솔트룩스 대표이사의 강연 (데모용 그림)")
    save_screenshot(page, "forum-2-photo-enlarged")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator("#photo-dialog img")).to_have_count(0)
    assert first.evaluate("link => link === document.activeElement")
    page.get_by_role("link", name="크게 보기: 포럼 현수막 앞에 두 줄로 선 참석자들을 그린 데모용 그림").click()
    dialog.get_by_role("button", name="닫기").click()
    expect(dialog).to_be_hidden()


def test_on_the_english_page_the_enlarged_photos_korean_words_are_marked_korean(demo_site, open_page):
    page = open_page("phone", locale="en-US")
    page.goto(demo_site + "/en/forums/gwangju-ai/2/")
    page.get_by_role("link", name="Enlarge: 강연 화면 앞에 선 연사와 객석의 참석자들을 그린 데모용 그림").click()
    dialog = page.locator("#photo-dialog")
    expect(dialog).to_be_visible()
    # Copied from the page by the script, with the language they are written in.
    expect(dialog.locator("img")).to_have_attribute("lang", "ko")
    expect(dialog.locator("figcaption")).to_have_attribute("lang", "ko")
    expect(dialog.locator("figcaption")).to_have_text("이경일 솔트룩스 대표이사의 강연 (데모용 그림)")
