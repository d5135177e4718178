"""The desk reaches only the forums it offers and only their own people: a crawl of every
desk address with other forums' ids and other people's ids, for each role, finds nothing
and changes nothing. Once a forum has ended, its check-ins are the admin's."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.urls import reverse

from attendees.models import AccessRecord, ActionRecord, Registration
from events.models import Guest
from tests.factories import ForumFactory, RegistrationFactory, seoul

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
MORNING = datetime.datetime(2030, 1, 8, 7, 12, tzinfo=SEOUL)
JSON = {"HTTP_ACCEPT": "application/json"}
ROLES = {"desk": "접수 데스크", "editor": "콘텐츠 편집자", "manager": "포럼 담당자"}


@pytest.fixture(autouse=True)
def _forum_morning():
    with time_machine.travel(MORNING, tick=False):
        yield


@pytest.fixture
def forums():
    """Today's forum (the desk's), and three it must not reach: a past one whose people
    came, a draft, and one a month ago."""
    today = ForumFactory(number=3, starts_at=seoul(2030, 1, 8))
    past = ForumFactory(number=1, starts_at=seoul(2029, 11, 13))
    draft = ForumFactory(number=5, starts_at=seoul(2030, 3, 12), status="draft")
    for forum in (today, past, draft):
        RegistrationFactory(forum=forum, name=f"김확인{forum.number}", checked_in_at=forum.starts_at)
        RegistrationFactory(forum=forum, name=f"이미도착{forum.number}")
        Guest.objects.create(forum=forum, name=f"내빈{forum.number}", title="의장")
    return today, past, draft


def signed_in(client, role):
    if role == "superuser":
        user = User.objects.create_superuser("root", password="a-long-password-1")
    else:
        call_command("setup_roles")
        user = User.objects.create_user(role, password="a-long-password-1", is_staff=True)
        user.groups.add(Group.objects.get(name=ROLES[role]))
    client.force_login(user)
    return user


def check_ins():
    return sorted(Registration.objects.values_list("pk", "checked_in_at"))


def crawl(client, today, foreign_forums):
    """Every desk address with a foreign forum, and today's with foreign people."""
    foreign_people = Registration.objects.exclude(forum=today)
    foreign_guests = Guest.objects.exclude(forum=today)
    answers = []
    for forum_id in [forum.pk for forum in foreign_forums] + [99999]:
        someone = Registration.objects.filter(forum_id=forum_id).first()
        for name in ("state", "guest-introduction", "walk-in"):
            answers.append(client.get(reverse(f"desk:{name}", args=[forum_id])))
        for name in ("check-in", "undo"):
            data = {"registration": someone.pk if someone else 1}
            answers.append(client.post(reverse(f"desk:{name}", args=[forum_id]), data, **JSON))
        answers.append(client.post(reverse("desk:scan-code", args=[forum_id]), {"code": "x"}, **JSON))
        answers.append(client.post(reverse("desk:guest", args=[forum_id]), {"guest": 1}, **JSON))
        answers.append(client.post(reverse("desk:walk-in", args=[forum_id]), {"name": "x"}))
    for person in foreign_people:
        for name in ("check-in", "undo"):
            answers.append(client.post(reverse(f"desk:{name}", args=[today.pk]), {"registration": person.pk}, **JSON))
            answers.append(client.post(reverse(f"desk:{name}", args=[today.pk]), {"registration": person.pk}))
        answers.append(client.get(reverse("desk:scan", args=[person.check_in_code])))
    for guest in foreign_guests:
        for arrived in ("1", "0"):
            data = {"guest": guest.pk, "arrived": arrived}
            answers.append(client.post(reverse("desk:guest", args=[today.pk]), data, **JSON))
    return answers


@pytest.mark.parametrize("role", ["desk", "superuser"])
def test_a_crawl_of_foreign_forums_and_people_finds_only_404s_and_changes_nothing(client, forums, role):
    today, past, draft = forums
    signed_in(client, role)
    before, records = check_ins(), ActionRecord.objects.count()
    answers = crawl(client, today, [past, draft])
    assert len(answers) == 3 * 8 + 4 * 5 + 2 * 2  # 48 addresses tried
    assert {answer.status_code for answer in answers} == {404}
    assert not any("김확인" in answer.text or "이미도착" in answer.text or "내빈" in answer.text for answer in answers)
    assert check_ins() == before
    assert ActionRecord.objects.count() == records
    assert Guest.objects.filter(arrived_at__isnull=False).count() == 0


