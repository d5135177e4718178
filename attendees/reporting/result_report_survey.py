"""The result report's section "만족도 조사 결과", in the office's format: when, whom and
how the survey asked, its response rate, a table of the rating items by level with the
mean and the share satisfied, and the choices and free texts as 개조식 points. None
where no survey ran (never sent), so that the section is absent rather than empty."""

import dataclasses
from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext as _

from attendees.models import RATING_LEVELS, Survey
from attendees.surveys.results import SurveyResults, survey_results
from events.models import Forum
from forum_site.core.dates import forum_date


@dataclasses.dataclass(frozen=True)
class SurveySection:
    facts: list[tuple[str, str]]  # 조사 기간, 대상, 방법, 응답률
    head: list[str]
    ratings: list[list[str]]  # per rating item: its label, the count at each level 5-1, mean, share satisfied
    choices: list[str]  # per choice item, one point
    remarks: list[tuple[str, list[str]]]  # per free-text item, its label and the points made


def _period(survey: Survey) -> str:
    start = forum_date(timezone.localtime(survey.invited_at).date()) if survey.invited_at else ""
    end = forum_date(survey.closes_on) if survey.closes_on else ""
    return f"{start} – {end}".strip()


def _facts(results: SurveyResults) -> list[tuple[str, str]]:
    survey = results.survey
    if survey.reminded_at:
        method = _("Online and anonymous, through each person's link in the thank-you mail; one reminder")
    else:
        method = _("Online and anonymous, through each person's link in the thank-you mail")
    rate = _("%(answered)d answered / %(came)d came, %(rate)s %%") % {
        "answered": results.responses,
        "came": results.came,
        "rate": results.response_rate,
    }
    return [
        (_("Period"), _period(survey)),
        (_("Asked"), _("Everyone who came (%(came)d people)") % {"came": results.came}),
        (_("Method"), method),
        (_("Response rate"), rate),
    ]


def _points(texts: list[str]) -> list[str]:
    """Each point once, the most made first, with how many made it when more than one did."""
    counted = Counter(" ".join(text.split()) for text in texts if text.strip())
    return [
        text if count == 1 else _("%(point)s (%(count)d people)") % {"point": text, "count": count}
        for text, count in sorted(counted.items(), key=lambda pair: (-pair[1], pair[0]))
    ]


def survey_section(forum: Forum) -> SurveySection | None:
    survey = Survey.objects.filter(forum=forum, invited_at__isnull=False).first()
    if survey is None:
        return None
    results = survey_results(survey)
    levels = sorted(RATING_LEVELS, reverse=True)
    head = [_("Item"), *(f"{name} ({level})" for level, name in levels), _("Mean (of 5)"), _("Satisfied or better")]
    ratings, choices, remarks = [], [], []
    for result in results.items:
        if result.levels:
            counts = {level: count for level, _name, count, _share in result.levels}
            ratings.append(
                [
                    str(result.item.label),
                    *(str(counts[level]) for level, _name in levels),
                    f"{result.mean:.2f}" if result.mean is not None else "–",
                    f"{result.satisfied:.1f}%" if result.satisfied is not None else "–",
                ]
            )
        elif result.choices:
            shares = ", ".join(
                _("%(choice)s %(count)d (%(percent)s%%)") % {"choice": label, "count": count, "percent": share}
                for label, count, share in result.choices
            )
            choices.append(f"{result.item.label}: {shares}")
        else:
            remarks.append((str(result.item.label), _points(result.texts)))
    return SurveySection(_facts(results), head, ratings, choices, remarks)
