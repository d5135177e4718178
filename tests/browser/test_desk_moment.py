"""A tap at the desk is a moment of its own: a double tap checks in exactly one person and
names them; an undo sent late from the offline queue never undoes a later check-in; and
the taps kept offline survive a reload and a closed tab."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from attendees.models import Registration
from attendees.registrations import services
from events.models import Forum
from tests.browser.conftest import save_screenshot
from tests.browser.test_desk import desk_on_a_phone, desk_user, log_in
from tests.factories import registered

pytestmark = pytest.mark.browser
DOUBLE_TAP_GAPS_MS = (50, 150, 250, 400)


def test_a_double_tap_checks_in_exactly_the_one_person_it_was_for(demo_site, open_page):
    forum = Forum.objects.get(number=3)
    # First in the list: where the second tap of a double tap used to land.
    top = registered(forum, "top@example.kr", name="가장앞")
    targets = {
        gap: registered(forum, f"target{gap}@example.kr", name=name)
        for gap, name in zip(DOUBLE_TAP_GAPS_MS, ("나대상", "다대상", "라대상", "마대상"), strict=True)
    }
    desk_user("desk-1")
    page = open_page("phone")
    log_in(page, demo_site, "desk-1")
    search = page.get_by_role("searchbox", name=re.compile("초성"))
    moment = page.locator(".desk-moment")
    for gap, target in targets.items():
        search.fill(target.name)
        button = page.locator(f"#person-{target.pk}").get_by_role("button", name="현장 확인")
        box = button.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.click(x, y)
        page.wait_for_timeout(gap)
        page.mouse.click(x, y)  # the finger again, where the list was
        expect(moment.locator(".desk-moment-name")).to_have_text(target.name)
        expect(moment.locator(".desk-moment-message")).to_have_text(f"{target.name} 님 현장 확인 완료.")
        expect(moment).to_have_class(re.compile("result-green"))
        if gap == 150:
            save_screenshot(page, "desk-moment-phone")
        checked_in = set(Registration.objects.filter(checked_in_at__isnull=False).values_list("name", flat=True))
        assert checked_in == {t.name for g, t in targets.items() if g <= gap}, gap
        page.get_by_role("button", name="다음 사람").click()
        expect(search).to_be_visible()
        expect(search).to_have_value("")
    assert Registration.objects.get(pk=top.pk).checked_in_at is None


def test_an_undo_sent_late_never_undoes_a_later_check_in(demo_site, browser):
    forum = Forum.objects.get(number=3)
    kim = registered(forum, "kim.young@example.kr", name="김영업")
    context, page = desk_on_a_phone(browser, demo_site)
    page.get_by_role("searchbox", name=re.compile("초성")).fill("김영업")
    page.locator(f"#person-{kim.pk}").get_by_role("button", name="현장 확인").click()
    expect(page.locator(".desk-moment-message")).to_have_text("김영업 님 현장 확인 완료.")

    context.set_offline(True)
    page.wait_for_timeout(1_100)  # past the card's guard against the rest of a double tap
    page.locator(".desk-moment").get_by_role("button", name="되돌리기").click()
    expect(page.locator(".desk-result")).to_have_text(re.compile(r"^연결 끊김: 현장 확인 1건"))
    # Meanwhile the other desk checks the same person in (it finds them checked in already).
    other = User.objects.create_user("desk-2", password="a-long-password-1", is_staff=True)
    assert (
        services.registration_check_in(registration=kim, by=other, check_in_id="desk-2-tap") is services.CheckIn.ALREADY
    )

    context.set_offline(False)
    expect(page.locator(".desk-result")).to_have_text(
        "되돌리지 않았습니다. 김영업 님은 이 되돌리기가 가리킨 참석 확인 뒤에 "
        "다시 참석 확인되어, 참석 확인 상태로 남습니다.",
        timeout=10_000,
    )
    expect(page.locator(".desk-result")).to_have_class(re.compile("result-amber"))
    expect(page.locator(".desk-moment-message")).to_have_text(re.compile(r"^되돌리지 않았습니다\."))  # the card too
    save_screenshot(page, "desk-stale-undo-refused-phone")
    assert Registration.objects.get(pk=kim.pk).checked_in_at is not None
    context.close()


def test_a_tap_kept_offline_survives_a_reload_and_a_closed_tab(demo_site, browser):
    forum = Forum.objects.get(number=3)
    kim = registered(forum, "kim.young@example.kr", name="김영업")
    lee = registered(forum, "lee.narae@example.kr", name="이나래")
    context, page = desk_on_a_phone(browser, demo_site)

    # The venue's Wi-Fi reaches the page but not the desk's answers: the tap is kept.
    context.route(re.compile(r"/desk/\d+/(check-in|undo|state\.json)"), lambda route: route.abort())
    page.get_by_role("searchbox", name=re.compile("초성")).fill("김영업")
    page.locator(f"#person-{kim.pk}").get_by_role("button", name="현장 확인").click()
    expect(page.locator(".desk-moment-message")).to_have_text(
        "연결이 끊겼습니다. 이 처리는 이 기기에 보관했다가 연결되면 보냅니다."
    )
    page.reload()
    expect(page.locator(".desk-result")).to_have_text(re.compile(r"^연결 끊김: 현장 확인 1건"))
    expect(page.locator(f"#person-{kim.pk}")).to_have_class(re.compile("is-waiting"))

    # One more kept, then the tab is closed while offline; the desk opens again once online.
    page.get_by_role("searchbox", name=re.compile("초성")).fill("이나래")
    page.locator(f"#person-{lee.pk}").get_by_role("button", name="현장 확인").click()
    expect(page.locator(".desk-result")).to_have_text(re.compile(r"^연결 끊김: 현장 확인 2건"))
    page.close()
    assert Registration.objects.filter(checked_in_at__isnull=False).count() == 0
    context.unroute_all()
    page = context.new_page()
    page.goto(demo_site + "/desk/")
    expect(page.locator(f"#person-{kim.pk}")).to_have_class(re.compile("is-checked-in"), timeout=10_000)
    expect(page.locator(f"#person-{lee.pk}")).to_have_class(re.compile("is-checked-in"), timeout=10_000)
    assert Registration.objects.filter(checked_in_at__isnull=False).count() == 2
    kept = "Object.keys(localStorage).filter(k => k.startsWith('forum-desk-queue:')).map(k => localStorage.getItem(k))"
    assert page.evaluate(kept) == ["[]"]  # nothing left waiting
    context.close()
