"""Durations as people say them: "2시간", "1시간 30분" (English: "2 hours", "1 hour 30 minutes"),
and a form field that picks one from quarter-hour steps instead of typing "02:00:00"."""

import datetime

from django import forms
from django.utils.dateparse import parse_duration
from django.utils.duration import duration_string
from django.utils.translation import ngettext

QUARTER_HOUR = datetime.timedelta(minutes=15)
# A breakfast forum lasts an hour or two; a workshop day is the longest the steps reach.
LONGEST_STEP = datetime.timedelta(hours=8)


def duration_words(value: datetime.timedelta) -> str:
    total_minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(total_minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes or not hours:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes})
    return " ".join(parts)


def _steps():
    step = QUARTER_HOUR
    while step <= LONGEST_STEP:
        yield step
        step += QUARTER_HOUR


class DurationSelect(forms.Select):
    """The steps in words; a stored value off the steps (set by a command) stays selectable,
    so that saving the form never changes it silently."""

    def optgroups(self, name, value, attrs=None):
        offered = {str(option_value) for option_value, _label in self.choices}
        parsed = {v: parse_duration(v) for v in value if v and v not in offered}
        extra = [(v, duration_words(duration)) for v, duration in parsed.items() if duration is not None]
        if extra:
            self.choices = [*self.choices, *extra]
        return super().optgroups(name, value, attrs)


class DurationInWordsField(forms.DurationField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        choices = [(duration_string(step), duration_words(step)) for step in _steps()]
        self.widget = DurationSelect(choices=choices if self.required else [("", "---------"), *choices])
