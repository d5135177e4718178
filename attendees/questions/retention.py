"""Answers whose question keeps them for less than the registration: erased once their
forum ended that many days ago (the rest go with the registration's purge)."""

import datetime

from attendees.models import Question


def answers_expired_erase(now: datetime.datetime) -> int:
    """Delete the answers past their question's retention; how many. One query per
    question with a retention of its own (a handful per forum)."""
    deleted = 0
    limited = Question.objects.filter(retention_days__isnull=False, forum__isnull=False).select_related("forum")
    for question in limited:
        assert question.forum is not None and question.retention_days is not None
        if question.forum.ends_at + datetime.timedelta(days=question.retention_days) < now:
            deleted += question.answers.all().delete()[0]
    return deleted
