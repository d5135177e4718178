"""Every mail sent to many carries List-Id, which mail programs file and filter by; where
the person can stop it, List-Unsubscribe with RFC 8058's one click, which stops exactly
that: the news for a subscriber, the mail after the forum for a registrant."""

import re

import pytest
from django.test import Client

from attendees.models import PendingMail, Registration, SurveyInvitation
from attendees.outbox.delivery import outbox_deliver
from tests.every_mail import every_kind_of_mail

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_years_day_2030")]

NEWS_LIST = "AI 조찬포럼 소식 <news.127.0.0.1>"
STOPPABLE = {"announcement", "reconfirmation", "thank_you", "missed_you", "survey_reminder"}
ABOUT_A_SEAT = {"reminder", "still_waiting", "forum_rescheduled", "forum_cancelled"}


def headers_by_kind() -> dict[str, dict]:
    return {pending.kind: pending.email.headers or {} for pending in every_kind_of_mail()}


def test_each_mail_to_many_is_filed_as_its_list_and_stopped_where_it_may_be():
    headers = headers_by_kind()
    for kind in STOPPABLE | ABOUT_A_SEAT:
        assert "List-Id" in headers[kind], kind
    assert headers["announcement"]["List-Id"] in {NEWS_LIST, "AI Breakfast Forum news <news.127.0.0.1>"}
    assert re.fullmatch(r".* No\. 4 <series-\d+-4\.127\.0\.0\.1>|.* 제4차 <series-\d+-4\.127\.0\.0\.1>",
                        headers["thank_you"]["List-Id"])  # fmt: skip
    for kind in STOPPABLE:
        assert headers[kind]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click", kind
        assert re.fullmatch(r"<http://127\.0\.0\.1:8000/\S+/>", headers[kind]["List-Unsubscribe"]), kind
    for kind in ABOUT_A_SEAT:  # a person cannot opt out of being told about their own seat
        assert "List-Unsubscribe" not in headers[kind], kind
    # One-to-one mails are not a list.
    assert "List-Id" not in headers["confirmation"] and "List-Id" not in headers["staff_invitation"]


def test_the_thank_yous_one_click_stops_the_mail_after_the_forum_and_nothing_else(mailoutbox):
    mails = {pending.kind: pending for pending in every_kind_of_mail()}
    thank_you = mails["thank_you"]
    address = thank_you.email.headers["List-Unsubscribe"].strip("<>")
    path = "/" + address.split("/", 3)[3]
    registration = thank_you.registration
    mail_program = Client(enforce_csrf_checks=True)  # has no CSRF token, and needs none
    assert mail_program.get(path).status_code == 200  # a GET only asks
    assert Registration.objects.get(pk=registration.pk).after_forum_mail_stopped_at is None
    answer = mail_program.post(path, {"List-Unsubscribe": "One-Click"})
    assert (answer.status_code, answer.content.decode()) == (200, "Unsubscribed.")
    assert Registration.objects.get(pk=registration.pk).after_forum_mail_stopped_at is not None
    # A survey reminder and a seat's reminder queued for them now: the first is dropped
    # unsent, the second goes.
    PendingMail.objects.all().delete()
    SurveyInvitation.objects.create(survey_id=mails["survey_reminder"].details["survey"], registration=registration)
    for kind in ("survey_reminder", "reminder"):
        PendingMail.objects.create(
            registration=registration, recipient=registration.email, kind=kind, details=mails[kind].details
        )
    outbox_deliver()
    sent = [message.subject for message in mailoutbox if message.to == [registration.email]]
    assert len(sent) == 1 and "survey" not in sent[0].lower() and "만족도" not in sent[0]
