"""Every normaliser of a person's fields, applied to its own output, gives the same value:
a form normalises, the service normalises again, and the two passes must agree (an
extension once became 13 digits on the first pass and an error on the second)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from attendees.models import PERSONAL_DATA_FIELDS
from attendees.registrations import normalize

PHONE_LIKE = st.one_of(
    st.text(alphabet="0123456789+-() .#x*;=extEXT내선٠١٢٣٤٥٦٧٨٩０１２３４５６７８９", max_size=30),
    st.from_regex(r"\A(\+82 ?|0)1[016789][- ]?\d{3,4}[- ]?\d{4}( ?(ext|x|#)\.? ?\d{1,5})?\Z"),
    st.from_regex(r"\A\+(1|44|49|81|86) ?\d{6,12}\Z"),
)
TEXT_LIKE = st.one_of(st.text(max_size=60), st.from_regex(r"\A[가-힣A-Za-z .,()&-]{0,40}\Z"))
EMAIL_LIKE = st.one_of(
    st.emails(), st.text(max_size=40), st.from_regex(r"\A[A-Za-zＡ-Ｚ0-9._+-]{1,12}@[A-Za-z0-9.-]{1,20}\Z")
)
STRATEGIES = {
    "name": TEXT_LIKE,
    "organization": TEXT_LIKE,
    "position": TEXT_LIKE,
    "email": EMAIL_LIKE,
    "phone": PHONE_LIKE,
}


def test_every_person_field_has_a_strategy():
    assert set(STRATEGIES) == set(normalize.NORMALISERS) == set(PERSONAL_DATA_FIELDS)


@pytest.mark.parametrize("field", sorted(STRATEGIES))
def test_normalising_a_normalised_value_changes_nothing(field):
    normaliser = normalize.NORMALISERS[field]

    @hypothesis_settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(STRATEGIES[field])
    def second_pass_agrees(value):
        try:
            once = normaliser(value)
        except ValidationError:
            return  # refused with a field error: nothing stored, nothing to pass again
        assert normaliser(once) == once

    second_pass_agrees()


def test_an_extension_is_refused_with_a_field_error():
    with pytest.raises(ValidationError) as refused:
        normalize.phone_number("010-1234-5678 ext 99")
    assert (refused.value.code, refused.value.messages) == (
        "phone_extension",
        ["내선 번호 없이 입력해 주세요. 당일 연락에는 휴대전화 번호가 가장 좋습니다."],
    )
