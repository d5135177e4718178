"""A NUL byte in a URL or a query string is a client error, on SQLite and PostgreSQL alike."""

import pytest

from tests.factories import ForumFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/search/?q=%00",
        "/search/?q=AI%00",
        "/search/?%00=1",
        "/registrations/%00/",
        "/registrations/abc%00def/cancel/",
        "/registrations/%00/calendar.ics",
        "/speakers/%00/",
        "/forums/gwangju%00/1/",
        "/forums/series-0/1/talks/%00/",
        "/admin/attendees/registration/?status__exact=%00",
        "/admin/attendees/registration/?q=%00",
        "/admin/autocomplete/?term=%00&app_label=events&model_name=talk&field_name=forum",
    ],
)
def test_nul_byte_anywhere_in_the_url_is_a_bad_request(admin_client, path):
    RegistrationFactory(forum=ForumFactory())
    response = admin_client.get(path)
    assert response.status_code == 400


def test_a_nul_byte_in_a_registration_post_is_a_field_error(client):
    forum = ForumFactory()
    response = client.post(
        f"/forums/{forum.series.slug}/{forum.number}/register/",
        {
            "name": "김\x00광주",
            "email": "kim@example.kr\x00",
            "organization": "광주AI",
            "position": "연구원",
            "sector": "industry",
            "consent_privacy": "on",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "email"}
