"""Who writes each kind of mail. A concern registers the kinds it sends, each with the
function that renders one (its templates, its context, its attachments) and, where a
mail can stop being true before its turn, the test that drops it unsent. The outbox
renders and delivers through what a kind registered, and knows no kind itself.

The concerns register when the app is ready (attendees/apps.py imports their mails)."""

from collections.abc import Callable
from dataclasses import dataclass

from attendees.models import PendingMail


def _still_true(_pending: PendingMail) -> bool:
    return False


@dataclass(frozen=True)
class Composer:
    # The mail as a dict of "to", "from_email", "subject", "message", "html_message",
    # "attachments" and, for bulk mail, "headers".
    render: Callable[[PendingMail], dict]
    outdated: Callable[[PendingMail], bool] = _still_true


COMPOSERS: dict[str, Composer] = {}


def composes(*kinds: str, outdated: Callable[[PendingMail], bool] = _still_true):
    """Decorator: the function renders mails of these kinds."""

    def register(render: Callable[[PendingMail], dict]) -> Callable[[PendingMail], dict]:
        for kind in kinds:
            if kind in COMPOSERS:
                raise ValueError(f"two composers for the mail kind {kind!r}")
            COMPOSERS[kind] = Composer(render, outdated)
        return render

    return register


def composer_of(kind: str) -> Composer:
    try:
        return COMPOSERS[kind]
    except KeyError:
        raise LookupError(f"no concern composes mails of the kind {kind!r}") from None
