"""Staff actions in the admin go through the same services as the public pages."""

import pytest
from django.urls import reverse

from attendees.models import ActionRecord, ActorKind, Registration
from attendees.registrations import services
from tests.admin_forms import forum_change_form
from tests.factories import ForumFactory, RegistrationFactory, seoul
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/attendees/registration/"


def act(client, action, registrations):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [r.pk for r in registrations]}, follow=True)


def test_the_cancel_action_says_whom_it_will_cancel_and_waits_for_a_yes(admin_client):
    forum = ForumFactory(capacity=1)
    holder = RegistrationFactory(forum=forum)
    waiting = RegistrationFactory(forum=forum, status="waitlisted")
    asked = act(admin_client, "cancel", [holder, waiting])
    assert "신청 2건을 취소합니다 (참가 확정 1명, 대기 1명). 각자에게 메일로 알리고" in asked.text
    assert 'name="confirmed" value="yes"' in asked.text
    assert sorted(Registration.objects.values_list("status", flat=True)) == ["confirmed", "waitlisted"]
    assert ActionRecord.objects.filter(action="registration_cancelled").count() == 0


def test_admin_cancel_promotes_the_first_waiting(admin_client):
    forum = ForumFactory(capacity=1)
    holder = RegistrationFactory(forum=forum)
    first = RegistrationFactory(forum=forum, status="waitlisted")
    RegistrationFactory(forum=forum, status="waitlisted")
    response = admin_client.post(
        CHANGELIST, {"action": "cancel", "_selected_action": [holder.pk], "confirmed": "yes"}, follow=True
    )
    assert "1건 취소, 대기자 1명 확정." in response.text
    assert Registration.objects.get(pk=first.pk).status == "confirmed"
    assert queued_mail(to=first.email).count() == 1


def test_admin_promote_refuses_a_full_forum(admin_client):
    forum = ForumFactory(capacity=1)
    RegistrationFactory(forum=forum)
    waiting = RegistrationFactory(forum=forum, status="waitlisted")
    response = act(admin_client, "promote", [waiting])
    assert f"{waiting.name}: 정원이 찼습니다. 먼저 정원을 늘려 주세요." in response.text
    assert Registration.objects.get(pk=waiting.pk).status == "waitlisted"


def test_admin_check_in_and_resend(admin_client):
    registration = RegistrationFactory()
    assert "1명 현장 확인했습니다." in act(admin_client, "check_in", [registration]).text
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None
    assert "메일 1통을 보낼 목록에 넣었습니다." in act(admin_client, "resend_confirmation", [registration]).text
    assert queued_mail(to=registration.email).count() == 1


def test_the_forum_manager_can_check_in_from_the_admin(client):
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    call_command("setup_roles")
    user = User.objects.create_user("manager", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="포럼 담당자"))
    client.force_login(user)
    registration = RegistrationFactory()
    act(client, "check_in", [registration])
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None


def test_raising_capacity_in_the_forum_admin_promotes(admin_client):
    forum = ForumFactory(capacity=1, venue=None)
    RegistrationFactory(forum=forum)
    waiting = RegistrationFactory.create_batch(3, forum=forum, status="waitlisted")
    data = forum_change_form(forum, capacity=3)
    response = admin_client.post(reverse("admin:events_forum_change", args=[forum.pk]), data, follow=True)
    assert response.status_code == 200
    assert "대기자 2명이 참가 확정되었습니다." in response.text
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]


def test_status_cannot_be_edited_by_hand(admin_client):
    registration = RegistrationFactory()
    response = admin_client.get(reverse("admin:attendees_registration_change", args=[registration.pk]))
    assert 'name="status"' not in response.text


def desk_registration(forum, **overrides):
    return {
        "forum": forum.pk,
        "name": "현장등록",
        "email": "Walk.In@example.kr",
        "phone": "",
        "organization": "광주시",
        "position": "주무관",
        "sector": "government",
        "language": "ko",
        "consent_privacy": "on",
        **overrides,
    }


def test_desk_registration_goes_through_the_service(admin_client):
    forum = ForumFactory(capacity=1)
    response = admin_client.post(reverse("admin:attendees_registration_add"), desk_registration(forum), follow=True)
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert (registration.email, registration.status, registration.consent_privacy) == (
        "walk.in@example.kr",
        "confirmed",
        True,
    )
    assert registration.consent_version != "" and registration.consented_at is not None
    assert queued_mail(to="walk.in@example.kr").count() == 1

    second = admin_client.post(
        reverse("admin:attendees_registration_add"), desk_registration(forum, email="second@example.kr"), follow=True
    )
    assert "정원이 찼습니다: 대기자로 등록했습니다." in second.text
    assert Registration.objects.get(email="second@example.kr").status == "waitlisted"


def test_desk_registration_after_online_registration_closed(admin_client):
    import datetime

    from django.utils import timezone

    forum = ForumFactory(registration_closes_at=timezone.now() - datetime.timedelta(days=1))
    admin_client.post(reverse("admin:attendees_registration_add"), desk_registration(forum))
    assert Registration.objects.get().forum == forum


