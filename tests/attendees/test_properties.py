"""Registration posts built from a valid one by random mutations: people's real variations
(spacing, case, full-width or decomposed characters, phone formats) must be stored in
canonical form; hostile ones refused; none may ever give a server error.

FUZZ_EXAMPLES sets the number of posts (`FUZZ_EXAMPLES=10000 pytest tests/attendees/test_properties.py`
is the long fuzz run); the suite runs a few hundred.
"""

import collections
import itertools
import os
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from attendees.models import Registration
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
SEARCHES = max(EXAMPLES // 10, 30)


def full_width(text):
    return "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in text)


def arabic_indic(text):
    return "".join(chr(0x0660 + int(char)) if char.isdigit() else char for char in text)


# (field, how a person might type it) — each must still be stored.
BENIGN = [
    ("name", lambda value: f"  {value}  "),
    ("name", lambda value: unicodedata.normalize("NFD", value)),
    ("name", lambda value: value.replace(value[:1], value[:1] + "   ", 1)),
    ("email", lambda value: f" {value.upper()} "),
    ("email", full_width),
    ("email", lambda value: value.replace("@", "\u200b@\u200c")),
    ("email", lambda value: value.replace("example.kr", "EXAMPLE.KR\ufeff")),
    ("phone", lambda value: "010-1234-5678"),
    ("phone", lambda value: "+82 10 1234 5678"),
    ("phone", lambda value: full_width("010-1234-5678")),
    ("phone", lambda value: arabic_indic("01012345678")),
    ("phone", lambda value: ""),
    ("organization", lambda value: f"{value}\t(주)"),
    ("position", lambda value: unicodedata.normalize("NFD", f"  {value}")),
    ("consent_marketing", lambda value: "on"),
]
# (field, what an attacker might send) — each must be refused, with a form error.
HOSTILE = [
    ("name", lambda value: value + "\x07"),
    ("name", lambda value: value + "\u202e"),  # right-to-left override
    ("name", lambda value: "김" * 101),
    ("name", lambda value: "   "),
    ("email", lambda value: '"' + value.replace("@", '"@')),
    ("email", lambda value: value.split("@")[0] + "@[127.0.0.1]"),
    ("email", lambda value: value.split("@")[0] + "@10.0.0.1"),
    ("email", lambda value: value.replace("@", "\x01@")),
    ("email", lambda value: value.replace("@", "")),
    ("phone", lambda value: "12345"),
    ("phone", lambda value: "010-1234-5678\x00"),
    ("sector", lambda value: "aliens"),
    ("consent_privacy", lambda value: "no"),
    ("consent_privacy", lambda value: "0"),
]

names = st.text(alphabet="김이박최정광주솔트룩스가나다라한글ABCDEFGHabcdefgh", min_size=1, max_size=20)
# Up to three of a person's variations (one per field, so none undoes another), and in
# about one post in four one hostile value.
variations = st.lists(st.sampled_from(BENIGN), max_size=3, unique_by=lambda mutation: mutation[0])
attacks = st.one_of(st.none(), st.none(), st.none(), st.sampled_from(HOSTILE))
SERIAL = itertools.count()


@pytest.fixture
def register_url(settings):
    settings.REGISTRATION_RATE_LIMITS = {"ip": "1000000/h", "email": "1000000/h", "forum": "1000000/h"}
    forum = ForumFactory(capacity=50)
    return f"/forums/{forum.series.slug}/{forum.number}/register/"


def assert_canonical(registration):
    email = registration.email
    assert email == email.strip().lower() and email.isascii() and email.count("@") == 1
    assert unicodedata.normalize("NFKC", email) == email
    assert not re.search(r"[\s\"\[\]]", email)
    assert registration.phone == "" or re.fullmatch(r"0[0-9]{8,10}", registration.phone)
    for text in (registration.name, registration.organization, registration.position):
        assert text == " ".join(text.split()) and text != ""
        assert unicodedata.is_normalized("NFC", text)
        assert not any(unicodedata.category(char)[0] == "C" for char in text)


def test_mutated_posts_are_stored_canonical_or_refused_never_a_server_error(client, register_url):
    outcomes = collections.Counter()

    @hypothesis_settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
    @given(
        name=names,
        organization=names,
        position=names,
        changes=variations,
        attack=attacks,
        bot=st.sampled_from([False] * 9 + [True]),
    )
    def post_once(name, organization, position, changes, attack, bot):
        serial = next(SERIAL)
        post = {
            "name": name,
            "email": f"person{serial}@example.kr",
            "phone": "",
            "organization": organization,
            "position": position,
            "sector": "research",
            "consent_privacy": "on",
            "consent_marketing": "",
            "homepage": " " if bot else "",
        }
        # An attacked field takes no variation: a variation could hide the attack or undo it.
        attacked = attack[0] if attack else None
        for field, mutate in [change for change in changes if change[0] != attacked] + ([attack] if attack else []):
            post[field] = mutate(post[field])
        stored_before = Registration.objects.count()

        response = client.post(register_url, post)

        if bot:  # the honeypot: answered like a success, nothing stored
            assert (response.status_code, Registration.objects.count()) == (302, stored_before)
            outcomes["bot"] += 1
        elif attack:
            assert response.status_code == 200
            assert response.context["form"].errors
            assert Registration.objects.count() == stored_before
            outcomes["refused"] += 1
        else:
            assert response.status_code == 302, response.context["form"].errors if response.context else ""
            assert Registration.objects.count() == stored_before + 1
            registration = Registration.objects.latest("pk")
            assert registration.email == f"person{serial}@example.kr"
            assert registration.name == " ".join(unicodedata.normalize("NFC", post["name"]).split())
            assert_canonical(registration)
            assert (registration.consent_privacy, registration.consent_version != "") == (True, True)
            outcomes["stored"] += 1

    post_once()
    print(f"\nregistration posts: {dict(outcomes)}")
    assert sum(outcomes.values()) == EXAMPLES
    assert outcomes["stored"] == Registration.objects.count()
    assert outcomes["stored"] > EXAMPLES // 2  # most posts are real people's, and are stored
    for registration in Registration.objects.all():
        assert_canonical(registration)


# Words the demo's forums, talks and speakers hold: searches that find something, so that
# the results' rendering is what is fuzzed, not only the "no results" page.
DEMO_WORDS = ["솔트룩스", "인공지능", "산업혁신", "광주", "Saltlux", "AI", "이경일", "조찬포럼", "제2차"]
QUERIES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(DEMO_WORDS),
    st.tuples(st.sampled_from(DEMO_WORDS), st.text(max_size=20)).map(" ".join),
)


@hypothesis_settings(max_examples=SEARCHES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
@example(query="솔트룩스")
def test_any_search_is_answered_without_a_server_error(client, demo, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == (400 if "\x00" in query else 200)
    if query == "솔트룩스":  # the demo is there to be found
        assert "인공지능과 산업혁신" in response.text
