"""The transport of mail, from the moment a service decides it until it is delivered:
the outbox rows (PendingMail), rendering in the person's language, delivery by the
workers with claims and retries, and the tasks that deliver.

May import: attendees.check_in_qr (the QR code in a mail that gives a seat),
attendees.models."""
