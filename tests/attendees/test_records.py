"""Who did what: every state change names its actor with the state before and after;
every staff look at personal data leaves an access record no one can edit or delete."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry as ContentEdit
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.urls import reverse

from attendees.models import AccessRecord, Action, ActionRecord, ActorKind, Registration
from attendees.registrations import services
from tests.admin_forms import forum_change_form
from tests.factories import ForumFactory, RegistrationFactory, registered, seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture(autouse=True)
def _before_the_forums():
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        yield


def records():
    return [
        (r.action, r.actor_kind, r.actor.username if r.actor else None, r.registration_id, r.before, r.after)
        for r in ActionRecord.objects.order_by("pk")
    ]


def test_each_state_change_is_recorded_with_its_actor(staff_user):
    forum = ForumFactory(capacity=1, starts_at=seoul(2030, 1, 8))
    kim = registered(forum, "kim@example.kr")
    lee = registered(forum, "lee@example.kr")
    desk = registered(forum, "desk@example.kr", by=staff_user)
    services.registration_resend_confirmation(registration=lee, by=staff_user)
    services.registration_cancel(registration=kim, by=ActorKind.ATTENDEE)  # promotes lee
    services.registration_check_in(registration=lee, by=staff_user)
    services.forum_capacity_change(forum=forum, capacity=2, by=staff_user)  # promotes desk
    assert records() == [
        ("registration_created", "attendee", None, kim.pk, "", "confirmed"),
        ("registration_created", "attendee", None, lee.pk, "", "waitlisted"),
        ("desk_registration", "staff", "desk-clerk", desk.pk, "", "waitlisted"),
        ("mail_resent", "staff", "desk-clerk", lee.pk, "waitlisted", "waitlisted"),
        ("registration_cancelled", "attendee", None, kim.pk, "confirmed", "cancelled"),
        ("registration_promoted", "attendee", None, lee.pk, "waitlisted", "confirmed"),
        ("registration_checked_in", "staff", "desk-clerk", lee.pk, "confirmed", "checked_in"),
        ("capacity_changed", "staff", "desk-clerk", None, "1", "2"),
        ("registration_promoted", "staff", "desk-clerk", desk.pk, "waitlisted", "confirmed"),
    ]


def test_a_correction_records_the_fields_never_their_values(staff_user):
    registration = RegistrationFactory(name="김광주", phone="01012345678")
    services.registration_details_update(
        registration=registration, changes={"name": "김광주", "phone": "010-9999-8888"}, by=staff_user
    )
    record = ActionRecord.objects.get(action=Action.DETAILS_CORRECTED)
    assert record.details == {"fields": ["phone"]}
    assert "9999" not in str(record.details) and "01012345678" not in str(record.details)


def test_a_refused_change_leaves_no_record(staff_user):
    registration = RegistrationFactory(status="cancelled")
    with pytest.raises(services.RegistrationError):
        services.registration_cancel(registration=registration, by=staff_user)
    assert ActionRecord.objects.count() == 0


def test_the_registration_history_is_in_korean(admin_client, staff_user):
    forum = ForumFactory(capacity=5, starts_at=seoul(2030, 1, 8))
    registration = registered(forum, "kim@example.kr")
    services.registration_details_update(registration=registration, changes={"organization": "광주시청"}, by=staff_user)
    services.registration_cancel(registration=registration, by=staff_user)
    page = admin_client.get(reverse("admin:attendees_registration_history", args=[registration.pk]))
    assert page.status_code == 200
    rows = page.context["rows"]
    assert [(row["who"], str(row["what"]), row["details"]) for row in rows] == [
        ("신청자 본인 (개인 링크)", "참가 신청", "– → 참가 확정"),
        ("desk-clerk", "정보 수정", "수정: 소속"),
        ("desk-clerk", "신청 취소", "참가 확정 → 취소됨"),
    ]


def test_content_edits_are_recorded_field_by_field_with_the_editor(admin_client):
    forum = ForumFactory(capacity=80, venue=None, starts_at=seoul(2030, 1, 8))
    data = forum_change_form(forum, title="AI와 제조업")
    assert admin_client.post(reverse("admin:events_forum_change", args=[forum.pk]), data).status_code == 302
    edit = ContentEdit.objects.get_for_object(forum).filter(action=ContentEdit.Action.UPDATE).get()
    assert edit.actor.username == "admin"
    assert edit.changes_dict == {"title": [forum.title, "AI와 제조업"]}

    page = admin_client.get(reverse("admin:events_forum_history", args=[forum.pk]))
    details = [row["details"] for row in page.context["rows"]]
    assert f"주제: {forum.title} → AI와 제조업" in details
    assert "Capacity" not in page.text and "Title" not in page.text


def test_the_admin_index_puts_the_citys_work_first_and_libraries_last_in_korean(admin_client):
    apps = admin_client.get("/admin/").context["app_list"]
    assert [app["app_label"] for app in apps] == [
        "events",
        "speakers",
        "attendees",
        "auth",
        "post_office",
        "axes",
        "auditlog",
        "django_tasks_database",
    ]
    assert [str(model["name"]) for model in apps[0]["models"][:2]] == ["포럼 시리즈", "포럼"]
    assert str(apps[2]["models"][0]["name"]) == "참가 신청"
    assert [str(app["name"]) for app in apps[4:]] == [
        "메일 발송 기록",
        "로그인 잠금",
        "콘텐츠 수정 기록",
        "백그라운드 작업",
    ]


def test_permission_names_are_korean():
    call_command("setup_roles")
    assert Permission.objects.get(codename="change_forum").name == "포럼 변경"
    assert Permission.objects.get(codename="view_registration").name == "참가 신청 보기"
    assert set(Group.objects.get(name="접수 데스크").permissions.values_list("name", flat=True)) == {"접수 데스크 사용"}


# --- Access records


def test_opening_listing_changing_and_acting_on_registrations_is_recorded(admin_client):
    forum = ForumFactory()
    first, second = RegistrationFactory(forum=forum), RegistrationFactory(forum=forum)
    changelist = reverse("admin:attendees_registration_changelist")
    admin_client.get(changelist, {"forum__id__exact": forum.pk, "q": "참가자"}, REMOTE_ADDR="10.20.30.40")
    admin_client.get(reverse("admin:attendees_registration_change", args=[first.pk]))
    admin_client.post(
        reverse("admin:attendees_registration_change", args=[first.pk]),
        {
            "name": "새이름",
            "email": first.email,
            "phone": "",
            "organization": first.organization,
            "position": first.position,
            "sector": first.sector,
        },
    )
    admin_client.post(changelist, {"action": "check_in", "_selected_action": [first.pk, second.pk]})
    got = [
        (r.username, r.ip_address, r.kind, r.registration_ids, r.row_count, r.details)
        for r in AccessRecord.objects.order_by("pk")
    ]
    assert got[0] == (
        "admin",
        "10.20.30.40",
        "list",
        sorted([first.pk, second.pk]),
        2,
        {"filters": {"forum__id__exact": str(forum.pk)}, "searched": True},
    )
    assert got[1] == ("admin", "127.0.0.1", "view", [first.pk], 1, {})
    assert got[2] == ("admin", "127.0.0.1", "change", [first.pk], 1, {"fields": ["name"]})
    assert got[3] == ("admin", "127.0.0.1", "action", sorted([first.pk, second.pk]), 2, {"action": "check_in"})
    # The search term itself may be a name: it is not kept.
    assert "참가자" not in str(got) and "새이름" not in str(got)


def test_access_records_cannot_be_edited_or_deleted_even_by_the_superuser(admin_client):
    RegistrationFactory()
    admin_client.get(reverse("admin:attendees_registration_changelist"))
    record = AccessRecord.objects.get()
    change_url = reverse("admin:attendees_accessrecord_change", args=[record.pk])
    assert admin_client.post(change_url, {"username": "someone-else"}).status_code == 403
    assert (
        admin_client.post(reverse("admin:attendees_accessrecord_delete", args=[record.pk]), {"post": "yes"}).status_code
        == 403
    )
    bulk = admin_client.post(
        reverse("admin:attendees_accessrecord_changelist"),
        {"action": "delete_selected", "_selected_action": [record.pk]},
    )
    assert bulk.status_code == 200  # no such action is offered
    assert AccessRecord.objects.get(pk=record.pk).username == "admin"


def test_the_privacy_officer_filters_by_account_date_and_action(admin_client):
    RegistrationFactory()
    admin_client.get(reverse("admin:attendees_registration_changelist"))
    url = reverse("admin:attendees_accessrecord_changelist")
    response = admin_client.get(url, {"username": "admin", "kind__exact": "list", "at__year": "2030"})
    assert [record.kind for record in response.context["cl"].result_list] == ["list"]
    assert admin_client.get(url, {"kind__exact": "export"}).context["cl"].result_list.count() == 0


def test_the_forum_manager_cannot_read_the_access_records(client):
    call_command("setup_roles")
    manager = User.objects.create_user("manager", password="a-long-password-1", is_staff=True)
    manager.groups.add(Group.objects.get(name="포럼 담당자"))
    client.force_login(manager)
    assert client.get(reverse("admin:attendees_accessrecord_changelist")).status_code == 403
    assert client.get(reverse("admin:attendees_registration_changelist")).status_code == 200
    assert AccessRecord.objects.get().username == "manager"


def test_access_records_are_kept_two_years_then_removed_by_the_purge():
    AccessRecord.objects.create(username="old", kind="list", at=datetime.datetime(2028, 1, 1, 11, 59, tzinfo=SEOUL))
    AccessRecord.objects.create(username="kept", kind="list", at=datetime.datetime(2028, 1, 2, 12, 1, tzinfo=SEOUL))
    call_command("purge_personal_data", stdout=open("/dev/null", "w"))
    assert list(AccessRecord.objects.values_list("username", flat=True)) == ["kept"]


def test_registrations_deleted_by_the_superuser_keep_their_records(admin_client):
    registration = RegistrationFactory()
    services.registration_check_in(registration=registration, by=ActorKind.SYSTEM)
    admin_client.post(reverse("admin:attendees_registration_delete", args=[registration.pk]), {"post": "yes"})
    assert not Registration.objects.exists()
    assert ActionRecord.objects.filter(action="registration_checked_in", registration=None).count() == 1
    assert AccessRecord.objects.filter(kind="delete", registration_ids=[registration.pk]).count() == 1
