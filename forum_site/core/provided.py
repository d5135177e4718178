"""Something a lower layer uses and a layer above it supplies once the apps are ready.

The layers point down: events shows a forum's register button, yet the registration page
is attendees'; the check-in QR code every concern draws opens the desk's page, which stands
above them all. The lower module declares what it needs as a Provided, the module that owns
the page provides it from its AppConfig.ready(), and the lower one names nothing above it.
"""

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Callable)


class Provided(Generic[T]):
    def __init__(self, need: str):
        self.need = need
        self._provider: T | None = None

    def provide(self, provider: T | None) -> None:
        """Supply it; None withdraws it, as for a site without the app that offers it."""
        self._provider = provider

    @property
    def provider(self) -> T | None:
        """The provider, or None where no app above supplies it (the page is not offered)."""
        return self._provider

    def __call__(self, *args, **kwargs):
        if self._provider is None:
            raise LookupError(f"nothing provides {self.need}")
        return self._provider(*args, **kwargs)
