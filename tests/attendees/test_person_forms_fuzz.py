"""The same 40 hostile values, each in each person field of every form that takes a
person's details: the public registration, the attendee's own correction, the desk's
walk-in, and the admin's add and change forms. None may answer 500: a value is stored
canonical or refused with a field error."""

import collections

import pytest
from django.test import Client

from attendees.models import Registration
from tests.factories import ForumFactory, RegistrationFactory, seoul, staff_with_role

pytestmark = pytest.mark.django_db

HOSTILE = [
    "010-1234-5678 ext 99",
    "0101234567899",
    "010 1234 5678 내선 12",
    "+82 10-1234-5678;ext=7",
    "tel:+82-10-1234-5678",
    "０１０－１２３４－５６７８",
    "٠١٠١٢٣٤٥٦٧٨",
    "+49 151 12345678 x12",
    "+" + "9" * 30,
    "1234",
    "",
    " ",
    "\u200b",
    "\u202eevil\u202c",
    "a\x00b",
    "a\tb\nc\rd",
    "x" * 5000,
    "가" * 300,
    "😀" * 60,
    "e\u0301" * 40,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s%n%x",
    "{{ 7*7 }}",
    "..\\..\\etc\\passwd",
    "Kim@Example.KR",
    "kim@example.kr ",
    '"kim"@example.kr',
    "kim@[127.0.0.1]",
    "kim@localhost",
    "kim@exa mple.kr",
    "kim@ｅｘａｍｐｌｅ.kr",
    "kim@例え.テスト",
    "kim@" + "a" * 300 + ".kr",
    "@",
    "www.evil.example/login",
    "\ufeff김광주",
    "ＡＢＣ\u3000주식회사",
    "null",
    "-1",
]
PERSON_FIELDS = ("name", "email", "phone", "organization", "position")
VALID = {
    "name": "김광주",
    "email": "kim@example.kr",
    "phone": "010-1234-5678",
    "organization": "광주AI",
    "position": "연구원",
    "sector": "industry",
    "consent_privacy": "on",
}


def test_forty_hostile_values_in_every_person_form_answer_no_500(admin_user):
    assert len(HOSTILE) == 40
    forum = ForumFactory(starts_at=seoul(2099, 1, 14), capacity=1000, registration_opens_at=seoul(2000, 1, 1))
    desk, admin = Client(raise_request_exception=False), Client(raise_request_exception=False)
    desk.force_login(staff_with_role("접수 데스크", "desk"))
    admin.force_login(admin_user)
    public = Client(raise_request_exception=False)
    person = RegistrationFactory(forum=forum, email="own@example.kr", phone="01099998888")
    forms = {
        "public": (public, f"/forums/{forum.series.slug}/{forum.number}/register/", VALID),
        "self-service": (public, f"/registrations/{person.token}/correct/", VALID),
        "desk walk-in": (desk, f"/desk/{forum.pk}/walk-in/", VALID),
        "admin add": (admin, "/admin/attendees/registration/add/", {**VALID, "forum": forum.pk, "language": "ko"}),
        "admin change": (admin, f"/admin/attendees/registration/{person.pk}/change/", VALID),
    }
    answers: dict[str, collections.Counter] = {name: collections.Counter() for name in forms}
    for number, value in enumerate(HOSTILE):
        for field in PERSON_FIELDS:
            for index, (name, (client, url, valid)) in enumerate(forms.items()):
                posted = {**valid, field: value}
                if field != "email" and name in ("public", "admin add", "desk walk-in"):
                    posted["email"] = f"fuzz{number}-{field}-{index}@example.kr"  # each post a new person
                # A client address per post: the rate limits are not what is tested here.
                response = client.post(url, posted, REMOTE_ADDR=f"10.9.{number}.{PERSON_FIELDS.index(field)}")
                answers[name][response.status_code] += 1
    server_errors = {
        name: sum(n for status, n in counted.items() if status >= 500) for name, counted in answers.items()
    }
    assert server_errors == dict.fromkeys(forms, 0), answers
    assert {name: sum(counted.values()) for name, counted in answers.items()} == dict.fromkeys(forms, 200)
    assert Registration.objects.filter(phone__startswith="0101234567899").count() == 0
