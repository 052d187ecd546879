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
_ROMAN = frozenset("ivxlcdm")  # "des VII. Gipfels": a Roman ordinal, no sentence end
_WORD_WINDOW = 16  # characters
# A cut never leaves these last: a sentence does not pause after an article, a preposition or a
# conjunction ("im Stadtteil …" would leave the reader guessing the place).
_DANGLING = frozenset({
    "am", "an", "auf", "aus", "bei", "bis", "dem", "den", "der", "des", "die", "das", "ein", "eine", "einem",
    "einen", "einer", "eines", "für", "gegen", "im", "in", "ins", "mit", "nach", "ohne", "seit", "um", "und",
    "oder", "sowie", "über", "unter", "vom", "von", "vor", "zu", "zum", "zur", "zwischen", "als", "wie", "dass",
    "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihrer", "sich", "nicht",
    "de", "del", "la", "las", "los", "el", "y",  # inside Spanish names ("Palacio de La Moneda")
})
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "da", "do", "dos", "van", "von"})  # inside names
_MIN_CUT = 0.5  # a cut keeps at least this share of the limit, or it falls back to the plain word cut
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
        word = _word_before(text, match.start())
        before = word.lower()
        last = before.rsplit(".", 1)[-1]  # "z.B" -> "b"
        ordinal = before.isdigit() and len(before) <= 2  # "am 14. Dezember"; a year ends a sentence
        roman = word.isupper() and set(before) <= _ROMAN  # "des VII. Gipfels"
        if match.group(1)[0] == "." and (ordinal or roman or len(last) == 1 or last in _ABBREVIATIONS):
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
    """At most `limit` characters, cut at a word boundary and marked with an ellipsis; never inside a date,
    a number with its unit, a name (a capitalised word before another) or after an article or preposition."""
    if len(text) <= limit:
        return text
    words = text[:2 * limit].split(" ")
    fits = len(text[:limit + 1].split(" ")) - 1  # whole words within the limit
    keep = fits
    while keep > 1 and not _ends_well(words[keep - 1], words[keep]):
        keep -= 1
    if len(" ".join(words[:keep])) < _MIN_CUT * limit:
        keep = fits
    return " ".join(words[:keep]).rstrip(",;:–-— ") + " …"


def _ends_well(last: str, following: str) -> bool:
    """Whether a cut between these two words leaves a whole phrase before it."""
    bare = last.strip("„“\"»«()")
    if not bare or bare.lower() in _DANGLING or any(ch.isdigit() for ch in bare + following):
        return False  # "am 22." | "Dezember", "58,2" | "%", "vom" | "14."
    if last.endswith((",", ";", ":")):
        return True  # a clause ends here
    if bare[:1].isupper() and following.lower() in _PARTICLES:
        return False  # "Palacio" | "de La Moneda"
    return not (bare[:1].isupper() and following[:1].isupper())  # "José Antonio" | "Kast"


def teaser(summary: str) -> str:
    """The first sentence of a Markdown summary as plain text, at most TEASER_LENGTH characters."""
    if not _MARKUP.search(summary):
        # Without markup the teaser lies in the summary's beginning: its first sentence, or the cut at
        # TEASER_LENGTH if that sentence is longer. (Every event page needs the teasers of all events.)
        head = " ".join(summary[:_TEASER_SOURCE].split())
        if len(head) > TEASER_LENGTH + 8:  # room for a sentence end and the capital after it
            return shorten(first_sentence(head))
    return shorten(first_sentence(plain_text(summary)))
