"""News of later forums: subscriptions confirmed from the mailbox, announcements,
unsubscribing (one click too), reconfirmation every two years, and their admin.

May import: attendees.models, attendees.outbox (to queue its mails)."""
