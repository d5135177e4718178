"""The personal-data consent notice (PIPA Art. 15 ②, Art. 22) and its version.

The notice text is attendees/templates/attendees/registrations/_privacy_notice.html. Whenever
its meaning changes, raise CONSENT_VERSION: every registration stores the version it was
given under.
"""

from django.conf import settings

CONSENT_VERSION = "2026-12-07"  # the notice lists a forum's questions, their purposes and retention


def retention_days() -> int:
    return settings.PERSONAL_DATA_RETENTION_DAYS
