"""Every kind of mail as a phone's mail app shows it: Chromium at 390 px, its inline
images (the QR code, a forum's photos) in place, nothing wider than the screen, and the
mass mails opening on the forum's date and place with their one primary button
(screenshots in var/screenshots/mail-<kind>-phone.png)."""

import base64

import pytest
from playwright.sync_api import expect

from attendees.outbox.rendering import inline_content_id
from tests.browser.conftest import save_screenshot
from tests.every_mail import every_kind_of_mail

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_years_day_2030")]
# The mass mails, each opening on the forum's header and its one primary button.
MASS_MAILS = {"announcement", "reconfirmation", "thank_you", "missed_you", "survey_reminder", "reminder"}
PRIMARY = "a[style*='background:#1f4e79']"


def with_inline_images(email) -> str:
    """The HTML with each cid: image from the mail's own parts, as a mail app shows it."""
    html = email.html_message
    for attachment in email.attachments.all():
        content_id = inline_content_id(attachment.name)
        if content_id:
            data = base64.b64encode(attachment.file.read()).decode()
            html = html.replace(f"cid:{content_id}", f"data:{attachment.mimetype};base64,{data}")
    return html


def test_every_kind_reads_on_a_phone(open_page):
    mails = {pending.kind: pending.email for pending in every_kind_of_mail()}
    for kind, email in sorted(mails.items()):
        page = open_page("phone")
        page.set_content(with_inline_images(email))
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 390)"
            ".map(e => e.tagName + ':' + e.textContent.slice(0, 60))"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, (kind, wide)
        broken = page.evaluate("[...document.images].filter(image => !image.naturalWidth).map(image => image.alt)")
        assert broken == [], (kind, broken)
        if kind in MASS_MAILS:
            expect(page.locator(PRIMARY)).to_have_count(1)
            expect(page.locator(PRIMARY)).to_be_in_viewport()
        save_screenshot(page, f"mail-{kind}-phone")
    photos = open_page("phone")
    photos.set_content(with_inline_images(mails["thank_you"]))
    expect(photos.locator("img[src^='data:image']").first).to_be_visible()
    assert photos.locator("img[alt]").count() >= 2  # the forum's photos, each with its alt text
