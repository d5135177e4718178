"""The check-in desk: who may open it, what it finds, what one tap or one scan does."""

import datetime
import json

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from attendees.check_in_qr import check_in_qr_png, check_in_url
from attendees.door.views import initial_consonants
from attendees.models import AccessRecord, ActionRecord, ActorKind, PendingMail, Registration
from attendees.registrations import services
from attendees.registrations.addresses import check_in_qr_path, management_path
from tests.factories import ForumFactory, RegistrationFactory, seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
MORNING = datetime.datetime(2030, 1, 8, 7, 12, tzinfo=SEOUL)
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def _forum_morning():
    with time_machine.travel(MORNING, tick=False):
        yield


@pytest.fixture
def forum():
    """Today's forum, with 김영업 confirmed, 이대기 waiting and 박취소 cancelled."""
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8), capacity=1)
    ForumFactory(number=4, starts_at=seoul(2030, 2, 12))
    RegistrationFactory(forum=forum, name="김영업", organization="광주AI", phone="01012345678")
    RegistrationFactory(forum=forum, name="이대기", status="waitlisted")
    RegistrationFactory(forum=forum, name="박취소", status="cancelled")
    return forum


def person(name):
    return Registration.objects.get(name=name)


def staff(role):
    call_command("setup_roles")
    user = User.objects.create_user(role, password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name={"desk": "접수 데스크", "editor": "콘텐츠 편집자"}[role]))
    return user


@pytest.fixture
def desk_client(client):
    client.force_login(staff("desk"))
    return client


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("member", 302), ("desk", 200), ("editor", 302)])
def test_the_desk_is_for_the_desk_role_alone(client, forum, role, status):
    if role == "member":
        client.force_login(User.objects.create_user("member", password="a-long-password-1"))
    elif role != "anonymous":
        client.force_login(staff(role))
    response = client.get("/desk/")
    assert response.status_code == status
    if status == 302:
        assert response.url.startswith("/admin/login/")


def test_the_desk_opens_on_todays_forum_and_records_the_look(desk_client, forum):
    response = desk_client.get("/desk/")
    assert response.context["forum"] == forum
    names = [row["person"].name for row in response.context["rows"]]
    assert names == ["김영업", "이대기"]  # the cancelled are not at the door
    record = AccessRecord.objects.get(kind="desk")
    assert (record.username, record.row_count, record.details) == ("desk", 2, {"forum": forum.pk})
    other = ForumFactory(number=5, starts_at=seoul(2030, 1, 9))
    assert desk_client.get("/desk/", {"forum": other.pk}).context["forum"] == other


def test_only_the_desk_page_may_use_the_camera(desk_client, forum, client):
    assert desk_client.get("/desk/")["Permissions-Policy"].startswith("camera=(self)")
    assert desk_client.get("/")["Permissions-Policy"].startswith("camera=()")


def test_people_are_found_by_initial_consonants_and_the_last_four_digits(desk_client, forum):
    assert initial_consonants("김영업") == "ㄱㅇㅇ"
    [row] = [row for row in desk_client.get("/desk/").context["rows"] if row["person"].name == "김영업"]
    assert row["search"] == "김영업 광주ai ㄱㅇㅇ 5678"


def test_one_tap_checks_in_once_and_the_second_desk_hears_when_and_by_whom(desk_client, forum, client):
    url = reverse("desk:check-in", args=[forum.pk])
    first = desk_client.post(url, {"registration": person("김영업").pk}, **JSON).json()
    assert (first["result"], first["colour"], first["message"]) == ("checked_in", "green", "김영업 님 현장 확인 완료.")
    assert first["counts"] == {
        "confirmed": 1, "over_capacity": "", "walk_ins": 0, "checked_in": 1, "guests": 0, "guests_arrived": 0
    }  # fmt: skip

    second_desk = User.objects.create_user("desk-2", password="a-long-password-1", is_staff=True)
    second_desk.groups.add(Group.objects.get(name="접수 데스크"))
    client.force_login(second_desk)
    again = client.post(url, {"registration": person("김영업").pk}, **JSON).json()
    assert (again["result"], again["colour"], again["message"]) == (
        "already",
        "amber",
        "김영업 님은 이미 07:12에 desk 님이 현장 확인했습니다.",
    )
    assert ActionRecord.objects.filter(action="registration_checked_in").count() == 1
    state = client.get(reverse("desk:state", args=[forum.pk])).json()
    [kim] = [p for p in state["people"] if p["id"] == person("김영업").pk]
    assert (kim["checked_in"], kim["checked_in_text"]) == (True, "07:12 현장 확인 (desk)")


