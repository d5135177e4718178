"""The 참석확인서 (certificate of attendance): issued only to a registration that came (the
one attendance selector), as a tagged A4 PDF with the Korean font embedded; its number
and QR code open a public page that confirms it with the forum and a masked name, and
nothing more. The person downloads it from their own page and the thank-you mail; staff
issue it from the registration's admin page, on record.

May import: attendees.records (staff's issue on record), attendees.contacts (the masked
name), attendees.check_in_qr (a PNG inline), attendees.print_styles, attendees.models."""
