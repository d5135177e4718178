"""The privacy promise to the letter: after the purge, or the person's own deletion, none of
their values is left in any table; and through their link a person sees, corrects,
withdraws and deletes what we hold."""

import datetime
import json

import pytest
import time_machine
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import models

from attendees.models import Action, ActionRecord, PendingMail, Registration
from attendees.registrations import services
from attendees.registrations.addresses import management_path
from tests.factories import ForumFactory, RegistrationFactory, seoul
from tests.mailbox import queued_mail

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
PERSON = {
    "name": "홍길순",
    "email": "hong.gilsoon@example.kr",
    "phone": "01055556666",
    "organization": "빛고을로보틱스",
    "position": "수석연구원",
}
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def every_text_value():
    """Every text, e-mail and JSON column of every table, as strings."""
    for model in apps.get_models():
        fields = [field.attname for field in model._meta.concrete_fields if isinstance(field, TEXT_FIELDS)]
        if not fields:
            continue
        for row in model._base_manager.values_list(*fields):
            for value in row:
                if value not in (None, ""):
                    yield model._meta.label, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    for session in Session.objects.all():  # stored encoded: read what it holds
        yield "sessions", json.dumps(session.get_decoded(), ensure_ascii=False)


def traces_of(person):
    return sorted(
        {(table, key) for table, text in every_text_value() for key, value in person.items() if value in text}
    )


@pytest.fixture
def everywhere(client, deliver_mail):
    """One person's values spread as far as the site and its libraries copy them."""
    forum = ForumFactory(number=1, starts_at=seoul(2020, 6, 10), capacity=1)
    with time_machine.travel(datetime.datetime(2020, 6, 1, 9, 0, tzinfo=SEOUL), tick=False):
        registration = services.registration_create(forum=forum, sector="industry", consent_privacy=True, **PERSON)
        waiting = services.registration_create(
            forum=forum,
            name="대기자",
            email="waiting@example.kr",
            organization="광주AI",
            position="연구원",
            sector="industry",
            consent_privacy=True,
        )
        deliver_mail()  # sent mail with its attachment and delivery log
        services.registration_resend_confirmation(registration=registration, by=services.ActorKind.SYSTEM)
        queued_mail()  # a queued mail not yet sent
        PendingMail.objects.create(registration=registration, kind="promoted")  # and one not yet rendered
    client.post("/admin/login/", {"username": PERSON["email"], "password": "guess"})  # an address typed as a username
    LogEntry.objects.create(  # as the admin's log wrote it before names were kept out of it
        user=User.objects.create_superuser("root", password="a-long-password-1"),
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(registration.pk),
        object_repr=f"{PERSON['name']} (제1차)",
        action_flag=CHANGE,
        change_message="[]",
    )
    session = SessionStore()
    session["note"] = f"{PERSON['name']}님 연락 필요"
    session.create()
    assert len(traces_of(PERSON)) >= 6  # the fixture really spreads them
    assert AccessAttempt.objects.filter(username=PERSON["email"]).exists()
    return registration, waiting


def test_after_the_purge_no_value_of_the_person_is_left_in_any_table(everywhere):
    registration, waiting = everywhere
    with time_machine.travel(datetime.datetime(2021, 6, 12, 9, 0, tzinfo=SEOUL), tick=False):
        call_command("purge_personal_data", stdout=open("/dev/null", "w"))
    assert traces_of(PERSON) == []
    registration.refresh_from_db()
    assert (registration.sector, registration.status, registration.anonymized_at is not None) == (
        "industry",
        "confirmed",
        True,
    )
    assert ActionRecord.objects.filter(action=Action.PERSONAL_DATA_PURGED, actor_kind="system").count() == 2
    assert not Registration.objects.filter(email=PERSON["email"]).exists()


