"""The forum morning at the door, on a phone: a desk scans the QR code from a real
confirmation mail through the camera; two desks see each other's check-ins."""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from attendees.models import Registration
from events.models import Forum
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SIZES, save_screenshot
from tests.factories import registered
from tests.mailbox import queued_mail

pytestmark = pytest.mark.browser
FRAME = (640, 480)


def y4m_video_of(png: bytes, path) -> None:
    """A few frames of the QR code on white, as the YUV4MPEG2 file Chromium's fake camera plays."""
    frame = Image.new("L", FRAME, 255)
    qr_code = Image.open(io.BytesIO(png)).convert("L")
    frame.paste(qr_code, ((FRAME[0] - qr_code.width) // 2, (FRAME[1] - qr_code.height) // 2))
    luma = frame.tobytes()
    chroma = bytes([128]) * (FRAME[0] // 2 * FRAME[1] // 2)  # grey: no colour
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{FRAME[0]} H{FRAME[1]} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(10):
            video.write(b"FRAME\n" + luma + chroma + chroma)


def desk_user(username):
    call_command("setup_roles")
    user = User.objects.create_user(username, password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="접수 데스크"))
    return user


def log_in(page, site, username):
    page.goto(site + "/admin/login/?next=/desk/")
    page.get_by_label("사용자 이름").fill(username)
    page.get_by_label("비밀번호").fill("a-long-password-1")
    page.get_by_role("button", name="로그인").click()
    expect(page.locator("h1")).to_have_text("접수 데스크")


def desk_on_a_phone(browser, site, username="desk-1"):
    """A desk account signed in on a phone, in a browser context of its own (one a test
    can take offline): (context, page)."""
    desk_user(username)
    context = browser.new_context(viewport=SIZES["phone"], locale="ko-KR", timezone_id="Asia/Seoul")
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, site, username)
    return context, page


def test_a_desk_on_a_phone_scans_the_qr_code_from_the_confirmation_mail(demo_site, tmp_path, browser):
    forum = Forum.objects.get(number=3)
    registrant = registered(forum, "kim.gwangju@example.kr", name="김광주")
    desk_user("desk-1")
    [confirmation] = queued_mail(to="kim.gwangju@example.kr")  # as the worker renders it
    [qr_attachment] = [a for a in confirmation.attachments.all() if a.name == "check-in-qr.png"]
    video = tmp_path / "qr.y4m"
    y4m_video_of(qr_attachment.file.read(), video)

    # The session's browser has no camera: this one plays the video as its camera.
    camera_args = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    with_camera = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + camera_args)
    try:
        context = with_camera.new_context(viewport=SIZES["phone"], locale="ko-KR", timezone_id="Asia/Seoul")
        context.grant_permissions(["camera"], origin=demo_site)
        context.set_default_timeout(15_000)
        page = context.new_page()
        blocked = []
        page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
        log_in(page, demo_site, "desk-1")
        page.get_by_role("button", name="QR 코드 읽기").click()
        expect(page.locator(".desk-result")).to_have_text("김광주 님 현장 확인 완료.")
        expect(page.locator(".desk-result")).to_have_class(re.compile("result-green"))
        expect(page.locator(f"#person-{registrant.pk}")).to_have_class(re.compile("is-checked-in"))
        save_screenshot(page, "desk-phone-scanned")
        assert blocked == []
    finally:
        with_camera.close()
    checked = Registration.objects.get(pk=registrant.pk)
    assert (checked.checked_in_at is not None, checked.checked_in_by.username) == (True, "desk-1")


