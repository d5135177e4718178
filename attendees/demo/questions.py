"""Forum 3's questions in the demo, and the made-up answers of its demo registrants:
조찬 식사 (yes/no), 주차 지원 (yes/no, 10 places) with 차량번호 asked only on 예, and
관심 분야 (several choices). Drawn from a fixed seed, as the attendance is."""

import random

from attendees.models import Answer, Option, Question, QuestionKind, Registration
from attendees.questions.answers import answers_save
from attendees.questions.form_fields import Given

PARKING_PLACES = 10
INTERESTS = [("생성형 AI", "Generative AI"), ("제조 AI", "AI in manufacturing"), ("AI 반도체", "AI chips"),
             ("데이터·클라우드", "Data and cloud"), ("AI 인재 양성", "AI talent")]  # fmt: skip


def _question(forum, position: int, kind: str, label: str, label_en: str, purpose: str, purpose_en: str, **fields):
    return Question.objects.create(
        forum=forum,
        position=position,
        kind=kind,
        label=label,
        label_en=label_en,
        purpose=purpose,
        purpose_en=purpose_en,
        **fields,
    )


def forum_3_questions(forum) -> list[Question]:
    """The three questions (four with the car number); none when the forum has some already."""
    if Question.objects.filter(forum=forum).exists():
        return []
    breakfast = _question(
        forum, 1, QuestionKind.YES_NO, "조찬 식사 여부", "Will you have breakfast?", "조찬 준비 수량 산정",
        "Counting the breakfasts to order", retention_days=7, desk_mark="🍽",
    )  # fmt: skip
    parking = _question(
        forum, 2, QuestionKind.YES_NO, "주차 지원", "Parking", "주차 공간 배정", "Allocating the parking spaces",
        help_text=f"행사장 주차 공간은 {PARKING_PLACES}면입니다.",
        help_text_en=f"The venue has {PARKING_PLACES} parking spaces.", retention_days=7, desk_mark="🅿",
    )  # fmt: skip
    yes = parking.options.get(position=0)
    yes.places = PARKING_PLACES
    yes.save(update_fields=["places"])
    car = _question(
        forum, 3, QuestionKind.TEXT, "차량번호", "Car number", "주차 등록", "Registering the car at the gate",
        required=True, shown_when=yes, retention_days=7, desk_mark="🅿", help_text="예: 12가3456",
        help_text_en="e.g. 12가3456",
    )  # fmt: skip
    interests = _question(
        forum, 4, QuestionKind.SEVERAL_CHOICES, "관심 분야", "Areas of interest", "다음 포럼 주제 선정",
        "Choosing the themes of later forums",
    )  # fmt: skip
    Option.objects.bulk_create(
        Option(question=interests, label=label, label_en=label_en, position=position)
        for position, (label, label_en) in enumerate(INTERESTS)
    )
    return [breakfast, parking, car, interests]


def forum_3_answers(forum) -> int:
    """Made-up answers of forum 3's demo registrants: most eat, nine park (one place left)."""
    questions = {question.position: question for question in Question.objects.filter(forum=forum)}
    if not questions or Answer.objects.filter(question__forum=forum).exists():
        return 0
    rng = random.Random(2020_09_09)
    breakfast, parking, car, interests = (questions[position] for position in (1, 2, 3, 4))
    eat, skip = breakfast.options.order_by("position")
    park, walk = parking.options.order_by("position")
    topics = list(interests.options.all())
    people = list(Registration.objects.filter(forum=forum).order_by("pk"))
    for index, registration in enumerate(people):
        given = [Given(breakfast, options=(eat if rng.random() < 0.85 else skip,))]
        if index < PARKING_PLACES - 1:
            given.append(Given(parking, options=(park,)))
            given.append(Given(car, text=f"{rng.randint(10, 99)}가{rng.randint(1000, 9999)}"))
        else:
            given.append(Given(parking, options=(walk,)))
        given.append(Given(interests, options=tuple(rng.sample(topics, rng.randint(1, 2)))))
        answers_save(registration, given)
    return len(people)
