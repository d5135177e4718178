"""What the admin's forum change form posts for a forum as it stands, with no talks,
guests or photos changed: tests pass what they change as overrides."""

import datetime

SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def forum_change_form(forum, **overrides):
    local = {field: getattr(forum, field).astimezone(SEOUL) for field in ("starts_at", "ends_at")}
    data = {
        "series": forum.series.pk,
        "number": forum.number,
        "title": forum.title,
        "slug": forum.slug,
        "status": forum.status,
        "capacity": forum.capacity,
        "report": "",
        "venue": forum.venue_id or "",
        "starts_at_0": local["starts_at"].date().isoformat(),
        "starts_at_1": local["starts_at"].strftime("%H:%M:%S"),
        "ends_at_0": local["ends_at"].date().isoformat(),
        "ends_at_1": local["ends_at"].strftime("%H:%M:%S"),
        "cancellation_reason": "",
        "calendar_sequence": forum.calendar_sequence,
        "talks-TOTAL_FORMS": 0,
        "talks-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 0,
        "guests-TOTAL_FORMS": 0,
        "guests-INITIAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "questions-TOTAL_FORMS": 0,
        "questions-INITIAL_FORMS": 0,
    }
    return {**data, **overrides}
