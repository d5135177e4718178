"""Every admin response that shows a registration's personal data writes an access
record, whatever its method; and whole emails and phones are shown to those allowed to
export them whole, masked to everyone else, on every page alike."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from attendees.models import AccessRecord
from tests.factories import ForumFactory, RegistrationFactory, staff_with_role

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:attendees_registration_changelist")


@pytest.fixture
def kim():
    forum = ForumFactory(number=3)
    RegistrationFactory(forum=forum, name="이대기", email="lee@example.kr")
    return RegistrationFactory(forum=forum, name="김광주", email="kim.gwangju@example.kr", phone="01012345678")


def one_new_record(client, method, url, data=None):
    """The response, and the one access record it wrote."""
    before = set(AccessRecord.objects.values_list("pk", flat=True))
    response = getattr(client, method)(url, data or {})
    new = list(AccessRecord.objects.exclude(pk__in=before))
    assert len(new) == 1, (method, url, data, response.status_code, len(new))
    return response, new[0]


def test_each_admin_view_of_registrations_is_recorded_on_get_and_post(admin_client, kim):
    forum_list = f"{CHANGELIST}?forum__id__exact={kim.forum_id}&all="
    change = reverse("admin:attendees_registration_change", args=[kim.pk])
    history = reverse("admin:attendees_registration_history", args=[kim.pk])
    delete = reverse("admin:attendees_registration_delete", args=[kim.pk])
    walk = [
        ("get", forum_list, None, "list"),
        ("post", forum_list, None, "list"),  # the audit's POST with nothing but the token
        ("get", change, None, "view"),
        ("post", change, {"name": "", "email": "kim.gwangju@example.kr"}, "view"),  # shown again with errors
        ("get", history, None, "view"),
        ("post", history, None, "view"),
        ("get", delete, None, "view"),
        ("post", CHANGELIST, {"action": "delete_selected", "_selected_action": [kim.pk]}, "action"),
        ("post", CHANGELIST, {"action": "resend_confirmation", "_selected_action": [kim.pk]}, "action"),
    ]
    shown = 0
    for method, url, data, kind in walk:
        response, record = one_new_record(admin_client, method, url, data)
        assert (record.kind, record.username) == (kind, "admin")
        assert kim.pk in record.registration_ids
        shown += response.status_code == 200
    assert shown == 8  # eight pages and two actions' answers, each recorded once


@pytest.fixture
def manager_client(client):
    manager = staff_with_role("포럼 담당자", "manager")
    client.force_login(manager)
    return client, manager


def test_the_forum_manager_sees_emails_and_phones_masked_on_the_change_page_as_in_its_exports(manager_client, kim):
    client, _manager = manager_client
    page = client.get(reverse("admin:attendees_registration_change", args=[kim.pk])).text
    assert "k***@example.kr" in page and "010-****-5678" in page
    assert "kim.gwangju@example.kr" not in page and "01012345678" not in page
    assert 'name="email"' not in page and 'name="phone"' not in page  # nor can it change them


def test_the_forum_manager_correcting_a_name_leaves_the_masked_details_as_they_were(manager_client, kim):
    client, _manager = manager_client
    change = reverse("admin:attendees_registration_change", args=[kim.pk])
    data = {"name": "김광주2", "organization": kim.organization, "position": kim.position, "sector": kim.sector}
    assert client.post(change, {**data, "email": "x@example.kr", "phone": "01099999999"}).status_code == 302
    kim.refresh_from_db()
    assert (kim.name, kim.email, kim.phone) == ("김광주2", "kim.gwangju@example.kr", "01012345678")


def test_with_the_permission_the_whole_details_are_shown_and_editable(manager_client, kim):
    client, manager = manager_client
    manager.user_permissions.add(Permission.objects.get(codename="export_unmasked"))
    page = client.get(reverse("admin:attendees_registration_change", args=[kim.pk])).text
    assert 'value="kim.gwangju@example.kr"' in page and 'value="01012345678"' in page


def test_the_superuser_sees_the_whole_details(admin_client, kim):
    page = admin_client.get(reverse("admin:attendees_registration_change", args=[kim.pk])).text
    assert 'value="kim.gwangju@example.kr"' in page and "k***@example.kr" not in page
