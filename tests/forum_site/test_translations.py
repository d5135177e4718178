"""Korean is complete, and the compiled catalogue in the repo matches its source."""

import ast
import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def po_entries(path):
    """(context, msgid, translations, flags) for every entry of a .po file but the header."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, flags, current = {}, "", None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags = line
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                fields[current] += ast.literal_eval(line)
            else:
                current, _space, literal = line.partition(" ")
                fields[current] = ast.literal_eval(literal)
        if fields.get("msgid"):
            translations = [value for key, value in fields.items() if key.startswith("msgstr")]
            entries.append((fields.get("msgctxt"), fields["msgid"], translations, flags))
    return entries


def test_every_korean_entry_is_translated_and_not_fuzzy():
    entries = po_entries(LOCALE / "ko" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 250
    assert [msgid for _ctx, msgid, translations, _flags in entries if not all(translations)] == []
    assert [msgid for _ctx, msgid, _translations, flags in entries if "fuzzy" in flags] == []
    assert "fuzzy" not in (LOCALE / "ko" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_compiled_catalogue_matches_the_po_file(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with open(folder / "django.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for context, msgid, translations, _flags in po_entries(folder / "django.po"):
        if not translations[0]:
            continue  # untranslated (English msgids): gettext falls back to the msgid
        key = f"{context}\x04{msgid}" if context else msgid
        plural = key not in catalogue._catalog
        assert (catalogue._catalog[(key, 0)] if plural else catalogue._catalog[key]) == translations[0], msgid