def test_desk_registration_needs_consent_and_a_new_email(admin_client):
    forum = ForumFactory()
    RegistrationFactory(forum=forum, email="walk.in@example.kr")
    response = admin_client.post(
        reverse("admin:attendees_registration_add"), desk_registration(forum, consent_privacy="")
    )
    errors = response.context["adminform"].form.errors
    assert errors == {
        "email": ["이 이메일 주소로 이미 이 포럼에 신청되어 있습니다."],
        "consent_privacy": ["참가 신청을 하려면 본인의 개인정보 수집·이용 동의가 필요합니다."],
    }
    assert Registration.objects.count() == 1


def test_desk_registration_refused_for_a_cancelled_forum(admin_client):
    forum = ForumFactory(status="cancelled")
    response = admin_client.post(reverse("admin:attendees_registration_add"), desk_registration(forum))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"forum": ["이 포럼은 취소되었습니다."]}
    assert Registration.objects.count() == 0


def change_form(registration, **overrides):
    return {
        "name": registration.name,
        "email": registration.email,
        "phone": registration.phone,
        "organization": registration.organization,
        "position": registration.position,
        "sector": registration.sector,
        **overrides,
    }


def test_changing_an_email_to_one_already_registered_is_a_form_error(admin_client):
    forum = ForumFactory()
    RegistrationFactory(forum=forum, email="taken@example.kr")
    registration = RegistrationFactory(forum=forum, email="mine@example.kr")
    response = admin_client.post(
        reverse("admin:attendees_registration_change", args=[registration.pk]),
        change_form(registration, email=" TAKEN@example.kr "),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "email": ["이 이메일 주소로 이미 이 포럼에 신청되어 있습니다."]
    }
    assert Registration.objects.get(pk=registration.pk).email == "mine@example.kr"


def test_staff_edits_are_stored_canonical(admin_client):
    registration = RegistrationFactory()
    response = admin_client.post(
        reverse("admin:attendees_registration_change", args=[registration.pk]),
        change_form(
            registration, name="  김\u1100\u1175  ", email=" ｐａｒｋ@Example.KR ", phone="０１０ ９８７６ ５４３２"
        ),
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.phone) == ("김기", "park@example.kr", "01098765432")


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("email", "kim\x01@example.kr", "올바른 이메일 주소를 입력해 주세요."),
        ("email", "kim@[10.0.0.1]", "IP 주소가 아닌 도메인 이름이 있는 이메일 주소를 입력해 주세요."),
        ("name", "김\x07광주", "특수 문자를 지워 주세요."),
    ],
)
def test_staff_edits_refuse_what_the_public_form_refuses(admin_client, field, value, error):
    registration = RegistrationFactory()
    response = admin_client.post(
        reverse("admin:attendees_registration_change", args=[registration.pk]),
        change_form(registration, **{field: value}),
    )
    assert response.context["adminform"].form.errors == {field: [error]}


def test_a_stale_change_form_never_undoes_a_cancellation(admin_client):
    forum = ForumFactory(capacity=1)
    holder = RegistrationFactory(forum=forum)
    waiting = RegistrationFactory(forum=forum, status="waitlisted")
    url = reverse("admin:attendees_registration_change", args=[holder.pk])
    stale = admin_client.get(url)  # staff opens the page while the seat is held
    assert stale.status_code == 200
    services.registration_cancel(registration=holder, by=ActorKind.ATTENDEE)  # the attendee cancels meanwhile
    response = admin_client.post(url, change_form(holder, organization="광주광역시청"))
    assert response.status_code == 302
    holder.refresh_from_db()
    assert (holder.status, holder.organization) == ("cancelled", "광주광역시청")
    assert Registration.objects.filter(forum=forum).confirmed().get() == waiting


@pytest.mark.parametrize(
    ("forum_state", "error"),
    [
        ({"status": "draft"}, "공개되어 있고 아직 끝나지 않은 포럼만 신청을 받을 수 있습니다."),
        (
            {"starts_at": seoul(2020, 8, 5), "ends_at": seoul(2020, 8, 5, 9, 30)},
            "공개되어 있고 아직 끝나지 않은 포럼만 신청을 받을 수 있습니다.",
        ),
        ({"status": "cancelled"}, "이 포럼은 취소되었습니다."),
    ],
)
def test_desk_registration_only_for_a_published_forum_not_yet_ended(admin_client, forum_state, error):
    forum = ForumFactory(**forum_state)
    response = admin_client.post(reverse("admin:attendees_registration_add"), desk_registration(forum))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"forum": [error]}
    assert Registration.objects.count() == 0
    assert queued_mail().count() == 0


def test_desk_registration_while_the_forum_is_under_way(admin_client, admin_user):
    import time_machine

    forum = ForumFactory(starts_at=seoul(2030, 1, 8), ends_at=seoul(2030, 1, 8, 9, 30))
    with time_machine.travel(seoul(2030, 1, 8, 8, 0), tick=False):
        admin_client.force_login(admin_user)  # a session of that morning
        response = admin_client.post(reverse("admin:attendees_registration_add"), desk_registration(forum))
    assert (response.status_code, response.url) == (302, "/admin/attendees/registration/")
    assert Registration.objects.get().forum == forum