def test_refusals_say_why_per_person(desk_client, forum):
    url = reverse("desk:check-in", args=[forum.pk])
    waiting = desk_client.post(url, {"registration": person("이대기").pk}, **JSON).json()
    assert (waiting["colour"], waiting["message"]) == (
        "red",
        "이대기 님은 대기자로 참가가 확정되지 않아 현장 확인하지 않았습니다.",
    )
    cancelled = desk_client.post(url, {"registration": person("박취소").pk}, **JSON).json()
    assert (cancelled["colour"], cancelled["message"]) == ("red", "박취소 님은 신청을 취소해 현장 확인하지 않았습니다.")
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_undo_takes_a_check_in_back_and_is_recorded(desk_client, forum):
    kim = person("김영업")
    desk_client.post(reverse("desk:check-in", args=[forum.pk]), {"registration": kim.pk}, **JSON)
    undone = desk_client.post(reverse("desk:undo", args=[forum.pk]), {"registration": kim.pk}, **JSON).json()
    assert undone["message"] == "김영업 님의 현장 확인을 되돌렸습니다."
    assert person("김영업").checked_in_at is None
    assert list(ActionRecord.objects.order_by("pk").values_list("action", flat=True)) == [
        "registration_checked_in",
        "check_in_undone",
    ]


def test_an_undo_names_the_check_in_it_undoes_and_a_later_one_stands(desk_client, forum):
    kim = person("김영업")
    check_in, undo = reverse("desk:check-in", args=[forum.pk]), reverse("desk:undo", args=[forum.pk])
    first = desk_client.post(check_in, {"registration": kim.pk, "check_in": "tap-a"}, **JSON).json()
    assert (first["result"], first["person"]["check_in"]) == ("checked_in", "tap-a")
    # The other desk taps the same person: already checked in, and that tap is the one now.
    again = desk_client.post(check_in, {"registration": kim.pk, "check_in": "tap-b"}, **JSON).json()
    assert (again["result"], again["person"]["check_in"]) == ("already", "tap-b")
    stale = desk_client.post(undo, {"registration": kim.pk, "check_in": "tap-a"}, **JSON).json()
    assert (stale["result"], stale["message"]) == (
        "checked_in_again",
        "되돌리지 않았습니다. 김영업 님은 이 되돌리기가 가리킨 참석 확인 뒤에 "
        "다시 참석 확인되어, 참석 확인 상태로 남습니다.",
    )
    assert person("김영업").checked_in_at is not None
    current = desk_client.post(undo, {"registration": kim.pk, "check_in": "tap-b"}, **JSON).json()
    assert current["result"] == "undone"
    assert person("김영업").checked_in_at is None
    assert ActionRecord.objects.filter(action="check_in_undone").count() == 1


def test_without_a_script_the_buttons_still_work(desk_client, forum):
    response = desk_client.post(
        reverse("desk:check-in", args=[forum.pk]), {"registration": person("김영업").pk}, follow=True
    )
    assert response.redirect_chain == [(f"/desk/?forum={forum.pk}", 302)]
    assert "김영업 님 현장 확인 완료." in response.text


@pytest.mark.parametrize(
    ("whose", "colour", "message"),
    [
        ("김영업", "green", "김영업 님 현장 확인 완료."),
        ("이대기", "red", "이대기 님은 대기자로 참가가 확정되지 않아 현장 확인하지 않았습니다."),
        ("박취소", "red", "박취소 님은 신청을 취소해 현장 확인하지 않았습니다."),
        ("other forum", "red", "다른 포럼의 코드입니다."),
        ("nobody", "red", "알 수 없는 코드입니다."),
    ],
)
def test_a_scanned_code_gives_a_clear_result(desk_client, forum, whose, colour, message):
    if whose == "other forum":
        code = check_in_url(RegistrationFactory(forum=ForumFactory(number=9)))
    elif whose == "nobody":
        code = "http://127.0.0.1:8000/desk/c/not-a-code/"
    else:
        code = check_in_url(person(whose))
    answer = desk_client.post(reverse("desk:scan-code", args=[forum.pk]), {"code": code}, **JSON).json()
    assert (answer["colour"], answer["message"]) == (colour, message)


