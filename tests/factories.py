"""Factories for test data, one per model, and registered(): a registration made through the service."""

import datetime

import factory
from django.utils import timezone

from attendees.models import Registration, RegistrationStatus, Sector
from attendees.registrations import services
from attendees.registrations.seat_counts import seat_counts_recount
from events.models import Forum, ForumPhoto, ForumStatus, PullQuote, Series, Talk, TalkSpeaker, Venue
from speakers.models import Speaker

SEOUL = timezone.get_fixed_timezone(9 * 60)


def seoul(year, month, day, hour=7, minute=30) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SEOUL)


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"회의장 {n}")
    room = "12층 국제회의실"
    address = "광주광역시 북구"


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    name = factory.Sequence(lambda n: f"조찬포럼 {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    default_venue = factory.SubFactory(VenueFactory)


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    series = factory.SubFactory(SeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"인공지능 주제 {n}")
    slug = factory.LazyAttribute(lambda forum: f"{forum.series.slug}-{forum.number}")
    starts_at = factory.Sequence(lambda n: seoul(2030, 1, 8) + datetime.timedelta(days=28 * n))
    ends_at = factory.LazyAttribute(lambda forum: forum.starts_at + datetime.timedelta(hours=2))
    venue = factory.SubFactory(VenueFactory)
    capacity = 100
    status = ForumStatus.PUBLISHED


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"연사{n}")
    name_en = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    position = "대표이사"
    organization = "㈜테스트"


class TalkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Talk
        skip_postgeneration_save = True

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"강연 {n}")
    slug = factory.Sequence(lambda n: f"talk-{n}")
    abstract = "강연 소개"
    summary = "강연 요약"

    @factory.post_generation
    def speakers(talk, create, speakers, **kwargs):
        for order, speaker in enumerate(speakers or [], start=1):
            TalkSpeaker.objects.create(talk=talk, speaker=speaker, order=order)


class PullQuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PullQuote

    talk = factory.SubFactory(TalkFactory)
    text = "인용문"


class ForumPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumPhoto

    forum = factory.SubFactory(ForumFactory)
    image = factory.django.ImageField(width=64, height=48, color="navy")
    alt_text = "참석자들이 강연을 듣는 모습"
    caption = "강연 장면"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    forum = factory.SubFactory(ForumFactory)
    name = factory.Sequence(lambda n: f"참가자{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.kr")
    organization = "광주AI"
    position = "연구원"
    sector = Sector.INDUSTRY
    status = RegistrationStatus.CONFIRMED
    consent_privacy = True
    consent_version = "2020-08"
    consented_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Rows made here skip the services, which keep the forum's seat counters.
        registration = super()._create(model_class, *args, **kwargs)
        seat_counts_recount(registration.forum)
        return registration


def registered(forum, email="kim@example.kr", **details):
    """A registration made through the service as the online form makes one: consent given,
    and the person's details a test does not look at filled in."""
    person = {"name": "김광주", "organization": "광주AI", "position": "연구원", "sector": "industry"}
    return services.registration_create(forum=forum, email=email, **{**person, "consent_privacy": True, **details})


def staff_with_role(role: str, username: str = "staff"):
    """A staff account in one of the roles `setup_roles` makes (포럼 담당자, 콘텐츠 편집자, 접수 데스크)."""
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    call_command("setup_roles")
    user = User.objects.create_user(username, password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user
