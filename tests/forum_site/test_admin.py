"""The staff admin: every page opens, lists stay cheap, roles hold."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.admin_forms import TalkInlineForm
from tests.factories import ForumFactory, RegistrationFactory, SeriesFactory, SpeakerFactory, TalkFactory

pytestmark = pytest.mark.django_db

OUR_APPS = {"speakers", "events", "attendees"}
OUR_MODELS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in OUR_APPS
)


def test_every_model_of_ours_is_in_the_admin():
    assert OUR_MODELS == [
        ("attendees", "accessrecord"),
        ("attendees", "actionrecord"),
        ("attendees", "question"),
        ("attendees", "registration"),
        ("attendees", "subscription"),
        ("attendees", "survey"),
        ("attendees", "surveyitem"),
        ("events", "forum"),
        ("events", "forumphoto"),
        ("events", "series"),
        ("events", "talk"),
        ("events", "venue"),
        ("speakers", "speaker"),
    ]


@pytest.mark.parametrize(("app_label", "model_name"), OUR_MODELS)
def test_changelist_and_add_page_open_for_superuser(admin_client, demo, app_label, model_name):
    RegistrationFactory(forum=demo.forums.get(number=3))
    for page in ("changelist", "add"):
        response = admin_client.get(reverse(f"admin:{app_label}_{model_name}_{page}"))
        # The records (and subscriptions) are written by the site alone: nobody adds one by hand.
        read_only = model_name in ("accessrecord", "actionrecord", "subscription")
        assert response.status_code == (403 if read_only and page == "add" else 200), page


def test_admin_speaks_korean_by_default(admin_client, demo):
    response = admin_client.get(reverse("admin:events_forum_changelist"))
    assert response.headers["Content-Language"] == "ko"
    assert "포럼" in response.text


def test_forum_change_page_shows_talks_with_speaker_autocomplete(admin_client, demo):
    forum = demo.forums.get(number=2)
    response = admin_client.get(reverse("admin:events_forum_change", args=[forum.pk]))
    assert response.status_code == 200
    assert "인공지능과 산업혁신" in response.text
    assert 'data-ajax--url="/admin/autocomplete/"' in response.text


def test_forum_changelist_shows_counts_against_capacity(admin_client):
    forum = ForumFactory(capacity=10)
    RegistrationFactory.create_batch(3, forum=forum)
    RegistrationFactory.create_batch(2, forum=forum, status="waitlisted")
    RegistrationFactory(forum=forum, status="cancelled")
    response = admin_client.get(reverse("admin:events_forum_changelist"))
    assert '<td class="field-seats">3 / 10</td>' in response.text
    assert '<td class="field-waitlisted">2</td>' in response.text


def changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:events_forum_changelist"))
    assert response.status_code == 200
    return len(queries)


def test_forum_changelist_query_count_does_not_grow_with_forums(admin_client):
    series = SeriesFactory()
    ForumFactory(series=series)
    with_one = changelist_queries(admin_client)
    for forum in ForumFactory.create_batch(9, series=series):
        RegistrationFactory(forum=forum)
    assert changelist_queries(admin_client) == with_one


def test_talk_inline_keeps_the_speakers_in_the_chosen_order():
    talk = TalkFactory()
    first, second = SpeakerFactory(name="나중"), SpeakerFactory(name="가장")
    data = {"order": 1, "title": talk.title, "slug": talk.slug, "speakers_in_order": [first.pk, second.pk]}
    form = TalkInlineForm(data=data, instance=talk)
    assert form.is_valid(), form.errors
    form.save()
    assert [link.speaker for link in talk.talk_speakers.all()] == [first, second]
    assert TalkInlineForm(instance=talk).initial["speakers_in_order"] == [first.pk, second.pk]


def staff_in(group_name):
    call_command("setup_roles")
    user = User.objects.create_user("staff", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_setup_roles_gives_each_group_exactly_its_permissions():
    Group.objects.create(name="포럼 편집자")  # the earlier name of the content editors
    call_command("setup_roles")
    call_command("setup_roles")  # idempotent
    desk = Group.objects.get(name="접수 데스크")
    assert list(desk.permissions.values_list("codename", flat=True)) == ["use_desk"]
    editors = Group.objects.get(name="콘텐츠 편집자")
    assert editors.permissions.count() == 25
    # No personal data: of the attendees app, only the survey's results, which hold no person.
    attendees_perms = editors.permissions.filter(content_type__app_label="attendees")
    assert list(attendees_perms.values_list("codename", flat=True)) == ["view_survey"]
    managers = Group.objects.get(name="포럼 담당자")
    attendees = managers.permissions.filter(content_type__app_label="attendees").values_list("codename", flat=True)
    assert sorted(attendees) == [
        "add_option",
        "add_question",
        "add_registration",
        "add_survey",
        "add_surveychoice",
        "add_surveyitem",
        "change_option",
        "change_question",
        "change_registration",
        "change_survey",
        "change_surveychoice",
        "change_surveyitem",
        "correct_check_in",
        "delete_option",
        "delete_question",
        "delete_survey",
        "delete_surveychoice",
        "delete_surveyitem",
        "use_desk",
        "view_actionrecord",
        "view_option",
        "view_question",
        "view_registration",
        "view_statistics",
        "view_subscription",
        "view_survey",
        "view_surveychoice",
        "view_surveyitem",
    ]
    assert managers.permissions.count() == 64
    assert sorted(Group.objects.values_list("name", flat=True)) == ["접수 데스크", "콘텐츠 편집자", "포럼 담당자"]


def test_the_desk_has_nothing_in_the_admin_but_the_way_to_the_desk(client):
    client.force_login(staff_in("접수 데스크"))
    forum = ForumFactory()
    registration = RegistrationFactory(forum=forum)
    index = client.get(reverse("admin:index"))
    assert '<a href="/desk/">접수 데스크</a>' in index.text
    assert client.get(reverse("admin:events_forum_changelist")).status_code == 403
    assert client.get(reverse("admin:events_forum_change", args=[forum.pk])).status_code == 403
    assert client.get(reverse("admin:attendees_registration_changelist")).status_code == 403
    assert client.get(reverse("admin:attendees_registration_change", args=[registration.pk])).status_code == 403


@pytest.mark.parametrize(
    ("role", "runs_registrations", "actions"),
    [
        ("콘텐츠 편집자", False, ["publish_reports", "withdraw_reports"]),
        (
            "포럼 담당자",
            True,
            [
                "delete_selected",
                "publish_forums",
                "publish_reports",
                "withdraw_reports",
                "announce",
                "send_thank_you",
                "cancel_forum",
            ],
        ),
    ],
)
def test_a_forums_text_is_for_both_roles_and_what_reaches_registered_people_for_the_manager(
    client, role, runs_registrations, actions
):
    client.force_login(staff_in(role))
    forum = ForumFactory()
    allowed = 200 if runs_registrations else 403
    assert client.get(reverse("admin:events_forum_add")).status_code == allowed
    assert client.get(reverse("admin:attendees_registration_changelist")).status_code == allowed
    page = client.get(reverse("admin:events_forum_change", args=[forum.pk]))
    assert ('name="title"' in page.text, 'name="report"' in page.text) == (True, True)
    fields = ('name="starts_at_0"', 'name="capacity"', 'name="status"')
    assert [field in page.text for field in fields] == [runs_registrations] * 3
    changelist = client.get(reverse("admin:events_forum_changelist"))
    offered = [value for value, _label in changelist.context["action_form"].fields["action"].choices if value]
    assert offered == actions
    assert ("/admin/attendees/registration/" in changelist.text) == runs_registrations


def test_admin_login_locks_out_after_repeated_failures(client, settings):
    User.objects.create_user("clerk", password="the-right-password-1", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "clerk", "password": "guess"})
    response = client.post("/admin/login/", {"username": "clerk", "password": "the-right-password-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_from_one_address_never_lock_the_real_user_out_from_another(settings):
    from django.test import Client

    User.objects.create_user("admin", password="the-right-password-1", is_staff=True)
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        attacker.post("/admin/login/", {"username": "admin", "password": "guess"})
    locked = attacker.post("/admin/login/", {"username": "admin", "password": "the-right-password-1"})
    assert locked.status_code == 429  # the guessing address stays locked for that name

    real = Client(REMOTE_ADDR="198.51.100.10")
    response = real.post("/admin/login/?next=/admin/", {"username": "admin", "password": "the-right-password-1"})
    assert (response.status_code, response.url) == (302, "/admin/")
    assert real.session["_auth_user_id"] == str(User.objects.get(username="admin").pk)

    # A failed try from a third address, after the lock-out, does not block the real user either.
    Client(REMOTE_ADDR="192.0.2.5").post("/admin/login/", {"username": "admin", "password": "guess"})
    again = Client(REMOTE_ADDR="198.51.100.10").post(
        "/admin/login/", {"username": "admin", "password": "the-right-password-1"}
    )
    assert again.status_code == 302


def test_a_spray_of_usernames_from_one_address_is_refused_without_hashing(settings, one_rate_window):
    """The audit's flood: a new username each time, so axes' per-username lock-out never
    holds. After LOGIN_FAILURE_LIMIT_PER_CLIENT failures the address is refused with 429,
    and a refused attempt computes no password hash; the real user elsewhere signs in."""
    from django.test import Client

    from tests.forum_site.counting_hasher import CountingMD5PasswordHasher

    settings.PASSWORD_HASHERS = ["tests.forum_site.counting_hasher.CountingMD5PasswordHasher"]
    User.objects.create_user("admin", password="the-right-password-1", is_staff=True)
    sprayer = Client(REMOTE_ADDR="203.0.113.66")
    CountingMD5PasswordHasher.hashes = 0
    statuses = [
        sprayer.post("/admin/login/", {"username": f"user{i}", "password": "Winter2026!"}).status_code
        for i in range(40)
    ]
    assert statuses == [200] * 30 + [429] * 10
    assert CountingMD5PasswordHasher.hashes == 30  # one per attempt that was let through, none after
    refused = sprayer.post("/admin/login/", {"username": "admin", "password": "the-right-password-1"})
    assert refused.status_code == 429
    assert "로그인에 너무 여러 번 실패했습니다" in refused.text
    assert CountingMD5PasswordHasher.hashes == 30

    real = Client(REMOTE_ADDR="198.51.100.10")
    response = real.post("/admin/login/?next=/admin/", {"username": "admin", "password": "the-right-password-1"})
    assert (response.status_code, response.url) == (302, "/admin/")


def test_an_ipv6_sprayer_is_one_client_across_its_64(settings, one_rate_window):
    from django.test import Client

    settings.LOGIN_FAILURE_LIMIT_PER_CLIENT = "3/15m"
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:5:6::{i + 1:x}").post("/admin/login/", {"username": f"u{i}", "password": "x"})
        for i in range(4)
    ]
    assert [response.status_code for response in statuses] == [200, 200, 200, 429]


def test_django_s_delete_action_speaks_the_korean_the_city_writes(admin_client):
    from tests.factories import VenueFactory

    venues = [VenueFactory(), VenueFactory()]
    changelist = reverse("admin:events_venue_changelist")
    page = admin_client.get(changelist)
    assert '<option value="delete_selected">선택한 장소 삭제</option>' in page.text
    selected = {"action": "delete_selected", "_selected_action": [venue.pk for venue in venues]}
    asked = admin_client.post(changelist, selected)
    assert "선택한 장소 항목을 삭제합니다. 아래 항목과 여기에 딸린 항목이 모두 삭제됩니다. 계속할까요?" in asked.text
    assert 'value="네, 진행합니다"' in asked.text and "아니요, 돌아갑니다" in asked.text
    done = admin_client.post(changelist, {**selected, "post": "yes"}, follow=True)
    assert [str(message) for message in done.context["messages"]] == ["장소 2건을 삭제했습니다."]
