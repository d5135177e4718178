"""plan_forums: create draft forums for the coming months from the series' rule."""

from django.core.management.base import BaseCommand, CommandError

from events.models import Series
from events.services import PlanOutcome, forum_schedule_plan, forums_plan
from forum_site.core import clock


class Command(BaseCommand):
    help = (
        "Create draft forums on the series' meeting day (e.g. 2nd Wednesday) for this and the "
        "next months, numbered after the last forum. Dates already taken are skipped; a "
        "Korean public holiday is reported and left for staff to decide."
    )

    def add_arguments(self, parser):
        parser.add_argument("--series", required=True, help="the series' slug")
        parser.add_argument("--months", type=int, default=3, help="how many months ahead (default 3)")
        parser.add_argument("--dry-run", action="store_true", help="print the plan, create nothing")

    def handle(self, *, series, months, dry_run, **options):
        try:
            series_obj = Series.objects.get(slug=series)
        except Series.DoesNotExist:
            raise CommandError(f"No series with the slug {series!r}.") from None
        if months < 1:
            raise CommandError("--months must be 1 or more.")

        today = clock.today()
        if dry_run:
            plan = forum_schedule_plan(series=series_obj, months=months, today=today)
        else:
            plan, _created = forums_plan(series=series_obj, months=months, today=today)

        for planned in plan:
            day = planned.date.isoformat()
            if planned.outcome is PlanOutcome.CREATE:
                verb = "would create" if dry_run else "created"
                self.stdout.write(self.style.SUCCESS(f"{day}: {verb} forum No. {planned.number} (draft)"))
            elif planned.outcome is PlanOutcome.HOLIDAY:
                self.stderr.write(
                    self.style.WARNING(f"{day}: not created, public holiday {planned.holiday_name}; plan it by hand")
                )
            elif planned.outcome is PlanOutcome.EXISTS:
                self.stdout.write(f"{day}: a forum already exists")
            elif planned.outcome is PlanOutcome.PAST:
                self.stdout.write(f"{day}: past, the meeting day is behind us")
            elif planned.outcome is PlanOutcome.NO_MEETING_DAY:
                self.stdout.write(f"{planned.date:%Y-%m}: the month has no meeting day by the series' rule")
            else:
                self.stdout.write(f"{day}: skipped, the series already has a later forum")
        if not plan:
            self.stdout.write("Nothing to plan in that period.")
