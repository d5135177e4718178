"""One mail of every kind the site sends, queued as its service queues it and rendered as
the worker renders it: for the checks that hold every kind to the same standard (the Nu
HTML checker, the link texts, a phone's screen)."""

from django.contrib.auth.models import User

from attendees.models import ActorKind, PendingMail, Survey, SurveyInvitation
from attendees.news.mails import NewsMail
from attendees.news.subscriptions import subscription_confirmed
from attendees.registrations import services
from attendees.registrations.forum_changes import forum_cancel
from attendees.registrations.mails import RegistrationMail
from attendees.surveys.mails import SurveyMail
from tests.factories import ForumFactory, ForumPhotoFactory, registered, seoul
from tests.mailbox import queued_mail


def every_kind_of_mail() -> list[PendingMail]:
    forum = ForumFactory(number=3, starts_at=seoul(2030, 1, 8), capacity=1)
    first = registered(forum, email="first@example.kr", consent_marketing=True)
    registered(forum, email="second@example.kr", language="en")  # waits
    services.registration_cancel(registration=first, by=ActorKind.ATTENDEE)  # the second is promoted
    forum_cancel(forum=forum, by=User.objects.create_user("clerk"), reason="태풍 예보")
    # A confirmation, a place on the waiting list, a cancellation, a promotion and the forum's
    # cancellation came from the services above. The other kinds need weeks to pass (reminders,
    # thank-yous, reconfirmations): they are queued here as their services queue them, for a
    # forum that takes place, in both languages.
    other_forum = ForumFactory(number=4, starts_at=seoul(2030, 2, 12))
    ForumPhotoFactory.create_batch(2, forum=other_forum)  # the thank-you shows them
    korean, english = (registered(other_forum, email=f"{lang}@example.kr", language=lang) for lang in ("ko", "en"))
    later = {
        RegistrationMail.MANAGEMENT_LINK: korean,
        RegistrationMail.FORUM_RESCHEDULED: english,
        RegistrationMail.NEWS_WITHDRAWN: korean,
        RegistrationMail.REMINDER: english,
        RegistrationMail.STILL_WAITING: korean,
        NewsMail.THANK_YOU: english,
        NewsMail.SORRY_WE_MISSED_YOU: korean,
    }
    moved_from = {"former_starts_at": "2030-02-05T07:30:00+09:00", "former_ends_at": "2030-02-05T09:30:00+09:00"}
    for kind, registration in later.items():
        PendingMail.objects.create(
            registration=registration,
            recipient=registration.email,
            kind=kind,
            waitlist_position=1 if kind == RegistrationMail.STILL_WAITING else None,
            details={**moved_from, "former_venue": "회의장", "changed": ["starts_at"]}
            if kind == RegistrationMail.FORUM_RESCHEDULED
            else {},
        )
    subscriber = subscription_confirmed(email="news@example.kr", language="en", consent_version="2026-11-24")
    for kind in (NewsMail.ANNOUNCEMENT, NewsMail.RECONFIRMATION):
        PendingMail.objects.create(
            subscription=subscriber, recipient=subscriber.email, kind=kind, details={"forum": other_forum.pk}
        )
    survey = Survey.objects.create(forum=other_forum)
    SurveyInvitation.objects.create(survey=survey, registration=korean)
    PendingMail.objects.create(
        registration=korean, recipient=korean.email, kind=SurveyMail.REMINDER, details={"survey": survey.pk}
    )
    colleague = User.objects.create_user("han@gwangju.go.kr", email="han@gwangju.go.kr", first_name="한주무관")
    colleague.set_unusable_password()
    colleague.save()
    PendingMail.objects.create(
        staff_account=colleague, recipient=colleague.email, kind="staff_invitation", details={"role": "접수 데스크"}
    )
    queued_mail()  # rendered as the worker renders them
    return list(PendingMail.objects.select_related("email"))