def test_two_desks_see_each_others_check_ins(demo_site, open_page):
    forum = Forum.objects.get(number=3)
    first = registered(forum, "kim.young@example.kr", name="김영업")
    second = registered(forum, "lee.narae@example.kr", name="이나래")
    desk_user("desk-1")
    one, two = open_page("phone"), open_page("desktop")
    second_user = User.objects.create_user("desk-2", password="a-long-password-1", is_staff=True)
    second_user.groups.add(Group.objects.get(name="접수 데스크"))
    log_in(one, demo_site, "desk-1")
    log_in(two, demo_site, "desk-2")

    one.get_by_role("searchbox", name=re.compile("초성")).fill("ㄱㅇㅇ")  # 김영업 by initial consonants
    expect(one.locator(".desk-person:visible")).to_have_count(1)
    one.locator(f"#person-{first.pk}").get_by_role("button", name="현장 확인").click()
    two.get_by_role("searchbox", name=re.compile("초성")).fill("이나래")
    two.locator(f"#person-{second.pk}").get_by_role("button", name="현장 확인").click()

    for page in (one, two):
        expect(page.locator(f"#person-{first.pk}")).to_have_class(re.compile("is-checked-in"), timeout=10_000)
        expect(page.locator(f"#person-{second.pk}")).to_have_class(re.compile("is-checked-in"), timeout=10_000)
        expect(page.locator("[data-count=checked_in]")).to_have_text("2", timeout=10_000)
    expect(two.locator(f"#person-{first.pk} .desk-when")).to_contain_text("(desk-1)")
    one.get_by_role("searchbox", name=re.compile("초성")).fill("")
    save_screenshot(one, "desk-phone")


def test_the_registration_list_stays_readable_at_1280_px(demo_site, open_page):
    forum = Forum.objects.get(number=3)
    for index, name in enumerate(["남궁민수", "황보혜정", "Alexandra Konstantinopoulou"]):
        registered(forum, f"long{index}@example.kr", name=name)
    User.objects.create_superuser("city-staff", password="a-long-password-1")
    page = open_page("desktop")
    page.goto(demo_site + "/admin/login/?next=/admin/attendees/registration/")
    page.get_by_label("사용자 이름").fill("city-staff")
    page.get_by_label("비밀번호").fill("a-long-password-1")
    page.get_by_role("button", name="로그인").click()
    names = page.locator("#result_list .field-name, #result_list td.field-status")
    expect(names).to_have_count(6)
    # Lines of text in each name and status cell: one, never a word broken letter by letter.
    lines = names.evaluate_all(
        "cells => cells.map(cell => { const range = document.createRange(); range.selectNodeContents(cell);"
        " return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size; })"
    )
    assert lines == [1] * 6
    save_screenshot(page, "admin-registrations-1280")


def test_a_walk_in_at_a_full_forum_is_admitted_over_capacity_on_a_phone(demo_site, open_page):
    forum = Forum.objects.get(number=3)
    forum.capacity = 1
    forum.save()
    registered(forum, "kim.young@example.kr", name="김영업")  # the one seat
    desk_user("desk-1")
    page = open_page("phone")
    log_in(page, demo_site, "desk-1")
    expect(page.get_by_text("정원이 찼습니다. 현장 등록:")).to_be_visible()
    save_screenshot(page, "walk-in-full-1-desk-chooses-phone")
    page.get_by_role("link", name="정원 외로 입장").click()
    # The screen handed to the person: their details and the consent, nothing of the staff's.
    expect(page.get_by_text("정원")).to_have_count(0)
    page.get_by_label("이름").fill("최현장")
    page.get_by_label("소속").fill("광주광역시")
    page.get_by_label("직위").fill("주무관")
    page.get_by_label("관(행정)").check()
    page.get_by_label(re.compile("개인정보를 수집·이용하는 데 동의합니다")).check()
    save_screenshot(page, "walk-in-full-2-person-fills-phone")
    page.get_by_role("button", name="참가 신청").click()
    expect(page.locator(".alert-success")).to_have_text("최현장 님을 정원 외로 입장 등록하고 현장 확인했습니다.")
    expect(page.locator("[data-count=walk_ins]")).to_have_text("1")
    save_screenshot(page, "walk-in-full-3-admitted-phone")
    walk_in = Registration.objects.get(name="최현장")
    assert (walk_in.status, walk_in.over_capacity, walk_in.checked_in_at is not None) == ("confirmed", True, True)


