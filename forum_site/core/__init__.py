"""The kernel every app shares: the project clock, text normalisation, slugs, model fields,
uploads and photos, markdown, addresses, the client's network, rate limits, spreadsheets,
the page cache and the private-page marks.

It imports Django and libraries only: no app (speakers, events, attendees) and nothing of
the project layer around it (settings, URLs, admin site, health, schedule). import-linter
holds it to that (pyproject.toml)."""
