"""The kernel's template filters and tags, for every app's templates: bilingual text,
Markdown, the site's date formats, the page's language versions. Named in settings
(TEMPLATES' "libraries"), since the kernel is no app whose templatetags Django finds."""