def test_the_mc_sees_a_late_guest_appear_without_a_reload_and_can_pause(demo_site, open_page):
    from events.models import Guest

    forum = Forum.objects.get(number=3)
    Guest.objects.create(
        forum=forum,
        name="이용섭",
        title="광주광역시장",
        organization="광주광역시",
        protocol_order=1,
        gives_greeting=True,
    )
    late = Guest.objects.create(
        forum=forum, name="김기선", title="총장", organization="광주과학기술원", protocol_order=2
    )
    Guest.objects.filter(protocol_order=1).update(arrived_at=forum.starts_at)
    desk_user("desk-1")
    mc = open_page("desktop")
    log_in(mc, demo_site, "desk-1")
    mc.goto(demo_site + f"/desk/{forum.pk}/guests/")
    items = mc.locator(".guest-introduction-list li")
    expect(items).to_have_count(1)
    expect(items.first).to_have_text(re.compile(r"광주광역시장 이용섭 \(광주광역시\)"))
    mc.evaluate("window.loadedOnce = true")  # gone if the page reloads

    Guest.objects.filter(pk=late.pk).update(arrived_at=forum.starts_at)
    expect(items).to_have_count(2, timeout=12_000)
    assert mc.evaluate("window.loadedOnce") is True
    # Numbers in view, Korean words whole: each item's marker sits inside the page.
    assert mc.locator(".guest-introduction-list").evaluate("list => getComputedStyle(list).wordBreak") == "keep-all"
    save_screenshot(mc, "mc-guests")

    mc.get_by_role("button", name="자동 갱신 멈춤").click()
    expect(mc.get_by_role("button", name="자동 갱신 다시 시작")).to_have_attribute("aria-pressed", "true")
    Guest.objects.filter(pk=late.pk).update(arrived_at=None)
    mc.wait_for_timeout(6_000)
    expect(items).to_have_count(2)  # paused: the list stays as the MC reads it


def test_a_desk_on_bad_wi_fi_keeps_its_taps_and_sends_them_when_back_online(demo_site, browser):
    forum = Forum.objects.get(number=3)
    kim = registered(forum, "kim.young@example.kr", name="김영업")
    lee = registered(forum, "lee.narae@example.kr", name="이나래")
    context, page = desk_on_a_phone(browser, demo_site)
    search = page.get_by_role("searchbox", name=re.compile("초성"))

    context.set_offline(True)
    search.fill("김영")
    page.locator(f"#person-{kim.pk}").get_by_role("button", name="현장 확인").click()
    expect(page.locator(".desk-result")).to_have_text(re.compile(r"^연결 끊김: 현장 확인 1건이 여기에서 대기 중"))
    expect(page.locator(f"#person-{kim.pk}")).to_have_class(re.compile("is-waiting"))
    page.wait_for_timeout(700)  # past the card's guard against the rest of a double tap
    page.get_by_role("button", name="다음 사람").click()
    expect(search).to_have_value("")  # the next person starts with an empty search
    page.locator(f"#person-{lee.pk}").get_by_role("button", name="현장 확인").click()
    expect(page.locator(".desk-result")).to_have_text(re.compile(r"^연결 끊김: 현장 확인 2건"))
    page.wait_for_timeout(700)
    page.get_by_role("button", name="다음 사람").click()
    save_screenshot(page, "desk-offline-phone")
    assert Registration.objects.filter(checked_in_at__isnull=False).count() == 0
    # Meanwhile the other desk checked 이나래 in, and someone registered at the door there.
    from attendees.registrations import services

    services.registration_check_in(registration=lee, by=User.objects.get(username="desk-1"))
    newcomer = registered(forum, "yoon@example.kr", name="윤신규")

    context.set_offline(False)
    expect(page.locator(f"#person-{kim.pk}")).to_have_class(re.compile("is-checked-in"), timeout=10_000)
    expect(page.locator(".desk-result")).to_contain_text("이나래", timeout=10_000)  # sent last, told as it stands
    expect(page.locator(".desk-result")).to_contain_text("이미")
    expect(page.locator(f"#person-{newcomer.pk}")).to_be_visible(timeout=10_000)  # within one poll
    save_screenshot(page, "desk-back-online-phone")
    assert Registration.objects.get(pk=kim.pk).checked_in_at is not None
    context.close()
