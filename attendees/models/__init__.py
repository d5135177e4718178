"""The models of attendees, one module per concern; every name is importable from
`attendees.models` as before (the app label, migrations and tables are unchanged)."""

from .certificates import (
    Certificate,
)
from .news import (
    Subscription,
)
from .outbox import (
    PendingMail,
    PendingMailQuerySet,
)
from .questions import (
    CHOICE_KINDS,
    TEXT_ANSWER_LENGTH,
    Answer,
    Option,
    Question,
    QuestionKind,
)
from .records import (
    AccessKind,
    AccessRecord,
    Action,
    ActionRecord,
    ActorKind,
)
from .registrations import (
    ALREADY_REGISTERED,
    CAME,
    CAME_AT_THE_DOOR,
    OVER_CAPACITY,
    PERSON_FIELDS,
    PERSONAL_DATA_FIELDS,
    QUEUE_ORDER,
    RUNS_REGISTRATIONS,
    SEATED,
    SELF_EDITABLE_FIELDS,
    Registration,
    RegistrationQuerySet,
    RegistrationStatus,
    Sector,
    ahead_of,
    cancellation_deadline,
    cancellation_is_open,
    new_check_in_code,
    new_management_token,
)
from .reporting import (
    AttendanceSnapshot,
)
from .surveys import (
    RATING_LEVELS,
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyInvitation,
    SurveyItem,
    SurveyItemKind,
    SurveyResponse,
)

__all__ = [
    "RATING_LEVELS",
    "Survey",
    "SurveyAnswer",
    "SurveyChoice",
    "SurveyInvitation",
    "SurveyItem",
    "SurveyItemKind",
    "SurveyResponse",
    "Certificate",
    "CHOICE_KINDS",
    "TEXT_ANSWER_LENGTH",
    "Answer",
    "Option",
    "Question",
    "QuestionKind",
    "Sector",
    "RegistrationStatus",
    "new_management_token",
    "new_check_in_code",
    "PERSONAL_DATA_FIELDS",
    "PERSON_FIELDS",
    "SELF_EDITABLE_FIELDS",
    "QUEUE_ORDER",
    "ALREADY_REGISTERED",
    "ahead_of",
    "cancellation_deadline",
    "cancellation_is_open",
    "RUNS_REGISTRATIONS",
    "CAME",
    "CAME_AT_THE_DOOR",
    "OVER_CAPACITY",
    "SEATED",
    "RegistrationQuerySet",
    "Registration",
    "PendingMailQuerySet",
    "PendingMail",
    "ActorKind",
    "Action",
    "ActionRecord",
    "AccessKind",
    "AccessRecord",
    "AttendanceSnapshot",
    "Subscription",
]
