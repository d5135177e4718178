"""Attendance statistics, per forum and over a series, for the staff's statistics page,
its XLSX download and the result report.

Most numbers come from what the purge keeps (status, sector, walk-in, check-in time);
they are the same before and after personal data is removed. The two that need personal
data, returning attendees (by email) and distinct organisations, are computed from the
registrations while they hold it, and kept in an AttendanceSnapshot just before the
purge removes it (snapshots_take).
"""

import dataclasses
from collections import defaultdict

from django.db.models import Count, Q

from attendees.contacts import address_key
from attendees.models import (
    CAME,
    CAME_AT_THE_DOOR,
    OVER_CAPACITY,
    SEATED,
    AttendanceSnapshot,
    Registration,
    RegistrationStatus,
    Sector,
)
from attendees.seats import seats_line
from events.models import Forum, Guest

# The sectors of 산·학·연·관, and "other", in the order of every table.
SECTORS = list(Sector)


@dataclasses.dataclass
class ForumStatistics:
    forum: Forum
    registered: int = 0  # online, whatever became of it
    confirmed: int = 0  # in the capacity's seats
    over_capacity: int = 0  # confirmed beyond it, at the door
    waitlisted: int = 0
    cancelled: int = 0
    checked_in: int = 0
    walk_ins: int = 0
    confirmed_online: int = 0
    confirmed_online_present: int = 0
    guests_present: int = 0
    returning: int = 0
    organisations: int = 0
    by_sector: dict = dataclasses.field(default_factory=lambda: dict.fromkeys(SECTORS, 0))

    @property
    def no_show_rate(self) -> float | None:
        """Of those who held a seat online, the share who did not come."""
        if not self.confirmed_online:
            return None
        return 1 - self.confirmed_online_present / self.confirmed_online

    @property
    def capacity(self) -> int:
        return self.forum.capacity

    @property
    def seats(self) -> str:
        return seats_line(self.confirmed, self.capacity, self.over_capacity)

    @property
    def sector_shares(self) -> dict:
        return {
            sector: (count / self.checked_in if self.checked_in else 0.0) for sector, count in self.by_sector.items()
        }

    @property
    def sector_rows(self) -> list[tuple]:
        """(sector, count, share) in the order of SECTORS, for tables."""
        return [(sector, self.by_sector[sector], self.sector_shares[sector]) for sector in SECTORS]


@dataclasses.dataclass
class SeriesStatistics:
    forums: list[ForumStatistics]

    def total(self, name: str) -> int:
        return sum(getattr(each, name) for each in self.forums)

    @property
    def seats(self) -> str:
        return seats_line(self.total("confirmed"), self.total("capacity"), self.total("over_capacity"))

    @property
    def by_sector(self) -> dict:
        return {sector: sum(each.by_sector[sector] for each in self.forums) for sector in SECTORS}

    @property
    def sector_rows(self) -> list[tuple]:
        present = self.total("checked_in")
        return [(sector, count, count / present if present else 0.0) for sector, count in self.by_sector.items()]

    @property
    def no_show_rate(self) -> float | None:
        seats = self.total("confirmed_online")
        return 1 - self.total("confirmed_online_present") / seats if seats else None


def _counts_by_forum(forums) -> dict:
    present = CAME
    online = Q(walk_in=False)
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    rows = (
        Registration.objects.filter(forum__in=forums)
        .values("forum_id")
        .annotate(
            registered=Count("pk", filter=online),
            confirmed=Count("pk", filter=SEATED),
            over_capacity=Count("pk", filter=OVER_CAPACITY),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            checked_in=Count("pk", filter=present),
            walk_ins=Count("pk", filter=CAME_AT_THE_DOOR),
            confirmed_online=Count("pk", filter=confirmed & online),
            confirmed_online_present=Count("pk", filter=confirmed & online & present),
        )
        .order_by()
    )
    return {row.pop("forum_id"): row for row in rows}


