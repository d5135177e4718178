"""Where a forum's registration is taken. The page is attendees', a layer above events:
attendees provides the address when the apps are ready, and events' pages show the
register button only where it is provided."""

from collections.abc import Callable

from forum_site.core.provided import Provided

registration_path: Provided[Callable[..., str]] = Provided("the address of a forum's registration page")