def test_the_check_in_code_is_its_own_secret_and_cannot_cancel(client, forum):
    kim = person("김영업")
    assert kim.check_in_code != kim.token
    assert len(kim.check_in_code) >= 16  # 96 random bits, base64
    assert client.get(f"/registrations/{kim.check_in_code}/").status_code == 404
    assert client.post(f"/registrations/{kim.check_in_code}/cancel/").status_code == 404
    image = client.get(check_in_qr_path(kim))
    assert (image.status_code, image["Content-Type"], image.content[:4]) == (200, "image/png", b"\x89PNG")
    assert check_in_url(kim) == f"http://127.0.0.1:8000/desk/c/{kim.check_in_code}/"
    assert check_in_qr_png(kim)[:4] == b"\x89PNG"


def test_the_management_page_shows_the_qr_code(client, forum):
    page = client.get(management_path(person("김영업"))).text
    assert '<img src="data:image/png;base64,' in page
    assert f'href="/registrations/check-in/{person("김영업").check_in_code}.png"' in page


def test_a_staff_phone_opening_the_qr_link_lands_on_the_desk(desk_client, client, forum):
    kim = person("김영업")
    response = desk_client.get(f"/desk/c/{kim.check_in_code}/")
    assert response.url == f"/desk/?forum={forum.pk}#person-{kim.pk}"
    client.logout()
    assert client.get(f"/desk/c/{kim.check_in_code}/").url.startswith("/admin/login/")


def test_the_purge_and_the_persons_deletion_rotate_the_check_in_code(client, forum):
    from attendees.registrations.erasure import registration_erase

    kim = person("김영업")
    old_code = kim.check_in_code
    registration_erase(registration=kim)
    kim.refresh_from_db()
    assert kim.check_in_code != old_code
    assert client.get(f"/registrations/check-in/{old_code}.png").status_code == 404


def test_the_admin_check_in_action_says_why_per_person(admin_client, forum):
    services.registration_check_in(registration=person("김영업"), by=ActorKind.SYSTEM)
    response = admin_client.post(
        "/admin/attendees/registration/",
        {"action": "check_in", "_selected_action": [person("김영업").pk, person("이대기").pk]},
        follow=True,
    )
    texts = [str(message) for message in response.context["messages"]]
    assert sorted(texts) == sorted(
        [
            "김영업 님은 이미 07:12에 시스템 님이 현장 확인했습니다.",
            "이대기 님은 대기자로 참가가 확정되지 않아 현장 확인하지 않았습니다.",
        ]
    )
    assert "0명 현장 확인했습니다." not in json.dumps(texts, ensure_ascii=False)


@pytest.fixture
def guests(forum):
    from events.models import Guest

    return [
        Guest.objects.create(
            forum=forum, name="김용집", title="광주광역시의회 의장", protocol_order=2, gives_greeting=True
        ),
        Guest.objects.create(forum=forum, name="이용섭", title="광주광역시장", protocol_order=1, gives_greeting=True),
        Guest.objects.create(forum=forum, name="정병석", title="전남대학교 총장", protocol_order=3),
    ]


def test_guests_are_checked_in_at_the_desk_and_the_mc_sees_who_came_in_protocol_order(desk_client, forum, guests):
    council, mayor, president = guests
    page = desk_client.get("/desk/")
    assert [row["guest"].name for row in page.context["guests"]] == ["이용섭", "김용집", "정병석"]
    intro_url = reverse("desk:guest-introduction", args=[forum.pk])
    assert "아직 도착한 내빈이 없습니다." in desk_client.get(intro_url).text

    for guest in (council, mayor):
        answer = desk_client.post(reverse("desk:guest", args=[forum.pk]), {"guest": guest.pk}, **JSON).json()
        assert answer["message"] == f"{guest} 님이 도착했습니다."
    assert answer["counts"]["guests_arrived"] == 2
    intro = desk_client.get(intro_url)
    assert [guest.name for guest in intro.context["guests"]] == ["이용섭", "김용집"]  # protocol order, not arrival
    assert 'http-equiv="refresh"' not in intro.text  # updated by its script, not reloaded (WCAG 2.2.1)
    assert "guest_introduction.js" in intro.text
    assert list(ActionRecord.objects.order_by("pk").values_list("action", "details")) == [
        ("guest_arrived", {"guest": council.pk}),
        ("guest_arrived", {"guest": mayor.pk}),
    ]
    desk_client.post(reverse("desk:guest", args=[forum.pk]), {"guest": council.pk, "arrived": "0"}, **JSON)
    assert [guest.name for guest in desk_client.get(intro_url).context["guests"]] == ["이용섭"]


