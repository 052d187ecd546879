"""Small text helpers: Markdown escaping of plain text, numbers kept with their units, accent-free sort keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

# Characters that start inline Markdown (those Python-Markdown can escape) or HTML.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]#!{}])")
# At the start of a line these make a list or a rule: `1. Vizepräsident`, `- x`, `---`.
# (`>` is already an entity, and `=` only underlines a line before it.)
_BLOCK_START = re.compile(r"^(\s*(?:\d+)?)([.)\-+])")
NBSP = "\u00a0"  # a space no line breaks at
_BESIDE_NUMBER = re.compile(r"(?<=\d) (?=[%‰€$£¥]|[^\W\d_])|(?<=[€$£¥]) (?=\d)")  # "58,2 %", "3 Mio.", "€ 5"


def keep_together(text: str) -> str:
    """`58,2 %` with a no-break space: a number never parts from its unit or its word at a line's end."""
    return _BESIDE_NUMBER.sub(NBSP, text)


@lru_cache(maxsize=1 << 16)  # names, titles and places recur on many pages
def escape_markdown(text: str) -> str:
    """Plain text a contributor wrote, safe to put into Markdown: shown as typed, never as markup."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(r"\1\\\2", text)


def escape_url(url: str) -> str:
    """A checked http(s) address, safe as a Markdown link target: brackets and quotes are
    percent-encoded, so `https://x.org/a)[y](javascript:…)` cannot end the link early."""
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def format_count(value: int) -> str:
    """10000 -> `10.000`, as German readers write it."""
    return f"{value:,}".replace(",", ".")


def fold(text: str) -> str:
    """`José Jerí` -> `jose jeri`: for sorting and matching the way readers type."""
    return unicodedata.normalize("NFKD", text).translate(_WITHOUT_MARKS).casefold()


class _CombiningMarks(dict):
    """For str.translate: a combining mark maps to None (dropped), every other character to itself,
    looked up once per character met (a loop over the characters in Python took 4x as long)."""

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.combining(chr(code)) else code
        return kept


_WITHOUT_MARKS = _CombiningMarks()


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order for German readers: accents ignored, then exact text as tie-break."""
    return fold(text), text
