"""Mail, from the moment a service decides it until it is delivered: the outbox rows
(PendingMail), rendering in the person's language, delivery by the workers with claims
and retries, the tasks that deliver, and the reminders before a forum.

May import: attendees.models; attendees.door's QR code (in the confirmation);
attendees.news for the unsubscribe addresses."""