def test_guests_sit_outside_the_capacity(desk_client, forum, guests):
    assert desk_client.get("/desk/").context["counts"] == {
        "confirmed": 1,
        "over_capacity": "",
        "walk_ins": 0,
        "checked_in": 0,
        "guests": 3,
        "guests_arrived": 0,
    }


def test_only_the_forum_manager_edits_the_invited_guests(client, forum, guests):
    from events.models import Guest

    change_page = reverse("admin:events_forum_change", args=[forum.pk])
    client.force_login(staff("desk"))
    assert client.get(change_page).status_code == 403  # the desk shows guests' arrival, no more
    client.force_login(User.objects.create_user("ed", password="a-long-password-1", is_staff=True))
    User.objects.get(username="ed").groups.add(Group.objects.get(name="콘텐츠 편집자"))
    assert 'name="guests-0-name"' not in client.get(change_page).text  # guests are people: not content
    client.force_login(User.objects.create_user("manager", password="a-long-password-1", is_staff=True))
    User.objects.get(username="manager").groups.add(Group.objects.get(name="포럼 담당자"))
    assert 'name="guests-0-name"' in client.get(change_page).text
    assert Guest.objects.count() == 3


def test_the_demo_has_the_guests_of_the_second_forum(demo):
    forum_2 = demo.forums.get(number=2)
    assert [(g.protocol_order, g.name, g.title, g.gives_greeting) for g in forum_2.guests.all()] == [
        (1, "이용섭", "광주광역시장", True),
        (2, "김용집", "광주광역시의회 의장", True),
        (3, "정병석", "전남대학교 총장", False),
        (4, "김기선", "광주과학기술원 총장", False),
        (5, "이경일", "㈜솔트룩스 대표이사", False),
    ]


WALK_IN = {
    "name": "최현장",
    "email": "",
    "phone": "",
    "organization": "광주광역시",
    "position": "주무관",
    "sector": "government",
    "consent_privacy": "on",
}


def test_a_walk_in_without_an_email_is_registered_checked_in_and_recorded(desk_client, forum):
    forum.capacity = 5
    forum.save()
    response = desk_client.post(reverse("desk:walk-in", args=[forum.pk]), WALK_IN, follow=True)
    assert "최현장 님을 등록하고 현장 확인했습니다." in response.text
    walk_in = person("최현장")
    assert (walk_in.status, walk_in.walk_in, walk_in.email, walk_in.checked_in_at is not None) == (
        "confirmed",
        True,
        "",
        True,
    )
    assert walk_in.consent_version != "" and walk_in.consented_at is not None
    assert not PendingMail.objects.filter(registration=walk_in).exists()  # no address, no mail
    record = ActionRecord.objects.get(action="desk_registration")
    assert (record.actor.username, record.details) == ("desk", {"walk_in": True, "over_capacity": False})
    second = desk_client.post(reverse("desk:walk-in", args=[forum.pk]), {**WALK_IN, "name": "윤현장"})
    assert second.status_code == 302  # two walk-ins without an address are two people
    assert response.context["counts"]["walk_ins"] == 1


def test_the_person_ticks_the_consent_themselves(desk_client, forum):
    response = desk_client.post(reverse("desk:walk-in", args=[forum.pk]), {**WALK_IN, "consent_privacy": ""})
    assert response.context["form"].errors == {
        "consent_privacy": ["참가 신청을 하려면 개인정보 수집·이용에 동의해 주셔야 합니다."]
    }
    assert not Registration.objects.filter(name="최현장").exists()


