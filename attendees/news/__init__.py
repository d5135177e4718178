"""Mail to many at once: news subscriptions confirmed from the mailbox, announcements,
unsubscribing (one click too), reconfirmation every two years, the thank-you after a
forum, their mails (mails.py) and admin pages.

May import: attendees.certificates and attendees.surveys (the links in the thank-you),
attendees.outbox (to queue and render its mails), attendees.records,
attendees.contacts, attendees.models."""
