"""A series' default questions, copied to each new forum of the series, conditions and
places included; the forum's copy is then its own to change."""

from attendees.models import Option, Question


def series_questions_copy(forum) -> int:
    """Copy the series' default questions to a forum that has none yet; how many."""
    if forum.series_id is None or Question.objects.filter(forum=forum).exists():
        return 0
    defaults = list(Question.objects.filter(series_id=forum.series_id).prefetch_related("options"))
    copies: dict[int, Question] = {}
    option_copies: dict[int, Option] = {}
    for default in defaults:
        copy = Question.objects.get(pk=default.pk)
        copy.pk, copy.series, copy.forum, copy.shown_when = None, None, forum, None
        copy.save()
        copies[default.pk] = copy
        made = {option.position: option for option in copy.options.all()}  # a yes/no question's two
        for option in default.options.all():
            option_copy = made.get(option.position) or Option(question=copy, position=option.position)
            option_copy.label, option_copy.label_en, option_copy.places = option.label, option.label_en, option.places
            option_copy.save()
            option_copies[option.pk] = option_copy
    for default in defaults:
        if default.shown_when_id in option_copies:
            copies[default.pk].shown_when = option_copies[default.shown_when_id]
            copies[default.pk].save(update_fields=["shown_when"])
    return len(copies)


def forum_created(sender, instance, created, raw=False, **kwargs):
    """post_save of a Forum (connected in attendees/apps.py): a new forum asks its series' questions."""
    if created and not raw:
        series_questions_copy(instance)
