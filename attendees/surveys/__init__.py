"""The satisfaction survey (만족도 조사): built from a series template, asked of those who
came through a personal link in the thank-you, answered once and anonymously, reminded
once to those who have not answered, closed on its date.

May import: attendees.outbox (its reminder mail), attendees.charts (the results' charts),
attendees.models."""
