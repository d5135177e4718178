"""One canonical form per value, the same for every path that stores a registration."""

import datetime
import unicodedata

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from attendees.models import Registration
from attendees.registrations import normalize, services
from tests.factories import ForumFactory, seoul
from tests.mailbox import queued_mail

SEOUL = datetime.timezone(datetime.timedelta(hours=9))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Kim@Example.KR ", "kim@example.kr"),
        ("ｋｉｍ＠ｅｘａｍｐｌｅ．ｋｒ", "kim@example.kr"),  # full-width
        ("k\u200bim@exam\u200cple.kr", "kim@example.kr"),  # zero-width space and non-joiner
        ("kim\ufeff@example.kr\u2060", "kim@example.kr"),  # BOM and word joiner
        ("KIM@EXAMPLE.KR", "kim@example.kr"),
        ("kim@bücher.de", "kim@xn--bcher-kva.de"),  # one domain, one spelling
        ("kim@XN--BCHER-KVA.DE", "kim@xn--bcher-kva.de"),
    ],
)
def test_every_spelling_of_a_mailbox_is_one_address(typed, stored):
    assert normalize.email_address(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ('"kim"@example.kr', "quoted_local_part"),
        ('"k\\"im"@example.kr', "quoted_local_part"),
        ("kim@[127.0.0.1]", "ip_domain"),
        ("kim@[IPv6:::1]", "ip_domain"),
        ("kim@127.0.0.1", "ip_domain"),
        ("kim\x01@example.kr", "invalid"),
        ("kim@exam\nple.kr", "invalid"),
        ("kim@", "invalid"),
        ("not-an-address", "invalid"),
    ],
)
def test_addresses_that_make_one_mailbox_look_like_many_are_refused(typed, code):
    with pytest.raises(ValidationError) as caught:
        normalize.email_address(typed)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("010-1234-5678", "01012345678"),
        ("０１０－１２３４－５６７８", "01012345678"),  # full-width
        ("٠١٠١٢٣٤٥٦٧٨", "01012345678"),  # Arabic-Indic digits
        ("०१०१२३४५६७८", "01012345678"),  # Devanagari digits
        ("+82 10 1234 5678", "01012345678"),
        ("(062) 123-4567", "0621234567"),
        ("  ", ""),
    ],
)
def test_phones_are_stored_as_ascii_digits(typed, stored):
    assert normalize.phone_number(typed) == stored


def test_names_are_stored_in_nfc_and_refused_with_invisible_characters():
    decomposed = unicodedata.normalize("NFD", "김광주")
    assert decomposed != "김광주"
    assert normalize.person_text(f"  {decomposed}   님 ") == "김광주 님"
    with pytest.raises(ValidationError) as caught:
        normalize.person_text("김\u200b광주")
    assert caught.value.code == "control_characters"


@given(st.text(max_size=80))
def test_normalising_twice_changes_nothing(value):
    for function in (normalize.email_address, normalize.phone_number, normalize.person_text):
        try:
            once = function(value)
        except ValidationError:
            continue
        assert function(once) == once


@pytest.mark.django_db
def test_four_spellings_of_one_mailbox_take_one_seat_and_get_one_mail():
    forum = ForumFactory(capacity=10, starts_at=seoul(2030, 1, 8))
    variants = ["kim@example.kr", "ｋｉｍ@example.kr", "ki\u200bm@example.kr", "KIM@Example.kr"]
    outcomes = []
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        for variant in variants:
            try:
                services.registration_create(
                    forum=forum,
                    name="김광주",
                    email=variant,
                    organization="광주AI",
                    position="연구원",
                    sector="industry",
                    consent_privacy=True,
                )
                outcomes.append("registered")
            except services.AlreadyRegistered:
                outcomes.append("already")
    assert outcomes == ["registered", "already", "already", "already"]
    assert list(Registration.objects.values_list("email", flat=True)) == ["kim@example.kr"]
    # The confirmation, and one "already registered" mail: the others fall within the hour.
    assert [mail.to for mail in queued_mail()] == [["kim@example.kr"], ["kim@example.kr"]]


@pytest.mark.django_db
def test_a_quoted_local_part_is_refused_by_the_service_too():
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        with pytest.raises(ValidationError) as caught:
            services.registration_create(
                forum=forum,
                name="김광주",
                email='"kim"@example.kr',
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=True,
            )
    assert list(caught.value.error_dict) == ["email"]
    assert Registration.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("consent", ["on", "0", "off", "no", "N", "null", " ", 1, "true"])
def test_the_service_takes_only_true_as_consent(consent):
    forum = ForumFactory(starts_at=seoul(2030, 1, 8))
    with time_machine.travel(datetime.datetime(2030, 1, 1, 12, 0, tzinfo=SEOUL), tick=False):
        with pytest.raises(services.RegistrationError) as caught:
            services.registration_create(
                forum=forum,
                name="김광주",
                email="kim@example.kr",
                organization="광주AI",
                position="연구원",
                sector="industry",
                consent_privacy=consent,
            )
    assert caught.value.code == "no_consent"
    assert Registration.objects.count() == 0