def test_at_a_full_forum_the_desk_chooses_before_handing_over_and_admitting_is_the_default(desk_client, forum):
    url = reverse("desk:walk-in", args=[forum.pk])
    desk = desk_client.get("/desk/", {"forum": forum.pk})
    assert "정원이 찼습니다. 현장 등록:" in desk.text
    assert f'href="{url}?when_full=admit">정원 외로 입장</a>' in desk.text
    assert f'href="{url}?when_full=wait">대기자로 등록</a>' in desk.text
    # The screen handed to the person holds their details and the consent, no staff choice.
    handed = desk_client.get(url, {"when_full": "admit"})
    assert ("admit_over_capacity" in handed.text, "정원" in handed.text) == (False, False)
    desk_client.post(url + "?when_full=wait", {**WALK_IN, "name": "대기현장"})
    assert person("대기현장").status == "waitlisted"
    done = desk_client.post(url, {**WALK_IN, "email": "choi@example.kr"}, follow=True)  # no choice: admitted
    assert "최현장 님을 정원 외로 입장 등록하고 현장 확인했습니다." in done.text
    admitted = person("최현장")
    assert (admitted.status, admitted.over_capacity, admitted.checked_in_at is not None) == ("confirmed", True, True)
    record = ActionRecord.objects.get(action="desk_registration", registration=admitted)
    assert record.details == {"walk_in": True, "over_capacity": True}
    # A seat freed later goes to the first person waiting, not to the walk-in's count.
    services.registration_cancel(registration=person("김영업"), by=User.objects.get(username="desk"))
    assert person("이대기").status == "confirmed"
    assert person("대기현장").status == "waitlisted"


def test_a_prefix_of_a_check_in_code_finds_no_one(desk_client, forum):
    """Only the whole code checks a person in: a photo of half a badge is not enough."""
    kim = person("김영업")
    for prefix in (kim.check_in_code[:8], kim.check_in_code[:-1]):
        answer = desk_client.post(reverse("desk:scan-code", args=[forum.pk]), {"code": prefix}, **JSON).json()
        assert (answer["colour"], answer["message"]) == ("red", "알 수 없는 코드입니다.")
    assert person("김영업").checked_in_at is None


def test_admit_over_capacity_chosen_while_seats_are_free_takes_a_seat_as_usual(desk_client, forum):
    forum.capacity = 5
    forum.save()
    url = reverse("desk:walk-in", args=[forum.pk])
    desk_client.post(url + "?when_full=admit", WALK_IN)
    walk_in = person("최현장")
    assert (walk_in.status, walk_in.over_capacity) == ("confirmed", False)
    forum.refresh_from_db()
    assert forum.seats_taken == 2  # 김영업 and the walk-in: the choice changed nothing while seats were free


def test_a_person_admitted_over_capacity_does_not_make_the_forum_look_full_at_the_door(desk_client, forum):
    url = reverse("desk:walk-in", args=[forum.pk])
    desk_client.post(url, {**WALK_IN, "email": "choi@example.kr"})
    assert person("최현장").over_capacity is True
    services.registration_cancel(registration=person("김영업"), by=User.objects.get(username="desk"))
    services.registration_cancel(registration=person("이대기"), by=User.objects.get(username="desk"))
    # One seat free, and one more person confirmed than seats: the seat is still there.
    page = desk_client.get("/desk/", {"forum": forum.pk})
    assert ("정원이 찼습니다." in page.text, f'href="{url}">현장 등록</a>' in page.text) == (False, True)
    desk_client.post(url, {**WALK_IN, "name": "윤현장", "email": "yoon@example.kr"})
    assert (person("윤현장").status, person("윤현장").over_capacity) == ("confirmed", False)


def test_the_poll_brings_the_rows_of_people_registered_since_and_records_them(desk_client, forum):
    page = desk_client.get("/desk/", {"forum": forum.pk})
    latest = page.context["latest"]
    state_url = reverse("desk:state", args=[forum.pk])
    assert desk_client.get(state_url, {"after": latest}).json()["new_rows"] == []
    before = AccessRecord.objects.count()

    desk_client.post(reverse("desk:walk-in", args=[forum.pk]), {**WALK_IN, "name": "윤현장"})  # at the other desk
    newcomer = person("윤현장")
    state = desk_client.get(state_url, {"after": latest}).json()
    [row] = state["new_rows"]
    assert f'id="person-{newcomer.pk}"' in row and "윤현장" in row and 'data-search="윤현장 광주광역시 ㅇㅎㅈ ' in row
    assert 'name="csrfmiddlewaretoken"' in row  # its buttons work like the others
    assert state["latest"] == newcomer.pk
    record = AccessRecord.objects.order_by("pk").last()
    assert (record.registration_ids, record.details) == ([newcomer.pk], {"forum": forum.pk, "lookup": "new"})
    assert AccessRecord.objects.count() == before + 1  # the new row, once
    assert desk_client.get(state_url, {"after": state["latest"]}).json()["new_rows"] == []
