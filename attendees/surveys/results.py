"""A survey's results, with no person in them: the response rate (answered / came), per
rating item the count per level, the 5-point mean and the share that chose 4-5 (만족
이상), per choice its count and share, and the free texts."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from attendees.models import RATING_LEVELS, Registration, Survey, SurveyAnswer, SurveyItem, SurveyItemKind

SATISFIED_FROM = 4  # 만족 이상: 4 and 5


def share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


@dataclass
class ItemResult:
    item: SurveyItem
    answered: int = 0
    levels: list[tuple[int, str, int, float]] = field(default_factory=list)  # level, name, count, share
    mean: float | None = None
    satisfied: float | None = None  # percent choosing 4-5
    choices: list[tuple[str, int, float]] = field(default_factory=list)  # label, count, share
    texts: list[str] = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: Survey
    came: int
    responses: int
    items: list[ItemResult]

    @property
    def response_rate(self) -> float:
        return share(self.responses, self.came)


def survey_results(survey: Survey) -> SurveyResults:
    """Four queries whatever the number of answers."""
    came = Registration.objects.filter(forum=survey.forum).came().count()
    items = list(survey.items.prefetch_related("choices"))
    by_item: dict[int, list[SurveyAnswer]] = defaultdict(list)
    for answer in SurveyAnswer.objects.filter(item__survey=survey).only("item_id", "rating", "choice_id", "text"):
        by_item[answer.item_id].append(answer)
    results = []
    for item in items:
        answers = by_item.get(item.pk, [])
        result = ItemResult(item, answered=len({answer.response_id for answer in answers}))
        if item.kind == SurveyItemKind.RATING:
            counts: Counter[int] = Counter(answer.rating for answer in answers if answer.rating is not None)
            total = sum(counts.values())
            result.levels = [
                (level, str(name), counts[level], share(counts[level], total)) for level, name in RATING_LEVELS
            ]
            if total:
                result.mean = round(sum(level * count for level, count in counts.items()) / total, 2)
                result.satisfied = share(sum(c for level, c in counts.items() if level >= SATISFIED_FROM), total)
        elif item.kind == SurveyItemKind.TEXT:
            result.texts = [answer.text for answer in answers if answer.text]
        else:
            chosen: Counter[int | None] = Counter(answer.choice_id for answer in answers)
            result.choices = [
                (str(choice.shown_label), chosen[choice.pk], share(chosen[choice.pk], result.answered))
                for choice in item.choices.all()
            ]
        results.append(result)
    responses = survey.responses.count()
    return SurveyResults(survey, came=came, responses=responses, items=results)
