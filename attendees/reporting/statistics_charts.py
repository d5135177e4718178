"""The statistics page's bar charts (attendees/charts.py draws them): each forum's
attendance, and the sectors of those who came."""

from django.utils.translation import gettext as _

from attendees.charts import ROW_HEIGHT, Bar, Chart, ChartRow, bar_length, row_baseline, row_top

from .statistics import SeriesStatistics


def attendance_chart(statistics: SeriesStatistics) -> Chart:
    """Each forum's people (registered online and at the door) and, inside, those who came."""
    longest = max((row.registered + row.walk_ins for row in statistics.forums), default=0)
    rows = []
    for index, row in enumerate(statistics.forums):
        top = row_top(index)
        registered = row.registered + row.walk_ins
        rows.append(
            ChartRow(
                label=row.forum.display_number,
                value=_("%(came)d came of %(registered)d") % {"came": row.checked_in, "registered": registered},
                bars=[
                    Bar("bar-registered", bar_length(registered, longest), top + 4, ROW_HEIGHT - 8),
                    Bar("bar-present", bar_length(row.checked_in, longest), top + 9, ROW_HEIGHT - 18),
                ],
                baseline=row_baseline(index),
            )
        )
    return Chart(rows)


def sector_chart(statistics: SeriesStatistics) -> Chart:
    """The share of each sector among those who came, over the series."""
    rows = []
    for index, (sector, count, share) in enumerate(statistics.sector_rows):
        rows.append(
            ChartRow(
                label=str(sector.label),
                value=_("%(count)d people (%(percent)s%%)") % {"count": count, "percent": round(100 * share, 1)},
                bars=[
                    Bar(
                        f"bar-sector bar-sector-{sector.value}",
                        bar_length(share, 1),
                        row_top(index) + 5,
                        ROW_HEIGHT - 10,
                    )
                ],
                baseline=row_baseline(index),
            )
        )
    return Chart(rows)
