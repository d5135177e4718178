"""Text as the site stores and writes it: NFC, no invisible or control characters, and
one line where one line is meant (titles and names end up in mail headers and calendars)."""

import unicodedata

# Tab and line feed are the only control characters multi-line text keeps.
_KEPT_IN_PARAGRAPHS = {"\n", "\t"}


def is_invisible(char: str) -> bool:
    """Control (Cc), format (Cf: zero-width spaces and joiners, bidi marks), surrogate,
    private-use and unassigned code points: none belongs in a name or a title."""
    return unicodedata.category(char)[0] == "C"


def single_line(value: str) -> str:
    """NFC, every run of white space (line breaks included) folded to one space,
    invisible characters dropped, trimmed."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(" " if char in "\r\n\t\v\f\x85\u2028\u2029" else char for char in value)
    value = "".join(char for char in value if not is_invisible(char))
    return " ".join(value.split())


def paragraphs(value: str) -> str:
    """NFC, line breaks as LF, invisible characters other than LF and tab dropped,
    trailing spaces of each line and blank lines at either end trimmed."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(char for char in value if char in _KEPT_IN_PARAGRAPHS or not is_invisible(char))
    return "\n".join(line.rstrip() for line in value.split("\n")).strip("\n")
