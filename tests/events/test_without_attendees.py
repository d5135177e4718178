"""Events stands below attendees at run time too: its pages name no attendees URL, and
show the register button only where the app above provides the registration page."""

import pytest

from events import registration_page
from tests.factories import ForumFactory, seoul

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.events.urls_without_attendees")]
REGISTER_BUTTON = 'class="btn btn-brand"'


@pytest.fixture
def without_a_registration_page():
    """As a site without attendees: nothing provides the page (AppConfig.ready() would)."""
    provider = registration_page.registration_path.provider
    registration_page.registration_path.provide(None)
    yield
    registration_page.registration_path.provide(provider)


@pytest.mark.parametrize("address", ["/", "/forums/", "/en/forums/", "forum"])
def test_the_public_pages_answer_without_attendees(
    client, day_after_second_forum, without_a_registration_page, address
):
    forum = ForumFactory(starts_at=seoul(2020, 9, 9), capacity=100)
    response = client.get(forum.get_absolute_url() if address == "forum" else address)
    assert response.status_code == 200
    assert ("잔여 100석" if address != "/en/forums/" else "100 seats left") in response.text
    assert REGISTER_BUTTON not in response.text


def test_with_attendees_the_forum_page_offers_its_registration_page(client, day_after_second_forum, settings):
    settings.ROOT_URLCONF = "forum_site.urls"
    forum = ForumFactory(starts_at=seoul(2020, 9, 9))
    page = client.get(forum.get_absolute_url()).text
    assert f'{REGISTER_BUTTON} href="/forums/{forum.series.slug}/{forum.number}/register/"' in page
