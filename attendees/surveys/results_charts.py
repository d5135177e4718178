"""The survey results' charts, in the statistics page's manner (attendees/charts.py):
the share satisfied per rating item, the levels of each rating item, the answers of
each choice item."""

from django.utils.translation import gettext as _

from attendees.charts import Chart, single_bar_chart
from attendees.surveys.results import ItemResult, SurveyResults

SURVEY_LABEL_WIDTH = 150  # room for "5 매우 만족" and a choice's label


def people_and_share(count: int, percent: float) -> str:
    return _("%(count)d people (%(percent)s%%)") % {"count": count, "percent": percent}


def satisfaction_chart(results: SurveyResults) -> Chart | None:
    """Per rating item, by its number, the share that chose 4-5, with its mean."""
    rated = [(number, result) for number, result in enumerate(results.items, 1) if result.satisfied is not None]
    if not rated:
        return None
    rows = [
        (
            _("Item %(number)d") % {"number": number},
            result.satisfied or 0.0,
            _("%(percent)s%% satisfied, mean %(mean)s") % {"percent": result.satisfied, "mean": result.mean},
        )
        for number, result in rated
    ]
    return single_bar_chart(rows, "bar-satisfied", longest=100.0)


def item_chart(result: ItemResult) -> Chart | None:
    """A rating item's levels, 5 down to 1, or a choice item's choices."""
    if result.levels and result.mean is not None:
        rows = [
            (f"{level} {name}", count, people_and_share(count, share))
            for level, name, count, share in reversed(result.levels)
        ]
        return single_bar_chart(rows, "bar-level", max(row[1] for row in rows), SURVEY_LABEL_WIDTH)
    if result.choices:
        rows = [(label, count, people_and_share(count, share)) for label, count, share in result.choices]
        return single_bar_chart(rows, "bar-choice", max(row[1] for row in rows), SURVEY_LABEL_WIDTH)
    return None
