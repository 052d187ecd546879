"""Short forms of a Markdown summary: its plain text and its first sentence.

The timeline, the start page and every page's meta description show the first sentence of an
event's summary, cut at a word boundary. German sentence ends are told from abbreviations and
ordinal dates ("am 14. Dezember", "z. B. Peru") by the word before the full stop.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

TEASER_LENGTH = 160  # characters at most, as a search engine shows a description
_TEASER_SOURCE = 4 * TEASER_LENGTH  # characters of a summary without markup that hold its teaser
_MARKUP = re.compile(r"[\[\]*_`\\<&#>]")  # without these, the Markdown is its own plain text
_BOUNDARY = re.compile(r"([.!?…][“”\"»)]?)\s+(?=[„\"»(]?[A-ZÄÖÜ0-9])")
# Words that end with a full stop without ending a sentence (lower case, without the stop);
# single letters (initials, "z. B.") and ordinal numbers ("14. Dezember") never end one either.
_ABBREVIATIONS = frozenset({
    "abs", "art", "bzw", "ca", "dr", "etc", "evtl", "ggf", "hl", "inkl", "jh", "mio", "mrd", "nr",
    "prof", "sog", "st", "str", "usw", "vgl", "chr",
})
_WORD_WINDOW = 16  # characters
_renderer = markdown.Markdown()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(summary: str) -> str:
    """The text a reader sees of a Markdown summary, on one line."""
    if _MARKUP.search(summary):
        _renderer.reset()
        parser = _Text()
        parser.feed(_renderer.convert(summary))
        summary = "".join(parser.parts)
    return " ".join(summary.split())


def first_sentence(text: str) -> str:
    """The first sentence of plain text on one line (plain_text gives it so); the whole text if it has only one."""
    for match in _BOUNDARY.finditer(text):
        before = _word_before(text, match.start()).lower()
        last = before.rsplit(".", 1)[-1]  # "z.B" -> "b"
        ordinal = before.isdigit() and len(before) <= 2  # "am 14. Dezember"; a year ends a sentence
        if match.group(1)[0] == "." and (ordinal or len(last) == 1 or last in _ABBREVIATIONS):
            continue
        return text[:match.end(1)]
    return text


def _word_before(text: str, end: int) -> str:
    """The word that ends at `end` ("" after a space), at most its last _WORD_WINDOW characters: they decide
    alike (abbreviations and ordinals are short). Searching all the text before each full stop cost most
    of the time."""
    window = text[max(0, end - _WORD_WINDOW):end]
    return "" if not window or window[-1].isspace() else window.rsplit(None, 1)[-1]


def shorten(text: str, limit: int = TEASER_LENGTH) -> str:
    """At most `limit` characters, cut at a word boundary and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-— ")
    return cut + " …"


def teaser(summary: str) -> str:
    """The first sentence of a Markdown summary as plain text, at most TEASER_LENGTH characters."""
    if not _MARKUP.search(summary):
        # Without markup the teaser lies in the summary's beginning: its first sentence, or the cut at
        # TEASER_LENGTH if that sentence is longer. (Every event page needs the teasers of all events.)
        head = " ".join(summary[:_TEASER_SOURCE].split())
        if len(head) > TEASER_LENGTH + 8:  # room for a sentence end and the capital after it
            return shorten(first_sentence(head))
    return shorten(first_sentence(plain_text(summary)))
