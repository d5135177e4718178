"""What the forum's questions add to the consent notice: each item, whether it is
required, why it is asked and how long it is kept, written from the questions
themselves so that the notice cannot fall behind them (PIPA Art. 15 ②)."""

from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from attendees.models import Question


@dataclass(frozen=True)
class NoticeItem:
    label: str
    purpose: str
    kept: str
    required: bool
    sensitive: bool


def kept_for(question: Question) -> str:
    if question.retention_days is None:
        return gettext("as long as the registration")
    return ngettext(
        "until %(days)s day after the forum", "until %(days)s days after the forum", question.retention_days
    ) % {"days": question.retention_days}


def notice_items(questions: list[Question]) -> list[NoticeItem]:
    return [
        NoticeItem(
            label=str(question.shown_label),
            purpose=str(question.shown_purpose),
            kept=kept_for(question),
            required=question.required,
            sensitive=question.sensitive,
        )
        for question in questions
    ]
