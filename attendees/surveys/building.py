"""A forum's survey, built from its series' template when the forum is made."""

from attendees.models import Survey, SurveyChoice, SurveyItem


def survey_from_template(forum) -> Survey | None:
    """Copy the series' survey template (items and choices) to a forum that has none."""
    if forum.series_id is None or Survey.objects.filter(forum=forum).exists():
        return None
    template = Survey.objects.filter(series_id=forum.series_id).prefetch_related("items__choices").first()
    if template is None:
        return None
    survey = Survey.objects.create(
        forum=forum, title=template.title, intro=template.intro, reminder_after_days=template.reminder_after_days
    )
    for item in template.items.all():
        copy = SurveyItem.objects.create(
            survey=survey,
            position=item.position,
            kind=item.kind,
            label=item.label,
            label_en=item.label_en,
            required=item.required,
        )
        SurveyChoice.objects.bulk_create(
            SurveyChoice(item=copy, position=c.position, label=c.label, label_en=c.label_en) for c in item.choices.all()
        )
    return survey


def forum_created(sender, instance, created, raw=False, **kwargs):
    """post_save of a Forum (connected in attendees/apps.py)."""
    if created and not raw:
        survey_from_template(instance)
