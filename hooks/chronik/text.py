"""Small text helpers: Markdown escaping of plain text and accent-free sort keys."""

from __future__ import annotations

import re
import unicodedata

# Characters that start inline Markdown (those Python-Markdown can escape) or HTML.
# Values never stand at the start of a line or in a table in our templates, so block
# markers (-, +, 1.) and | need no escaping.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]#!{}])")


def escape_markdown(text: str) -> str:
    """Plain text a contributor wrote, safe to put into Markdown: shown as typed, never as markup."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def fold(text: str) -> str:
    """`José Jerí` -> `jose jeri`: for sorting and matching the way readers type."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order for German readers: accents ignored, then exact text as tie-break."""
    return fold(text), text
