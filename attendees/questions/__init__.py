"""Questions at registration: the fields they add to a form, with their conditions and
their places per option (counted under the forum's lock); saving, showing and counting
the answers; the consent notice's list of what they collect and why; the defaults a new
forum copies from its series; erasing answers whose retention has run out.

May import: attendees.contacts (answers masked like the other personal fields),
attendees.models."""
