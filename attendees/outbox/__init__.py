"""The transport of mail, from the moment a service decides it until it is delivered:
queuing the outbox rows (PendingMail), rendering each through the composer its kind's
concern registered (composers.py) into the shared layout, delivery by the workers with
claims and retries, and the tasks that deliver. It knows no kind of mail: registrations
and news own theirs (their mails.py and templates).

May import: attendees.models."""
