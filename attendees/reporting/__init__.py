"""What the office files and keeps: attendance statistics and the snapshot kept before the
purge, the office's list of registrations (XLSX and CSV, with its admin page), and the
result report (결과보고서) as DOCX and PDF, with its survey section.

May import: attendees.surveys (the report's survey section), attendees.questions (the
answers' columns), attendees.records (an export's access record), attendees.contacts
(masked exports), attendees.print_styles, attendees.charts, attendees.seats (how the seats
are told), attendees.models."""