def _people_present_by_forum(forums) -> dict:
    """{forum id: [(email, organisation)]} of those checked in whose data is still here."""
    people = defaultdict(list)
    rows = (
        Registration.objects.came()
        .identifiable()
        .filter(forum__in=forums)
        .values_list("forum_id", "email", "organization")
    )
    for forum_id, email, organisation in rows:
        people[forum_id].append((address_key(email), " ".join(organisation.split()).lower()))
    return people


def _returning_and_organisations(forums: list[Forum]) -> dict:
    """{forum id: (returning attendees, distinct organisations)}, computed from the
    registrations. A returning attendee was checked in at an earlier forum of the series."""
    people = _people_present_by_forum(forums)
    seen_before: defaultdict[int, set[str]] = defaultdict(set)  # series id -> emails of earlier forums
    result = {}
    for forum in sorted(forums, key=lambda forum: forum.starts_at):
        present = people.get(forum.pk, [])
        emails = {email for email, _organisation in present if email}
        returning = len(emails & seen_before[forum.series_id])
        organisations = len({organisation for _email, organisation in present if organisation})
        result[forum.pk] = (returning, organisations)
        seen_before[forum.series_id] |= emails
    return result


def _series_forums(forums) -> list[Forum]:
    # Every forum of their series counts for "returning", not only these.
    return list(Forum.objects.filter(series__in={forum.series_id for forum in forums}).only("series", "starts_at"))


def forums_statistics(forums) -> list[ForumStatistics]:
    """The statistics of these forums, oldest first, in a fixed number of queries."""
    forums = sorted(forums, key=lambda forum: forum.starts_at)
    counts = _counts_by_forum(forums)
    sectors = (
        Registration.objects.came()
        .filter(forum__in=forums)
        .values_list("forum_id", "sector")
        .annotate(count=Count("pk"))
        .order_by()
    )
    guests = dict(
        Guest.objects.filter(forum__in=forums, arrived_at__isnull=False)
        .values_list("forum_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    snapshots = {
        snapshot.forum_id: (snapshot.returning_attendees, snapshot.organisations)
        for snapshot in AttendanceSnapshot.objects.filter(forum__in=forums)
    }
    # From personal data only for forums that have no snapshot yet.
    computed = {}
    if any(forum.pk not in snapshots for forum in forums):
        computed = _returning_and_organisations(_series_forums(forums))
    result = []
    for forum in forums:
        statistics = ForumStatistics(forum=forum, **counts.get(forum.pk, {}))
        statistics.guests_present = guests.get(forum.pk, 0)
        statistics.returning, statistics.organisations = snapshots.get(forum.pk) or computed.get(forum.pk, (0, 0))
        result.append(statistics)
    by_forum = {statistics.forum.pk: statistics for statistics in result}
    for forum_id, sector, count in sectors:
        by_forum[forum_id].by_sector[Sector(sector)] = count
    return result


def series_statistics(series) -> SeriesStatistics:
    # Forums held: an upcoming one has no attendance yet, a cancelled one none at all.
    forums = Forum.objects.published().taking_place().past().filter(series=series).select_related("series", "venue")
    return SeriesStatistics(forums_statistics(forums))


def snapshots_take(forum_ids=None) -> int:
    """Keep, for every forum (or these) that has none yet, the numbers that need personal
    data. Called by the purge before it removes anything; returns how many were taken."""
    without = Forum.objects.exclude(pk__in=AttendanceSnapshot.objects.values("forum_id"))
    if forum_ids is not None:
        without = without.filter(pk__in=forum_ids)
    forums = list(without.only("series", "starts_at"))
    if not forums:
        return 0
    computed = _returning_and_organisations(_series_forums(forums))
    AttendanceSnapshot.objects.bulk_create(
        [
            AttendanceSnapshot(
                forum=forum, returning_attendees=computed[forum.pk][0], organisations=computed[forum.pk][1]
            )
            for forum in forums
        ],
        ignore_conflicts=True,  # a purge running at the same moment took it first
    )
    return len(forums)
