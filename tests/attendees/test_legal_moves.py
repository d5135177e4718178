"""Only the moves of LEGAL_MOVES (attendees/registrations/transitions.py) are ever made, and
a person who was checked in is never cancelled: "came" can never exceed "let in"."""

import pytest

from attendees.models import Action, ActionRecord, ActorKind, Registration, RegistrationStatus
from attendees.registrations import services
from attendees.registrations.erasure import registration_erase
from attendees.registrations.forum_changes import forum_cancel
from attendees.registrations.transitions import LEGAL_MOVES, MoveRefused, registrations_move
from tests.factories import ForumFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/attendees/registration/"
STATUSES = [None, *RegistrationStatus.values]


def test_the_table_of_moves_is_the_one_the_registrations_follow():
    assert LEGAL_MOVES == {
        None: {"confirmed", "waitlisted"},
        "waitlisted": {"confirmed", "cancelled"},
        "confirmed": {"cancelled"},
        "cancelled": set(),
    }


@pytest.mark.parametrize("before", RegistrationStatus.values)
@pytest.mark.parametrize("to", RegistrationStatus.values)
def test_every_move_outside_the_table_is_refused_and_writes_nothing(before, to, staff_user):
    forum = ForumFactory(capacity=5)
    registration = RegistrationFactory(forum=forum, status=before)
    move = lambda: registrations_move(  # noqa: E731
        forum, [registration], to=to, by=staff_user, action=Action.REGISTRATION_CANCELLED
    )
    if before == to:
        move()  # the same status: nothing to do
        assert ActionRecord.objects.count() == 0
    elif to in LEGAL_MOVES[before]:
        move()
        assert ActionRecord.objects.get().after == to
    else:
        with pytest.raises(MoveRefused) as refused:
            move()
        assert refused.value.code == "illegal_move"
        assert ActionRecord.objects.count() == 0
    assert Registration.objects.get(pk=registration.pk).status == (to if to in LEGAL_MOVES[before] else before)


def test_a_checked_in_person_cannot_be_cancelled_by_staff(staff_user):
    forum = ForumFactory(capacity=1)
    came = RegistrationFactory(forum=forum)
    services.registration_check_in(registration=came, by=staff_user)
    with pytest.raises(MoveRefused) as refused:
        services.registration_cancel(registration=came, by=staff_user)
    assert (
        str(refused.value.message) == "참석 확인된 분입니다. 취소하려면 먼저 접수 데스크에서 참석 확인을 되돌려 주세요."
    )
    assert Registration.objects.get(pk=came.pk).status == "confirmed"


def test_the_admin_cancel_action_leaves_those_who_came(admin_client, admin_user):
    forum = ForumFactory(capacity=1)
    came = RegistrationFactory(forum=forum)
    waiting = RegistrationFactory(forum=forum, status="waitlisted")
    services.registration_check_in(registration=came, by=admin_user)
    response = admin_client.post(
        CHANGELIST, {"action": "cancel", "_selected_action": [came.pk], "confirmed": "yes"}, follow=True
    )
    assert "0건 취소, 대기자 0명 확정." in response.text
    assert Registration.objects.get(pk=came.pk).status == "confirmed"
    assert Registration.objects.get(pk=waiting.pk).status == "waitlisted"
    # A 1-seat forum never shows 2 present.
    assert Registration.objects.filter(forum=forum).came().count() == 1


def test_a_cancelled_row_with_a_check_in_time_is_not_counted_as_came():
    """Rows written before the table existed: the count stays true of them too."""
    forum = ForumFactory(capacity=1)
    RegistrationFactory(forum=forum, status="cancelled", checked_in_at=forum.starts_at)
    assert Registration.objects.filter(forum=forum).came().count() == 0


def test_a_person_who_came_and_erases_their_registration_still_counts_as_came(staff_user):
    forum = ForumFactory(capacity=2)
    came = RegistrationFactory(forum=forum)
    services.registration_check_in(registration=came, by=staff_user)
    registration_erase(registration=came)
    erased = Registration.objects.get(pk=came.pk)
    assert (erased.status, erased.anonymized_at is not None) == ("confirmed", True)
    assert Registration.objects.filter(forum=forum).came().count() == 1


def test_a_forum_where_people_were_checked_in_cannot_be_cancelled(staff_user):
    forum = ForumFactory(capacity=2)
    came = RegistrationFactory(forum=forum)
    services.registration_check_in(registration=came, by=staff_user)
    with pytest.raises(services.RegistrationError) as refused:
        forum_cancel(forum=forum, by=staff_user, reason="태풍")
    assert refused.value.code == "took_place"
    forum.refresh_from_db()
    assert (forum.status, Registration.objects.get(pk=came.pk).status) == ("published", "confirmed")


def test_the_attendee_cannot_cancel_after_being_checked_in(client, staff_user):
    forum = ForumFactory(capacity=2)
    came = RegistrationFactory(forum=forum)
    services.registration_check_in(registration=came, by=staff_user)
    response = client.post(f"/registrations/{came.token}/cancel/", follow=True)
    assert response.status_code == 200
    assert Registration.objects.get(pk=came.pk).status == "confirmed"
    assert ActionRecord.objects.filter(action="registration_cancelled", actor_kind=ActorKind.ATTENDEE).count() == 0


def test_publishing_and_unpublishing_in_the_forms_are_recorded_with_who_did_it(admin_client, admin_user):
    from django.urls import reverse

    from tests.admin_forms import forum_change_form

    forum = ForumFactory(status="draft", capacity=3)
    change = reverse("admin:events_forum_change", args=[forum.pk])
    assert admin_client.post(change, forum_change_form(forum, status="published")).status_code == 302
    forum.refresh_from_db()
    assert admin_client.post(change, forum_change_form(forum, status="draft")).status_code == 302
    records = ActionRecord.objects.filter(forum=forum).order_by("pk")
    assert [(r.action, r.before, r.after, r.actor) for r in records] == [
        ("forum_published", "draft", "published", admin_user),
        ("forum_unpublished", "published", "draft", admin_user),
    ]


def test_unpublishing_a_forum_people_registered_for_is_refused(admin_client):
    from django.urls import reverse

    from tests.admin_forms import forum_change_form

    forum = ForumFactory(capacity=3)
    RegistrationFactory(forum=forum)
    change = reverse("admin:events_forum_change", args=[forum.pk])
    response = admin_client.post(change, forum_change_form(forum, status="draft"))
    assert response.context["adminform"].form.errors == {
        "status": [
            "이 포럼에 신청한 사람이 있습니다. 초안으로 되돌리지 말고 취소해 주세요. 그래야 신청자에게 알림이 갑니다."
        ]
    }
    forum.refresh_from_db()
    assert forum.status == "published"
    assert ActionRecord.objects.filter(forum=forum).count() == 0
