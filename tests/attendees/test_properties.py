"""Random input to the registration endpoint: never a 500, never data without consent."""
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from attendees.models import Registration
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db

FIELDS = ["name", "email", "phone", "organization", "position", "sector", "consent_privacy", "consent_marketing", "homepage"]
values = st.one_of(
    st.none(),
    st.text(max_size=300),
    st.sampled_from(["industry", "academia", "research", "government", "other", "on", "off", "true", ""]),
    st.emails().map(str),
    st.from_regex(r"0\d{1,2}-?\d{3,4}-?\d{4}", fullmatch=True),
)
posts = st.fixed_dictionaries({}, optional={field: values for field in FIELDS})


@pytest.fixture
def register_url(settings):
    settings.REGISTRATION_RATE_LIMIT = "100000/h"  # the limit is tested elsewhere
    forum = ForumFactory(capacity=3)
    return f"/forums/{forum.series.slug}/{forum.number}/register/"


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(post=posts)
def test_random_posts_never_fail_and_never_store_without_consent(client, register_url, post):
    response = client.post(register_url, {key: value for key, value in post.items() if value is not None})
    assert response.status_code in {200, 302, 400}
    assert not Registration.objects.filter(consent_privacy=False).exists()
    assert not Registration.objects.filter(consent_version="").exists()
    assert not Registration.objects.filter(consented_at__isnull=True).exists()
