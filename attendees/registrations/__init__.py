"""Registrations, the core: the form and its consent, input made canonical, rate limits,
the services that change a registration under the forum's lock (capacity, waiting list,
cancellation, check-in, corrections) and the one table of legal moves, seat counters, a
forum's publication, cancellation and new date, the reminders before a forum (who is
reminded, and when), the attendee's own pages and their addresses, the mails about a
registration (mails.py), erasure and the purge, and the admin's forms.

May import: attendees.reporting (the statistics' snapshot before the purge),
attendees.news (a confirmed news consent subscribes), attendees.questions (the answers
stored with a registration), attendees.certificates (the link on the person's page), attendees.outbox (to queue and
render its mails),
attendees.records, attendees.check_in_qr, attendees.contacts, attendees.models."""
