"""The forum morning at the door: the check-in desk and its QR-code scanning, walk-ins,
invited guests and the MC's list, the printed sign-in sheet and name badges.

May import: attendees.registrations, attendees.questions (the answers shown at the desk),
attendees.records, attendees.check_in_qr, attendees.seats (how the seats are told),
attendees.print_styles, attendees.models."""
