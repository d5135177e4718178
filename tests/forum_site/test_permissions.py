"""Who may open what: every admin page of every model, and every public page, for an
anonymous visitor, a logged-in non-staff user, the desk, a content editor, the superuser
and a forum manager."""

import datetime

import pytest
from auditlog.models import LogEntry as ContentEdit
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from post_office.models import Attachment, Email, EmailTemplate, Log

from attendees.models import AccessRecord, ActionRecord, Question, Registration, Subscription, Survey, SurveyItem
from attendees.outbox.tasks import mail_deliver_due
from events.models import Forum
from tests.factories import (
    ForumFactory,
    ForumPhotoFactory,
    RegistrationFactory,
    SpeakerFactory,
    TalkFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "desk", "editor", "superuser", "manager"]
PAGES = ["changelist", "add", "change", "delete", "history"]
CONTENT = ["events.series", "events.venue", "events.forum", "events.talk", "events.forumphoto", "speakers.speaker"]

# The admin pages each staff role opens (200); every other admin page is refused (403).
READ = {"changelist", "change", "history"}  # a view-only change page reads the object
DESK_OPENS: dict[str, set[str]] = {}  # the desk's own pages, not the admin
EDITOR_OPENS = {
    **{model: set(PAGES) for model in CONTENT},
    "attendees.survey": READ,  # the results, which hold no person
    "events.series": READ,
    "events.venue": READ,
    "events.forum": READ,  # changes its text, adds and deletes none
}
MANAGER_OPENS = {
    **{model: set(PAGES) for model in CONTENT},
    "attendees.registration": {"changelist", "add", "change", "history"},  # deleting: the superuser's
    "attendees.actionrecord": READ,
    "attendees.subscription": READ,
    "attendees.question": set(PAGES),  # the questions a forum asks at registration
    "attendees.survey": set(PAGES),
    "attendees.surveyitem": set(PAGES),
}
# The superuser opens everything but what a library never allows anyone.
SUPERUSER_REFUSED = {
    ("axes.accessattempt", "add"),
    ("axes.accesslog", "add"),
    ("axes.accessfailurelog", "add"),
    ("post_office.email", "add"),
    # Tasks are enqueued by the site and kept as its record of them.
    ("django_tasks_database.dbtaskresult", "add"),
    ("django_tasks_database.dbtaskresult", "delete"),
    # The records are written by the site and never edited or deleted, by anyone.
    ("attendees.actionrecord", "add"),
    ("attendees.actionrecord", "delete"),
    ("attendees.accessrecord", "add"),
    ("attendees.accessrecord", "delete"),
    ("auditlog.logentry", "add"),
    ("auditlog.logentry", "delete"),
    # Subscriptions are made and ended by the subscribers themselves; the ended ones are the record.
    ("attendees.subscription", "add"),
    ("attendees.subscription", "delete"),
}


@pytest.fixture
def objects():
    """One object of every model in the admin, so each change, delete and history page exists."""
    forum = ForumFactory(venue__name="회의장")
    talk = TalkFactory(forum=forum, speakers=[SpeakerFactory()])
    email = Email.objects.create(to=["someone@example.kr"], subject="s", message="m", from_email="forum@localhost")
    attachment = Attachment.objects.create(name="a.txt", file=ContentFile(b"x", name="a.txt"))
    now = timezone.now()
    return {
        "auth.group": Group.objects.create(name="다른 모임"),
        "auth.user": User.objects.create_user("someone", password="a-long-password-1"),
        "post_office.email": email,
        "post_office.log": Log.objects.create(email=email, status=0, message="ok"),
        "post_office.emailtemplate": EmailTemplate.objects.create(name="t"),
        "post_office.attachment": attachment,
        "axes.accessattempt": AccessAttempt.objects.create(username="x", ip_address="10.0.0.1", failures_since_start=1),
        "axes.accesslog": AccessLog.objects.create(username="x", ip_address="10.0.0.1", attempt_time=now),
        "axes.accessfailurelog": AccessFailureLog.objects.create(username="x", ip_address="10.0.0.1", attempt_time=now),
        "speakers.speaker": talk.speakers.get(),
        "events.venue": forum.venue,
        "events.series": forum.series,
        "events.talk": talk,
        "events.forumphoto": ForumPhotoFactory(forum=forum),
        "attendees.registration": RegistrationFactory(forum=forum),
        "attendees.actionrecord": ActionRecord.objects.create(
            actor_kind="system", action="capacity_changed", forum=forum
        ),
        "attendees.accessrecord": AccessRecord.objects.create(username="someone", kind="list"),
        "attendees.subscription": Subscription.objects.create(email="news@example.kr"),
        "attendees.question": Question.objects.create(forum=forum, kind="yes_no", label="주차 지원", purpose="주차"),
        "attendees.survey": (survey := Survey.objects.create(forum=forum)),
        "attendees.surveyitem": SurveyItem.objects.create(survey=survey, kind="rating", label="강연 내용"),
        "auditlog.logentry": ContentEdit.objects.get_for_object(forum).first(),
        "events.forum": forum,
        "django_tasks_database.dbtaskresult": mail_deliver_due.enqueue().db_result,
    }


