"""The confirmation mail's HTML as a phone's mail app shows it: Chromium at 390 px, the QR
code inline at the top, nothing wider than the screen (screenshot in var/screenshots/)."""

import base64

from playwright.sync_api import expect

from events.models import Forum
from tests.browser.conftest import save_screenshot
from tests.factories import registered
from tests.mailbox import queued_mail


def test_the_confirmation_reads_on_a_phone_with_its_qr_code_first(demo_site, open_page):
    registered(Forum.objects.get(number=3), email="kim@example.kr", name="김광주")
    [mail] = queued_mail(to=["kim@example.kr"])
    [qr] = [attachment for attachment in mail.attachments.all() if attachment.name == "check-in-qr.png"]
    # A mail app shows the cid: image from the mail's own part; a page needs it inline.
    picture = "data:image/png;base64," + base64.b64encode(qr.file.read()).decode()
    page = open_page("phone")
    page.set_content(mail.html_message.replace("cid:check-in-qr", picture))
    qr_image = page.get_by_role("img", name="체크인 QR 코드")
    expect(qr_image).to_be_in_viewport()
    assert qr_image.evaluate("image => image.naturalWidth") > 0  # the code is there, not a broken image
    expect(page.get_by_role("link", name="내 신청 보기").first).to_be_visible()
    expect(page.get_by_role("link", name="Google 캘린더에 추가")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the screen
    save_screenshot(page, "mail-confirmation-phone")
