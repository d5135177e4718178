"""Bar charts laid out on the server and drawn by attendees/charts/_bar_chart.html as
SVG: each row names its subject on the left and writes its numbers after the bars, so
that a chart reads on its own (a table beside it gives the same numbers). The statistics
page and the survey's results use them."""

from collections.abc import Sequence
from dataclasses import dataclass

# In the SVG's own units; the chart scales to the page's width as a whole, text included.
WIDTH = 720
LABEL_WIDTH = 110
VALUE_WIDTH = 190
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
    label_width: int = LABEL_WIDTH

    @property
    def value_x(self) -> float:
        return self.label_width + max((bar.width for bar in self.bars), default=0) + 6


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    width: int = WIDTH
    label_width: int = LABEL_WIDTH

    @property
    def height(self) -> int:
        return ROW_HEIGHT * len(self.rows)


def bar_length(value: float, longest: float, label_width: int = LABEL_WIDTH) -> float:
    """How long a bar of `value` is when the longest bar is `longest`."""
    space = WIDTH - label_width - VALUE_WIDTH
    return round(space * value / longest, 1) if longest else 0.0


def row_top(index: int) -> int:
    return index * ROW_HEIGHT


def row_baseline(index: int) -> float:
    return row_top(index) + ROW_HEIGHT / 2 + 5


def single_bar_chart(
    rows: Sequence[tuple[str, float, str]], css_class: str, longest: float, label_width: int = LABEL_WIDTH
) -> Chart:
    """One bar a row: (label, value, the text after it), bars scaled to `longest`."""
    return Chart(
        [
            ChartRow(
                label=label,
                value=text,
                bars=[Bar(css_class, bar_length(value, longest, label_width), row_top(index) + 5, ROW_HEIGHT - 10)],
                baseline=row_baseline(index),
                label_width=label_width,
            )
            for index, (label, value, text) in enumerate(rows)
        ],
        label_width=label_width,
    )
