"""After the forum: attendance statistics and the snapshot kept before the purge, the
result report (결과보고서) as DOCX and PDF, and the thank-you to those who came.

May import: attendees.models, attendees.outbox (the thank-you mail), attendees.door's
print styles."""