def test_the_scan_would_see_a_value_left_behind(everywhere):
    registration, _waiting = everywhere
    Registration.objects.filter(pk=registration.pk).update(name="-", email="removed@invalid")
    assert ("post_office.Email", "email") in traces_of(PERSON)


# --- The person's own rights, through their link


@pytest.fixture
def mine(db):
    forum = ForumFactory(number=3, capacity=1, starts_at=seoul(2030, 1, 8))
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        registration = services.registration_create(
            forum=forum, sector="industry", consent_privacy=True, consent_marketing=True, **PERSON
        )
        waiting = RegistrationFactory(forum=forum, status="waitlisted", email="next@example.kr")
    return registration, waiting


@pytest.fixture(autouse=True)
def _before_the_forum():
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        yield


def test_the_person_sees_everything_we_hold(client, mine):
    registration, _waiting = mine
    page = client.get(management_path(registration)).text
    shown = {**PERSON, "phone": "010-5555-6666"}  # as people write it
    for value in (*shown.values(), "산업", "한국어", "2030년 1월 1일", registration.consent_version):
        assert value in page
    assert "신청함, 아직 메일로 확인하지 않음" in page


def test_the_person_corrects_their_details(client, mine):
    registration, _waiting = mine
    url = f"/registrations/{registration.token}/correct/"
    assert 'name="email"' not in client.get(url).text
    bad = client.post(url, {**PERSON, "phone": "12", "sector": "academia"})
    assert bad.context["form"].errors == {
        "phone": ["올바른 전화번호가 아닙니다. 010‑1234‑5678처럼 적어 주세요. 해외 번호는 국가 번호와 함께(예: +49 …)"]
    }
    response = client.post(url, {**PERSON, "organization": "  전남대학교 ", "sector": "academia"}, follow=True)
    assert "신청 정보를 수정했습니다." in response.text
    registration.refresh_from_db()
    assert (registration.organization, registration.sector, registration.email) == (
        "전남대학교",
        "academia",
        PERSON["email"],
    )
    record = ActionRecord.objects.get(action=Action.DETAILS_CORRECTED)
    assert (record.actor_kind, record.details) == ("attendee", {"fields": ["organization", "sector"]})


def test_the_person_withdraws_news_at_once_with_a_confirmation(client, mine):
    registration, _waiting = mine
    response = client.post(f"/registrations/{registration.token}/news/withdraw/", follow=True)
    assert "처리했습니다. 앞으로 소식을 보내 드리지 않습니다." in response.text
    registration.refresh_from_db()
    assert registration.consent_marketing is False
    assert queued_mail(to=PERSON["email"]).last().subject == "[AI 조찬포럼] 소식 수신 철회 확인 (제3차 포럼)"
    assert ActionRecord.objects.filter(action=Action.NEWS_WITHDRAWN, actor_kind="attendee").count() == 1
    assert client.get(f"/registrations/{registration.token}/news/withdraw/").status_code == 405


def test_the_person_deletes_their_registration_now(client, mine):
    registration, waiting = mine
    url = f"/registrations/{registration.token}/delete/"
    assert "되돌릴 수 없습니다." in client.get(url).text
    response = client.post(url, follow=True)
    assert response.redirect_chain == [("/registrations/deleted/", 302)]
    assert "개인정보를 삭제했습니다" in response.text
    assert client.get(management_path(registration)).status_code == 404
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"  # the seat went on
    assert traces_of(PERSON) == []
    record = ActionRecord.objects.get(action=Action.REGISTRATION_ERASED)
    assert (record.actor_kind, record.before, record.after) == ("attendee", "confirmed", "cancelled")


def test_deleting_works_after_the_cancellation_deadline(client, mine):
    registration, _waiting = mine
    with time_machine.travel(datetime.datetime(2030, 1, 8, 7, 0, tzinfo=SEOUL), tick=False):
        client.post(f"/registrations/{registration.token}/delete/")
    assert Registration.objects.get(pk=registration.pk).anonymized_at is not None
