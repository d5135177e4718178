"""The statistics page's bar charts, laid out here and drawn by the template as SVG: each
row names its forum or sector on the left and writes its numbers after the bars, so that
the chart reads on its own (the table beside it gives the same numbers)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .statistics import SeriesStatistics

# In the SVG's own units; the chart scales to the page's width as a whole, text included.
WIDTH = 720
LABEL_WIDTH = 110
VALUE_WIDTH = 190
BAR_SPACE = WIDTH - LABEL_WIDTH - VALUE_WIDTH
ROW_HEIGHT = 30


@dataclass(frozen=True)
class Bar:
    css_class: str
    width: float
    y: float
    height: float


@dataclass(frozen=True)
class ChartRow:
    label: str
    value: str
    bars: list[Bar]
    baseline: float  # where the row's text sits

    @property
    def value_x(self) -> float:
        return LABEL_WIDTH + max((bar.width for bar in self.bars), default=0) + 6


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    width: int = WIDTH
    label_width: int = LABEL_WIDTH

    @property
    def height(self) -> int:
        return ROW_HEIGHT * len(self.rows)


def _length(value: float, longest: float) -> float:
    return round(BAR_SPACE * value / longest, 1) if longest else 0.0


def attendance_chart(statistics: SeriesStatistics) -> Chart:
    """Each forum's people (registered online and at the door) and, inside, those who came."""
    longest = max((row.registered + row.walk_ins for row in statistics.forums), default=0)
    rows = []
    for index, row in enumerate(statistics.forums):
        top = index * ROW_HEIGHT
        registered = row.registered + row.walk_ins
        rows.append(
            ChartRow(
                label=row.forum.display_number,
                value=_("%(came)d came of %(registered)d") % {"came": row.checked_in, "registered": registered},
                bars=[
                    Bar("bar-registered", _length(registered, longest), top + 4, ROW_HEIGHT - 8),
                    Bar("bar-present", _length(row.checked_in, longest), top + 9, ROW_HEIGHT - 18),
                ],
                baseline=top + ROW_HEIGHT / 2 + 5,
            )
        )
    return Chart(rows)


def sector_chart(statistics: SeriesStatistics) -> Chart:
    """The share of each sector among those who came, over the series."""
    rows = []
    for index, (sector, count, share) in enumerate(statistics.sector_rows):
        top = index * ROW_HEIGHT
        rows.append(
            ChartRow(
                label=str(sector.label),
                value=_("%(count)d people (%(percent)s%%)") % {"count": count, "percent": round(100 * share, 1)},
                bars=[Bar(f"bar-sector bar-sector-{sector.value}", _length(share, 1), top + 5, ROW_HEIGHT - 10)],
                baseline=top + ROW_HEIGHT / 2 + 5,
            )
        )
    return Chart(rows)