@pytest.mark.parametrize("role", ["editor", "member", "anonymous"])
def test_roles_without_the_desk_are_sent_to_sign_in_and_change_nothing(client, forums, role):
    today, past, draft = forums
    if role == "member":
        client.force_login(User.objects.create_user("member", password="a-long-password-1"))
    elif role != "anonymous":
        signed_in(client, role)
    before = check_ins()
    answers = crawl(client, today, [today, past, draft])
    assert {answer.status_code for answer in answers} == {302}
    assert {answer.url.split("?")[0] for answer in answers} == {"/admin/login/"}
    assert check_ins() == before


def test_the_editor_role_has_no_desk_permission():
    call_command("setup_roles")
    editor = Group.objects.get(name="콘텐츠 편집자")
    assert not editor.permissions.filter(codename="use_desk").exists()
    assert Group.objects.get(name="접수 데스크").permissions.filter(codename="use_desk").exists()


def test_each_answer_that_names_a_person_is_recorded(client, forums):
    today, _past, _draft = forums
    signed_in(client, "desk")
    kim, lee = Registration.objects.filter(forum=today).order_by("pk")
    client.get("/desk/")
    client.post(reverse("desk:check-in", args=[today.pk]), {"registration": lee.pk}, **JSON)
    client.post(reverse("desk:undo", args=[today.pk]), {"registration": lee.pk})
    client.post(reverse("desk:scan-code", args=[today.pk]), {"code": kim.check_in_code}, **JSON)
    client.get(reverse("desk:state", args=[today.pk]))  # ids and states only: the page's record covers it
    records = list(AccessRecord.objects.order_by("pk").values_list("kind", "registration_ids", "details"))
    assert records == [
        ("desk", [kim.pk, lee.pk], {"forum": today.pk}),
        ("desk", [lee.pk], {"forum": today.pk, "lookup": "checked_in"}),
        ("desk", [lee.pk], {"forum": today.pk, "lookup": "undone"}),
        ("desk", [kim.pk], {"forum": today.pk, "lookup": "already"}),
    ]


def test_after_the_forum_the_desk_is_closed_and_the_admin_corrects_with_permission(client, forums):
    today, _past, _draft = forums
    signed_in(client, "desk")
    kim, lee = Registration.objects.filter(forum=today).order_by("pk")
    with time_machine.travel(today.ends_at + datetime.timedelta(minutes=1), tick=False):
        refused = client.post(reverse("desk:undo", args=[today.pk]), {"registration": kim.pk}, **JSON)
        assert (refused.status_code, refused.json()["message"]) == (
            409,
            "이미 끝난 포럼입니다. 현장 확인 기록은 관리자 화면에서 고칩니다.",
        )
        assert client.post(reverse("desk:check-in", args=[today.pk]), {"registration": lee.pk}).status_code == 302
        # The desk has no admin; an account that sees and changes registrations may not
        # either...
        changelist = reverse("admin:attendees_registration_changelist")
        assert client.post(changelist, {"action": "check_in", "_selected_action": [lee.pk]}).status_code == 403
        clerk = User.objects.create_user("clerk", password="a-long-password-1", is_staff=True)
        clerk.user_permissions.add(
            *Permission.objects.filter(codename__in=["view_registration", "change_registration"])
        )
        client.force_login(clerk)
        client.post(changelist, {"action": "undo_check_in", "_selected_action": [kim.pk]})
        client.post(changelist, {"action": "check_in", "_selected_action": [lee.pk]})
        assert check_ins() == sorted([(kim.pk, today.starts_at), (lee.pk, None), *other_check_ins(today)])
        # ... until the account is given the permission to correct them (the forum
        # manager's role has it), on the record.
        clerk.user_permissions.add(Permission.objects.get(codename="correct_check_in"))
        client.post(changelist, {"action": "check_in", "_selected_action": [lee.pk]})
    lee.refresh_from_db()
    assert lee.checked_in_at == today.ends_at + datetime.timedelta(minutes=1)
    record = ActionRecord.objects.get(action="registration_checked_in", registration=lee)
    assert record.actor == clerk


def other_check_ins(today):
    return Registration.objects.exclude(forum=today).values_list("pk", "checked_in_at")
