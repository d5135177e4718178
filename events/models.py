"""The forum series, its venues, the forums themselves, their talks and photos."""

import datetime
import uuid
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forum_site.core import clock
from forum_site.core.addresses import address_of
from forum_site.core.bilingual import Shown, shown
from forum_site.core.fields import ParagraphsTextField, PhotoField, SingleLineCharField
from forum_site.core.slugs import SlugFromField
from forum_site.core.uploads import validate_photo, validate_slides
from speakers.models import Speaker

from .search_text import forum_search_text, talk_search_text

# A reminder a week ahead at most: the reminder job looks no further.
MAX_REMINDER_HOURS = 7 * 24


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    FIFTH = 5, _("fifth")
    LAST = -1, _("last")


class Weekday(models.IntegerChoices):
    # The numbers are Python's date.weekday(), so the schedule needs no mapping.
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Venue(models.Model):
    name = SingleLineCharField(_("name"), max_length=150)
    name_en = SingleLineCharField(_("name in English"), max_length=150, blank=True)
    room = SingleLineCharField(_("floor and room"), max_length=150, blank=True)
    room_en = SingleLineCharField(_("floor and room in English"), max_length=150, blank=True)
    address = SingleLineCharField(_("address"), max_length=255, blank=True)
    address_en = SingleLineCharField(_("address in English"), max_length=255, blank=True)
    map_url = models.URLField(_("map link"), blank=True)

    class Meta:
        ordering = ["name", "room"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return f"{self.name} {self.room}".strip()

    @property
    def in_english(self) -> str:
        """Name and room in English, or "" while the venue has no English name."""
        return f"{self.name_en} {self.room_en}".strip() if self.name_en else ""

    @property
    def shown(self) -> Shown:
        return shown(str(self), self.in_english)

    @property
    def shown_address(self) -> Shown:
        return shown(self.address, self.address_en)

    @property
    def map_link(self) -> str:
        """The map link staff gave, or a Kakao Map search for the venue: a mail always
        has a way to the door."""
        if self.map_url:
            return self.map_url
        return "https://map.kakao.com/?" + urlencode({"q": self.name})


class Series(models.Model):
    """A recurring forum, held on a fixed week and weekday of every month."""

    name = SingleLineCharField(_("name"), max_length=150)
    name_en = SingleLineCharField(_("name in English"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = ParagraphsTextField(_("short description"), blank=True)
    description_en = ParagraphsTextField(_("short description in English"), blank=True)
    week_of_month = models.SmallIntegerField(
        _("week of the month"), choices=WeekOfMonth.choices, default=WeekOfMonth.SECOND
    )
    weekday = models.SmallIntegerField(_("weekday"), choices=Weekday.choices, default=Weekday.WEDNESDAY)
    default_start_time = models.TimeField(_("default start time"), default=datetime.time(7, 30))
    default_duration = models.DurationField(_("default duration"), default=datetime.timedelta(hours=2))
    default_venue = models.ForeignKey(
        Venue, verbose_name=_("default venue"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    default_capacity = models.PositiveIntegerField(_("default capacity"), default=100)
    registration_opens_days_before = models.PositiveSmallIntegerField(
        _("registration opens, days before"),
        default=30,
        validators=[MaxValueValidator(365)],
        help_text=_("Publishing a forum opens its registration this many days before it; it closes the day before."),
    )
    # 16 hours before a 07:30 start is 15:30 the day before: the afternoon, in time to
    # cancel and give the seat to someone waiting.
    reminder_hours_before = models.PositiveSmallIntegerField(
        _("reminder, hours before the start"),
        default=16,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_REMINDER_HOURS)],
        help_text=_("Registrants get a reminder this many hours before the forum starts."),
    )
    # Who is in charge, as the result report's 담당 row says it; a forum may say otherwise.
    report_department = SingleLineCharField(_("department in charge"), max_length=100, blank=True)
    report_officer = SingleLineCharField(
        _("officer in charge"), max_length=100, blank=True, help_text=_("e.g. 주무관 김광주")
    )
    report_contact = SingleLineCharField(_("contact"), max_length=100, blank=True, help_text=_("e.g. 062-613-0000"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum series")
        verbose_name_plural = _("forum series")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:forum-list")

    @property
    def display_name(self) -> Shown:
        """The name in the visitor's language, where an English one is given."""
        return shown(self.name, self.name_en)

    @property
    def schedule_display(self) -> str:
        """The rule in words, e.g. "second Wednesday"."""
        return _("%(week)s %(weekday)s of every month") % {
            "week": self.get_week_of_month_display(),
            "weekday": self.get_weekday_display(),
        }


class ForumStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    CANCELLED = "cancelled", _("cancelled")


# What the public may see: published forums, and announced ones later cancelled.
PUBLIC_STATUSES = (ForumStatus.PUBLISHED, ForumStatus.CANCELLED)


class RegistrationState(models.TextChoices):
    """What a visitor can do about a forum right now, for badges and buttons."""

    OPEN = "open", _("Registration open")
    WAITING_LIST = "waiting_list", _("Full: waiting list open")
    NOT_YET_OPEN = "not_yet_open", _("Registration not yet open")
    CLOSED = "closed", _("Registration closed")
    CANCELLED = "cancelled", _("Cancelled")


class ForumQuerySet(models.QuerySet):
    def published(self):
        """Forums the public may see: published ones, and announced ones later cancelled."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def visible_to(self, user):
        """Staff may preview drafts; everyone else sees what is published."""
        return self if user.is_staff else self.published()

    def with_series_and_venue(self):
        return self.select_related("series", "venue")

    def with_programme(self):
        """Venue, series and the talks with their speakers in order (Forum.programme), in a
        fixed number of queries."""
        return self.with_series_and_venue().prefetch_related(programme_prefetch())

    def upcoming(self):
        """Not yet over (a forum under way this morning still counts), soonest first."""
        return self.filter(ends_at__gte=clock.now()).order_by("starts_at")

    def taking_place(self):
        """Not cancelled: what "the next forum" may be."""
        return self.exclude(status=ForumStatus.CANCELLED)

    def with_public_report(self):
        return self.exclude(report="").filter(report_published_at__isnull=False)

    def next_planned_after(self, forum):
        """The series' next forum after this one, a draft included (the office plans it
        before it is public), unless cancelled; or None."""
        return (
            self.exclude(status=ForumStatus.CANCELLED)
            .filter(series_id=forum.series_id, starts_at__gt=forum.starts_at)
            .select_related("series", "venue")
            .order_by("starts_at")
            .first()
        )

    def next_after(self, forum):
        """The series' next forum after this one that takes place, or None."""
        return (
            self.published()
            .taking_place()
            .filter(series_id=forum.series_id, starts_at__gt=forum.starts_at)
            .select_related("series", "venue")
            .order_by("starts_at")
            .first()
        )

    def past(self):
        """Over, most recent first."""
        return self.filter(ends_at__lt=clock.now()).order_by("-starts_at")


def new_calendar_uid() -> str:
    """A forum's calendar UID: its own for good, whatever its number or slug becomes, and
    in the site's domain (SITE_URL), so two sites running this code never share one."""
    return f"forum-{uuid.uuid4()}@{urlsplit(settings.SITE_URL).hostname}"


# How long a staff report and a talk's summary may be. The result report's PDF takes about
# 0.2 s per 1,000 characters on a 2-core server (docs/performance.md): at these limits, a
# forum with one talk builds in about 6 s, far from gunicorn's 30 s timeout, and the text
# is still 8-10 printed pages.
REPORT_MAX_CHARS = 20_000
SUMMARY_MAX_CHARS = 10_000


def text_limit(limit: int) -> MaxLengthValidator:
    # A validator, not max_length: the form's maxlength attribute would cut a pasted text
    # short without a word; this says what is too long, and the text stays in the field.
    return MaxLengthValidator(
        limit,
        message=_(
            "At most %(limit_value)d characters (this text has %(show_value)d): shorten it, "
            "or publish the rest as an attached file."
        ),
    )


class Forum(models.Model):
    series = models.ForeignKey(Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="forums")
    number = models.PositiveIntegerField(_("number"), help_text=_("Shown as 제N차: the Nth forum of the series."))
    title = SingleLineCharField(_("theme"), max_length=200)
    title_en = SingleLineCharField(_("theme in English"), max_length=200, blank=True)
    slug = SlugFromField(
        _("slug"),
        max_length=80,
        unique=True,
        populate_from="slug_source",
        help_text=_("Names the forum's calendar files, e.g. gwangju-ai-3. Left empty, it is made from the series."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.PROTECT, null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=100)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ForumStatus.choices, default=ForumStatus.DRAFT)
    report = ParagraphsTextField(
        _("forum report"),
        blank=True,
        validators=[text_limit(REPORT_MAX_CHARS)],
        help_text=_(
            "Written by staff after the forum, for the public archive, in Markdown: ## heading, - list, "
            "**bold**, [link](https://...). A draft until published; staff see it on the forum's page first."
        ),
    )
    report_en = ParagraphsTextField(
        _("forum report in English"),
        blank=True,
        validators=[text_limit(REPORT_MAX_CHARS)],
        help_text=_("Shown on the English pages; Markdown as above."),
    )
    # Set by the admin's "publish the report" action: until then the public sees none of it.
    report_published_at = models.DateTimeField(_("report published at"), null=True, blank=True, editable=False)
    # The result report's 담당 row for this forum, where it differs from the series'.
    report_department = SingleLineCharField(
        _("department in charge"), max_length=100, blank=True, help_text=_("Empty: the series' one.")
    )
    report_officer = SingleLineCharField(
        _("officer in charge"), max_length=100, blank=True, help_text=_("Empty: the series' one.")
    )
    report_contact = SingleLineCharField(
        _("contact"), max_length=100, blank=True, help_text=_("Empty: the series' one.")
    )

    # The forum's life after it was announced; set only by the cancel and reschedule
    # services, which tell every registrant.
    cancellation_reason = ParagraphsTextField(_("reason for the cancellation"), blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    rescheduled_at = models.DateTimeField(
        _("schedule changed at"), null=True, blank=True, help_text=_("When the date, time or venue last changed.")
    )
    # The start people had been told before the latest move (schema.org's previousStartDate).
    previous_starts_at = models.DateTimeField(_("previous start"), null=True, blank=True, editable=False)
    # iCalendar's SEQUENCE: raised at each change people were told of, so calendars that
    # imported the forum replace it rather than keep the old one.
    calendar_sequence = models.PositiveIntegerField(_("calendar revision"), default=0)
    # What people's calendars know the forum by (iCalendar's UID). Forums made before it
    # existed keep the UID their files carried ("<slug>@forum-site", migration 0016).
    calendar_uid = models.CharField(max_length=255, unique=True, default=new_calendar_uid, editable=False)
    # Set, once, by the job that queued the reminders (attendees/registrations/reminders.py): whoever
    # registers after it gets no reminder, and a second run sends none.
    reminders_sent_at = models.DateTimeField(_("reminders sent at"), null=True, blank=True, editable=False)
    # Set, once, when staff announced the forum to the news subscribers (attendees/news/subscriptions.py).
    announced_at = models.DateTimeField(_("announced to subscribers at"), null=True, blank=True, editable=False)
    # Kept by the registration services under the forum's row lock (attendees/registrations/seat_counts.py),
    # so that a free seat is one read of the locked row, however many people registered.
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    waiting_count = models.PositiveIntegerField(_("waiting list"), default=0, editable=False)
    # Walk-ins admitted beyond the capacity (정원 외): "100 / 100 + 정원 외 1".
    over_capacity_count = models.PositiveIntegerField(_("admitted over capacity"), default=0, editable=False)
    COUNTERS = ("seats_taken", "waiting_count", "over_capacity_count")
    # Every word the site search looks in, kept by save() (events/search_text.py).
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ForumQuerySet.as_manager()
    # (series id, number) as loaded from the database (from_db): save() keeps it answering.
    _loaded_address: tuple[int | None, int | None]

    class Meta:
        ordering = ["-starts_at"]
        # The archive newest first, upcoming and past forums, the search's newest matches.
        indexes = [
            models.Index(fields=["starts_at"], name="forum_starts_idx"),
            models.Index(fields=["ends_at"], name="forum_ends_idx"),
        ]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                name="forum_number_unique_in_series",
                violation_error_message=_("This series already has a forum with this number."),
            ),
            models.CheckConstraint(
                condition=Q(number__gt=0),
                name="forum_number_positive",
                violation_error_message=_("The number must be 1 or more."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=0),
                name="forum_capacity_not_negative",
                violation_error_message=_("The capacity cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="forum_ends_after_start",
                violation_error_message=_("The forum must end after it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.display_number} {self.title}"

    def save(self, *args, **kwargs):
        self.search_text = forum_search_text(self)
        loaded = getattr(self, "_loaded_address", None)
        if loaded is not None and None not in loaded and loaded != (self.series_id, self.number):
            FormerAddress.objects.keep(self, series_id=loaded[0], number=loaded[1])
            self._loaded_address = (self.series_id, self.number)
        # An edit in the admin saves what its form loaded, maybe seconds ago: the seat
        # counters, moved meanwhile under the lock by registrations, are never written back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in self.COUNTERS
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return address_of("events:forum-detail", series=self.series.slug, number=self.number)

    @classmethod
    def from_db(cls, db, field_names, values):
        forum = super().from_db(db, field_names, values)
        # The address it was loaded with: save() keeps it answering if it changes.
        forum._loaded_address = (forum.__dict__.get("series_id"), forum.__dict__.get("number"))
        return forum

    @property
    def programme(self) -> list["Talk"]:
        """The talks in order: from with_programme() when the forum was fetched with it,
        otherwise two queries."""
        talks = self.__dict__.get("prefetched_programme")
        if talks is None:
            talks = list(self.talks.in_programme_order())
        return talks

    @property
    def slug_source(self) -> str:
        return f"{self.series.slug}-{self.number}"

    @property
    def shown_cancellation_reason(self) -> Shown:
        """Written for the registrants in Korean (there is no English field): marked so on English pages."""
        return shown(self.cancellation_reason, "")

    @property
    def shown_title(self) -> Shown:
        return shown(self.title, self.title_en)

    @property
    def shown_report(self) -> Shown:
        return shown(self.report, self.report_en)

    @property
    def report_is_public(self) -> bool:
        return bool(self.report) and self.report_published_at is not None

    @property
    def display_number(self) -> str:
        return _("No. %(number)s") % {"number": self.number}

    @property
    def series_and_number(self) -> str:
        """The series and the number in the page's language: "인공지능 산업육성 조찬포럼 제3차"."""
        return f"{self.series.display_name} {self.display_number}"

    @property
    def full_title(self) -> str:
        """The forum as calendars and search engines name it: "… 조찬포럼 제3차: 인공지능과 산업혁신"."""
        return f"{self.series_and_number}: {self.shown_title}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == ForumStatus.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < clock.now()

    @property
    def is_rescheduled(self) -> bool:
        return self.rescheduled_at is not None and not self.is_cancelled

    @property
    def in_charge(self) -> tuple[str, str, str]:
        """Department, officer and contact of the result report: the forum's own, else its series'."""
        series = self.series
        return (
            self.report_department or series.report_department,
            self.report_officer or series.report_officer,
            self.report_contact or series.report_contact,
        )

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        """No seat left: the next person waits (or, at the door, is admitted over capacity).
        People admitted over capacity take no seat, so they never make a forum full."""
        return self.seats_left == 0

    @property
    def registration_state(self) -> str:
        if self.is_cancelled:
            return RegistrationState.CANCELLED
        if self.is_registration_open:
            return RegistrationState.WAITING_LIST if self.is_full else RegistrationState.OPEN
        if self.registration_opens_at and clock.now() < self.registration_opens_at:
            return RegistrationState.NOT_YET_OPEN
        return RegistrationState.CLOSED

    @property
    def is_registration_open(self) -> bool:
        """Published, not yet started, and inside the registration window if one is set."""
        now = clock.now()
        return (
            self.status == ForumStatus.PUBLISHED
            and now < self.starts_at
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or now < self.registration_closes_at)
        )


class FormerAddressQuerySet(models.QuerySet):
    def keep(self, forum: Forum, *, series_id: int, number: int) -> None:
        """Remember that `forum` answered at this series and number; the forum's new
        address stops being anyone's former one."""
        self.filter(series_id=forum.series_id, number=forum.number).delete()
        self.update_or_create(series_id=series_id, number=number, defaults={"forum": forum})


class FormerAddress(models.Model):
    """A series and number a forum answered at before staff renumbered it: its pages there
    answer 301 to where it is now (events/former_addresses.py), so links in mails, calendars
    and search engines keep working."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="former_addresses")
    created_at = models.DateTimeField(default=clock.now)

    objects = FormerAddressQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["series", "number"], name="former_address_unique")]
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")

    def __str__(self):
        return f"{self.series_id}/{self.number} → {self.forum_id}"


class TalkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(forum__in=Forum.objects.published())

    def with_speakers(self):
        """The speakers in order (Talk.ordered_speakers), in one more query."""
        links = TalkSpeaker.objects.select_related("speaker")
        return self.prefetch_related(Prefetch("talk_speakers", queryset=links, to_attr="prefetched_speaker_links"))

    def in_programme_order(self):
        """A forum's talks as its programme lists them, with their speakers."""
        return self.with_speakers().order_by("order")  # per forum: no join for the forum's order


class Talk(models.Model):
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="talks")
    title = SingleLineCharField(_("title"), max_length=200)
    title_en = SingleLineCharField(_("title in English"), max_length=200, blank=True)
    slug = SlugFromField(
        _("slug"),
        max_length=80,
        allow_unicode=True,
        populate_from="title",
        unique_within=("forum",),
        help_text=_("The end of the talk's address. Left empty, it is made from the title."),
    )
    speakers: "models.ManyToManyField[Speaker, TalkSpeaker]" = models.ManyToManyField(
        Speaker, verbose_name=_("speakers"), through="TalkSpeaker", related_name="talks"
    )
    abstract = ParagraphsTextField(
        _("abstract"),
        blank=True,
        help_text=_("Announced before the forum. Markdown: **bold**, - list, [link](https://...)."),
    )
    abstract_en = ParagraphsTextField(_("abstract in English"), blank=True)
    summary = ParagraphsTextField(
        _("summary"),
        blank=True,
        validators=[text_limit(SUMMARY_MAX_CHARS)],
        help_text=_("Written after the forum, for the public. Markdown: **bold**, - list, [link](https://...)."),
    )
    summary_en = ParagraphsTextField(_("summary in English"), blank=True, validators=[text_limit(SUMMARY_MAX_CHARS)])
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    slides = models.FileField(
        _("slides"),
        upload_to="slides/",
        blank=True,
        validators=[validate_slides],
        help_text=_("PDF, PPTX, HWP or HWPX. Visitors download it; it never opens in the site."),
    )
    video_url = models.URLField(_("video link"), blank=True)
    # Its own words and its speakers' names, for the site search (events/search_text.py).
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = TalkQuerySet.as_manager()

    class Meta:
        ordering = ["forum", "order"]
        verbose_name = _("talk")
        verbose_name_plural = _("talks")
        constraints = [
            models.UniqueConstraint(fields=["forum", "slug"], name="talk_slug_unique_in_forum"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = talk_search_text(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return address_of("events:talk-detail", series=self.forum.series.slug, number=self.forum.number, slug=self.slug)

    @property
    def shown_title(self) -> Shown:
        return shown(self.title, self.title_en)

    @property
    def shown_abstract(self) -> Shown:
        return shown(self.abstract, self.abstract_en)

    @property
    def shown_summary(self) -> Shown:
        return shown(self.summary, self.summary_en)

    @property
    def ordered_speakers(self) -> list[Speaker]:
        """The speakers in speaking order: from with_speakers() when the talk was fetched
        with it, otherwise one query."""
        links = self.__dict__.get("prefetched_speaker_links")
        if links is None:
            links = self.talk_speakers.select_related("speaker")
        return [link.speaker for link in links]


def programme_prefetch() -> Prefetch:
    """Each forum's talks with their speakers, in order, as Forum.programme reads them."""
    # Lists (to_attr), not a prefetched queryset per forum and talk: Django builds one
    # queryset per row for those, and a page of forum cards read them a dozen times
    # each (6-10% of the time of the home page, the archive and the search).
    return Prefetch("talks", queryset=Talk.objects.in_programme_order(), to_attr="prefetched_programme")


def programmes_fetch(forums: list[Forum]) -> None:
    """The programme of forums fetched by several queries (a page's upcoming and past
    ones), in one pair of queries for them all instead of a pair per list."""
    prefetch_related_objects(forums, programme_prefetch())


class TalkSpeaker(models.Model):
    """A speaker's place in a talk's list of speakers."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="talk_speakers")
    speaker = models.ForeignKey(Speaker, verbose_name=_("speaker"), on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        ordering = ["order"]
        verbose_name = _("speaker of the talk")
        verbose_name_plural = _("speakers of the talk")
        constraints = [models.UniqueConstraint(fields=["talk", "speaker"], name="talk_speaker_once")]

    def __str__(self):
        return str(self.speaker)


class PullQuote(models.Model):
    """A short quote from a talk, set apart in its summary."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Speaker, verbose_name=_("speaker"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = ParagraphsTextField(_("quote"))
    text_en = ParagraphsTextField(_("quote in English"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        ordering = ["order"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    def __str__(self):
        return self.text[:60]

    @property
    def shown_text(self) -> Shown:
        return shown(self.text, self.text_en)


class ForumPhoto(models.Model):
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="photos")
    image = PhotoField(_("image"), upload_to="forums/", validators=[validate_photo], thumbnail_field="thumbnail")
    # Made from the image when it is stored (forum_site/core/photos.py): what the gallery shows.
    thumbnail = models.ImageField(_("thumbnail"), upload_to="forums/thumbnails/", blank=True, editable=False)
    alt_text = SingleLineCharField(
        _("alternative text"), max_length=250, help_text=_("What the photo shows, for people who cannot see it.")
    )
    caption = SingleLineCharField(_("caption"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Left at 0, it goes after the others."))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        if not self.order:
            last = ForumPhoto.objects.filter(forum_id=self.forum_id).aggregate(last=models.Max("order"))["last"]
            self.order = (last or 0) + 1
        super().save(*args, **kwargs)

    @property
    def thumbnail_url(self) -> str:
        return (self.thumbnail or self.image).url


class Guest(models.Model):
    """An invited guest (내빈): the mayor, the council chair, university presidents. Guests
    sit outside the public capacity; the MC introduces those who came, in protocol order."""

    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="guests")
    name = SingleLineCharField(_("name"), max_length=100)
    title = SingleLineCharField(_("title"), max_length=100, help_text=_("e.g. 광주광역시장"))
    organization = SingleLineCharField(_("organization"), max_length=150, blank=True)
    protocol_order = models.PositiveSmallIntegerField(
        _("protocol order"), default=1, help_text=_("1 is introduced first.")
    )
    gives_greeting = models.BooleanField(_("gives a greeting"), default=False)
    arrived_at = models.DateTimeField(_("arrived at"), null=True, blank=True)

    class Meta:
        ordering = ["forum", "protocol_order", "pk"]
        verbose_name = _("invited guest")
        verbose_name_plural = _("invited guests")

    def __str__(self):
        return f"{self.title} {self.name}".strip()


def public_speakers():
    """Speakers with a talk at a forum the public may see. A semi-join (EXISTS), not a join
    with DISTINCT: a page of them, in name order, costs the same with 30 or 30,000."""
    return Speaker.objects.filter(
        Exists(TalkSpeaker.objects.filter(speaker=OuterRef("pk"), talk__forum__status__in=PUBLIC_STATUSES))
    )
