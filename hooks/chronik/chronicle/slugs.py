"""The one way a title or a name becomes an id: `José Jerí` -> `jose-jeri`.

Transliteration comes from python-slugify (Unidecode tables: `Ł` -> `l`, `Æ` -> `ae`, `Ñ` -> `n`);
German umlauts are spelled out first (`Bürger` -> `buerger`), as German readers expect. The
checker's suggestions for bad file names and `./dev new` both use it, so they always agree.
"""

from __future__ import annotations

from slugify import slugify

MAX_SLUG = 60
_GERMAN = [["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"]]


def slug(text: str) -> str:
    """ASCII letters, digits and hyphens, at most MAX_SLUG characters, cut between words."""
    words = slugify(text, replacements=_GERMAN)
    if len(words) <= MAX_SLUG:
        return words
    # Cut between words, keeping them in order (slugify's own word_boundary would skip long words
    # and keep shorter later ones).
    cut = words[:MAX_SLUG + 1]
    return cut.rsplit("-", 1)[0] if "-" in cut else words[:MAX_SLUG]
