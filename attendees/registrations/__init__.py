"""Registrations, the core: the form and its consent, input made canonical, rate limits,
the services that change a registration under the forum's lock (capacity, waiting list,
cancellation, corrections), seat counters, a forum's cancellation and new date, the
attendee's own pages, erasure and the purge, the two records, and their admin.

May import: attendees.models, attendees.outbox (to queue mail), attendees.news
(a confirmed news consent), attendees.door's QR code, attendees.reporting's snapshot."""
