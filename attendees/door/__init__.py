"""The forum morning at the door: the check-in desk, the check-in code and its QR code,
walk-ins and invited guests, the printed sign-in sheet and name badges, the exports.

May import: attendees.models, attendees.registrations (every check-in and walk-in goes
through its services)."""