def admin_url(model_label, page, obj):
    app_label, model_name = model_label.split(".")
    name = f"admin:{app_label}_{model_name}_{page}"
    return reverse(name) if page in ("changelist", "add") else reverse(name, args=[obj.pk])


GROUPS = {"desk": "접수 데스크", "editor": "콘텐츠 편집자", "manager": "포럼 담당자"}


def login_as(client, role):
    if role == "anonymous":
        return
    if role == "superuser":
        client.force_login(User.objects.create_superuser("root", password="a-long-password-1"))
        return
    user = User.objects.create_user(role, password="a-long-password-1", is_staff=role != "member")
    call_command("setup_roles")
    if role in GROUPS:
        user.groups.add(Group.objects.get(name=GROUPS[role]))
    client.force_login(user)


def expected_admin_status(role, model_label, page):
    if role in ("anonymous", "member"):
        return 302  # to the login page
    if role == "superuser":
        return 403 if (model_label, page) in SUPERUSER_REFUSED else 200
    opens = {"desk": DESK_OPENS, "editor": EDITOR_OPENS, "manager": MANAGER_OPENS}[role].get(model_label, set())
    return 200 if page in opens else 403


def test_the_matrix_covers_every_model_in_the_admin(objects):
    assert sorted(model._meta.label_lower for model in admin.site._registry) == sorted(objects)


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_answers_each_role_as_expected(client, objects, role):
    login_as(client, role)
    wrong = {}
    for model_label, obj in objects.items():
        for page in PAGES:
            url = admin_url(model_label, page, obj)
            response = client.get(url)
            expected = expected_admin_status(role, model_label, page)
            if response.status_code != expected:
                wrong[url] = (response.status_code, expected)
            if expected == 302:
                assert response.url.startswith("/admin/login/")
    assert wrong == {}


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("member", 302), ("desk", 404), ("editor", 404), ("superuser", 404), ("manager", 404)],
)
def test_no_view_on_site_shortcut_leads_to_a_registration(client, objects, role, expected):
    login_as(client, role)
    registration = objects["attendees.registration"]
    content_type = ContentType.objects.get_for_model(Registration)
    response = client.get(f"/admin/r/{content_type.pk}/{registration.pk}/")
    assert response.status_code == expected
    assert registration.token not in response.get("Location", "")


@pytest.mark.parametrize("role", ["desk", "editor", "superuser", "manager"])
def test_the_shortcut_still_opens_a_forum_page(client, objects, role):
    login_as(client, role)
    forum = objects["events.forum"]
    content_type = ContentType.objects.get_for_model(Forum)
    response = client.get(f"/admin/r/{content_type.pk}/{forum.pk}/")
    assert (response.status_code, response.url) == (302, f"http://testserver{forum.get_absolute_url()}")


def test_no_admin_page_offers_a_link_to_the_management_page(client, objects):
    login_as(client, "superuser")
    registration = objects["attendees.registration"]
    for page in ("changelist", "change", "history"):
        response = client.get(admin_url("attendees.registration", page, registration))
        assert registration.token not in response.text


# (path, status for anonymous, member, desk, editor, superuser, manager)
def public_pages(objects, draft):
    forum = objects["events.forum"]
    registration = objects["attendees.registration"]
    talk = objects["events.talk"]
    speaker = objects["speakers.speaker"]
    base = f"/forums/{forum.series.slug}/{forum.number}/"
    everyone = [200] * 6
    return [
        ("/", everyone),
        ("/forums/", everyone),
        ("/forums.ics", everyone),
        ("/forums/feed/", everyone),
        (base, everyone),
        (base + "calendar.ics", everyone),
        (base + "register/", everyone),
        (base + "register/sent/", everyone),
        (talk.get_absolute_url(), everyone),
        ("/speakers/", everyone),
        (speaker.get_absolute_url(), everyone),
        ("/search/?q=인공지능", everyone),
        ("/sitemap.xml", everyone),
        ("/robots.txt", everyone),
        (f"/registrations/{registration.token}/", everyone),
        (f"/registrations/{registration.token}/cancel/", everyone),
        (f"/registrations/{registration.token}/calendar.ics", everyone),
        (f"/registrations/{registration.token}/news/", everyone),
        ("/registrations/not-a-token/", [404] * 6),
        # Drafts: only staff may preview them.
        (f"/forums/{draft.series.slug}/{draft.number}/", [404, 404, 200, 200, 200, 200]),
        (f"/forums/{draft.series.slug}/{draft.number}/register/", [404] * 6),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_public_page_answers_each_role_as_expected(client, objects, role):
    forum = objects["events.forum"]
    draft = ForumFactory(series=forum.series, status="draft", starts_at=forum.starts_at + datetime.timedelta(days=30))
    login_as(client, role)
    column = ROLES.index(role)
    wrong = {}
    for path, statuses in public_pages(objects, draft):
        status = client.get(path).status_code
        if status != statuses[column]:
            wrong[path] = (status, statuses[column])
    assert wrong == {}
