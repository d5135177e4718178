"""Invented attendance for the demo: registrations, check-ins and walk-ins at forums 1
and 2, and the first registrations for forum 3, so that the statistics, the result report
and the reminder have something to show.

Every person here is made up and marked as such: named 데모참가자 001, ..., with an
address at demo.example (a domain reserved for examples, which no mail reaches). The
numbers are drawn from a fixed seed, so every `make run` shows the same demo.
"""

import datetime
import random

from attendees.models import Registration, RegistrationStatus, Sector, Subscription
from attendees.registrations.consent import CONSENT_VERSION
from attendees.registrations.seat_counts import seat_counts_recount
from events.models import Forum

DEMO_DOMAIN = "demo.example"
SEOUL = datetime.timezone(datetime.timedelta(hours=9))

ORGANISATIONS = {
    Sector.INDUSTRY: [
        "빛고을AI㈜",
        "무등데이터㈜",
        "첨단로보틱스㈜",
        "남도스마트팩토리㈜",
        "한빛비전㈜",
        "영산강모빌리티㈜",
    ],
    Sector.ACADEMIA: ["전남대학교", "조선대학교", "광주과학기술원(GIST)", "호남대학교"],
    Sector.RESEARCH: ["광주테크노파크", "한국전자통신연구원 호남권연구센터", "광주그린카진흥원"],
    Sector.GOVERNMENT: ["광주광역시", "광주광역시의회", "광주광역시 북구"],
}
# Shares of each sector, as a breakfast of the city's AI cluster would draw them.
SECTOR_WEIGHTS = {Sector.INDUSTRY: 50, Sector.ACADEMIA: 20, Sector.RESEARCH: 15, Sector.GOVERNMENT: 15}
POSITIONS = ["대표이사", "연구원", "교수", "책임연구원", "과장", "팀장", "주무관"]

# (number, registered online, of them cancelled, checked in, walk-ins, returning from forum 1)
PLAN = {1: (96, 5, 80, 6, 0), 2: (104, 6, 86, 5, 38)}
FORUM_3_REGISTERED = 37


def _person(index: int, rng: random.Random) -> dict:
    sector = rng.choices(list(SECTOR_WEIGHTS), weights=list(SECTOR_WEIGHTS.values()))[0]
    return {
        "name": f"데모참가자 {index:03}",
        "email": f"participant{index:03}@{DEMO_DOMAIN}",
        "organization": rng.choice(ORGANISATIONS[sector]),
        "position": rng.choice(POSITIONS),
        "sector": sector,
    }


def _registration(forum: Forum, person: dict, at: datetime.datetime, rng: random.Random, **fields) -> Registration:
    news = rng.random() < 0.4
    return Registration(
        forum=forum,
        **person,
        consent_privacy=True,
        consent_marketing=news,
        consent_version=CONSENT_VERSION,
        consented_at=at,
        marketing_confirmed_at=at + datetime.timedelta(minutes=5) if news else None,
        created_at=at,
        **fields,
    )


def load_demo_attendance(series) -> int:
    """Registrations for the demo's forums 1-3, once; returns how many were added."""
    if Registration.objects.filter(forum__series=series, email__endswith=f"@{DEMO_DOMAIN}").exists():
        return 0
    rng = random.Random(2020)
    forums = {forum.number: forum for forum in series.forums.filter(number__in=[1, 2, 3])}
    people = [_person(index, rng) for index in range(1, 301)]
    created = []
    next_new = 0
    first_forum_people: list[dict] = []
    for number, (registered, cancelled, checked_in, walk_ins, returning) in PLAN.items():
        forum = forums[number]
        chosen = rng.sample(first_forum_people, returning) if returning else []
        while len(chosen) < registered + walk_ins:
            chosen.append(people[next_new])
            next_new += 1
        online, at_the_door = chosen[:registered], chosen[registered:]
        if number == 1:
            first_forum_people = online + at_the_door
        opened = forum.starts_at - datetime.timedelta(days=21)
        rows = []
        for order, person in enumerate(online):
            at = opened + datetime.timedelta(hours=4 * order + rng.randint(0, 3))
            status = RegistrationStatus.CONFIRMED if order < forum.capacity else RegistrationStatus.WAITLISTED
            rows.append(_registration(forum, person, at, rng, status=status))
        for registration in rng.sample(rows, cancelled):
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = registration.created_at + datetime.timedelta(days=3)
        present = [row for row in rows if row.status == RegistrationStatus.CONFIRMED]
        for registration in rng.sample(present, min(checked_in, len(present))):
            registration.checked_in_at = forum.starts_at - datetime.timedelta(minutes=rng.randint(0, 30))
        for person in at_the_door:
            arrived = forum.starts_at - datetime.timedelta(minutes=rng.randint(0, 10))
            rows.append(_registration(forum, person, arrived, rng, walk_in=True, checked_in_at=arrived))
        created += Registration.objects.bulk_create(rows)
        seat_counts_recount(forum)
    forum_3 = forums[3]
    rows = []
    for order in range(FORUM_3_REGISTERED):
        at = forum_3.registration_opens_at + datetime.timedelta(minutes=25 * order + rng.randint(0, 20))
        person = rng.choice(first_forum_people) if order % 3 == 0 else people[next_new]
        if order % 3:
            next_new += 1
        rows.append(_registration(forum_3, person, at, rng, status=RegistrationStatus.CONFIRMED))
    unique = {row.email: row for row in rows}  # a returning person registers once
    created += Registration.objects.bulk_create(unique.values())
    seat_counts_recount(forum_3)
    # Those who confirmed news from their mailbox are subscribers, as the site makes them.
    subscribers = []
    for row in {row.email: row for row in created if row.marketing_confirmed_at}.values():
        if row.consented_at is None or row.marketing_confirmed_at is None:
            continue  # every demo registration consented; this tells the type checker so
        subscribers.append(
            Subscription(
                email=row.email,
                language=row.language,
                consented_at=row.consented_at,
                consent_version=row.consent_version,
                reconfirmed_at=row.marketing_confirmed_at,
            )
        )
    Subscription.objects.bulk_create(subscribers, ignore_conflicts=True)
    # The invited guests of forum 2 all came, a little before the start.
    forums[2].guests.filter(arrived_at__isnull=True).update(
        arrived_at=forums[2].starts_at - datetime.timedelta(minutes=15)
    )
    return len(created)
