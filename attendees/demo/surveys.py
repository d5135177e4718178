"""The demo's satisfaction surveys: the series' template (five rating items, one choice,
one free text), copied to forums 1-3. Forum 1's ran and closed: those who came were
thanked and asked, about half answered (made-up answers from a fixed seed). Forum 2's is
ready and its thank-you not yet sent: the demo lives on the morning after it."""

import datetime
import random

from attendees.certificates.issuing import attended
from attendees.models import (
    Action,
    ActionRecord,
    ActorKind,
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyInvitation,
    SurveyItem,
    SurveyItemKind,
    SurveyResponse,
)
from attendees.surveys.building import survey_from_template
from events.models import Forum

RATINGS = [("강연 내용", "The talk"), ("강연자의 전문성", "The speaker's expertise"),
           ("네트워킹 시간", "The networking"), ("장소와 진행", "The venue and the running of it"),
           ("조찬", "The breakfast")]  # fmt: skip
NEXT_TIME = ("다음 포럼 참석 의향", "Will you come next time?")
NEXT_TIME_CHOICES = [("꼭 참석", "Certainly"), ("가능하면 참석", "If I can"), ("미정", "Not sure"),
                     ("불참", "No")]  # fmt: skip
REMARKS = ("좋았던 점, 아쉬운 점, 다음에 듣고 싶은 주제", "What went well, what did not, themes you would like next")
# Made up for the demo, in the tone a breakfast forum's answers take.
DEMO_REMARKS = [
    "기업 현장의 도입 사례를 더 듣고 싶습니다.",
    "네트워킹 시간이 조금 더 길었으면 합니다.",
    "이른 시간이지만 알찬 강연이었습니다.",
    "발표 자료를 참석자에게 공유해 주시면 좋겠습니다.",
    "주차 안내가 미리 있었으면 좋겠습니다.",
    "다음에는 AI 반도체를 주제로 다뤄 주세요.",
    "명함 교환 외에 분야별로 앉는 자리가 있으면 좋겠습니다.",
    "질의응답 시간이 짧아 아쉬웠습니다.",
]
# How likely each level is, 5 down to 1: a well-received forum.
LEVEL_WEIGHTS = {5: 45, 4: 35, 3: 14, 2: 4, 1: 2}


def series_survey_template(series) -> Survey:
    """The series' template, made once."""
    template = Survey.objects.filter(series=series).first()
    if template is not None:
        return template
    template = Survey.objects.create(
        series=series,
        intro="포럼에 참석해 주셔서 감사합니다. 다음 포럼을 준비하는 데 쓰도록 1분만 내어 주세요. 응답은 익명입니다.",
    )
    for position, (label, label_en) in enumerate(RATINGS, 1):
        SurveyItem.objects.create(
            survey=template,
            position=position,
            kind=SurveyItemKind.RATING,
            label=label,
            label_en=label_en,
            required=True,
        )
    next_time = SurveyItem.objects.create(
        survey=template, position=6, kind=SurveyItemKind.ONE_CHOICE, label=NEXT_TIME[0], label_en=NEXT_TIME[1]
    )
    SurveyChoice.objects.bulk_create(
        SurveyChoice(item=next_time, position=position, label=label, label_en=label_en)
        for position, (label, label_en) in enumerate(NEXT_TIME_CHOICES)
    )
    SurveyItem.objects.create(
        survey=template, position=7, kind=SurveyItemKind.TEXT, label=REMARKS[0], label_en=REMARKS[1]
    )
    return template


def _ran_and_closed(forum: Forum, survey: Survey, rng: random.Random) -> int:
    """Forum 1's: thanked and asked the day after, reminded three days later, closed after
    two weeks; about half of those who came answered. Returns how many answered."""
    asked_at = forum.starts_at + datetime.timedelta(days=1, hours=2)
    came = list(attended().filter(forum=forum).exclude(email="").order_by("pk"))  # whom the thank-you asks
    attended().filter(pk__in=[person.pk for person in came]).update(thanked_at=asked_at)
    ActionRecord.objects.create(
        at=asked_at,
        actor_kind=ActorKind.SYSTEM,
        action=Action.THANK_YOU_SENT,
        forum=forum,
        details={"people_told": len(came), "include_absent": False},
    )
    answering = set(rng.sample(range(len(came)), len(came) // 2))
    SurveyInvitation.objects.bulk_create(
        SurveyInvitation(survey=survey, registration=person, answered=index in answering)
        for index, person in enumerate(came)
    )
    Survey.objects.filter(pk=survey.pk).update(
        invited_at=asked_at,
        reminded_at=asked_at + datetime.timedelta(days=survey.reminder_after_days),
        closes_on=(asked_at + datetime.timedelta(days=14)).date(),
    )
    items = list(survey.items.prefetch_related("choices"))
    responses = SurveyResponse.objects.bulk_create(SurveyResponse(survey=survey) for _ in answering)
    answers = []
    for response in responses:
        for item in items:
            if item.kind == SurveyItemKind.RATING:
                level = rng.choices(list(LEVEL_WEIGHTS), weights=list(LEVEL_WEIGHTS.values()))[0]
                answers.append(SurveyAnswer(response=response, item=item, rating=level))
            elif item.kind == SurveyItemKind.ONE_CHOICE:
                choice = rng.choices(list(item.choices.all()), weights=[40, 35, 20, 5])[0]
                answers.append(SurveyAnswer(response=response, item=item, choice=choice))
            elif rng.random() < 0.25:
                answers.append(SurveyAnswer(response=response, item=item, text=rng.choice(DEMO_REMARKS)))
    SurveyAnswer.objects.bulk_create(answers)
    return len(responses)


def demo_surveys(series) -> int:
    """The template, the surveys of forums 1-3, and forum 1's answers, once; returns how
    many answered forum 1's."""
    forums = {forum.number: forum for forum in series.forums.filter(number__in=[1, 2, 3])}
    series_survey_template(series)
    for forum in forums.values():
        survey_from_template(forum)  # made before the template, they copy it now
    forum_1 = forums[1].survey
    if forum_1.invited_at is not None:
        return 0
    answered = _ran_and_closed(forums[1], forum_1, random.Random(2020_06_11))
    forum_2 = forums[2]
    Survey.objects.filter(forum=forum_2).update(closes_on=(forum_2.starts_at + datetime.timedelta(days=15)).date())
    return answered
