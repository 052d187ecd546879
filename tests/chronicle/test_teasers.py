"""Teasers: the first sentence of a summary, as plain text, at most about 160 characters."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from conftest import PROJECT, load_case
from chronik.chronicle import teasers
from chronik.chronicle.index import index_chronicle
from chronik.chronicle.teasers import TEASER_LENGTH, first_sentence, plain_text, shorten, teaser


@pytest.mark.parametrize("text, sentence", [
    ("Kast gewann. Seitdem ist er designiert.", "Kast gewann."),
    ("Am 16. Dezember besuchte Kast Buenos Aires. Sie sprachen.", "Am 16. Dezember besuchte Kast Buenos Aires."),
    ("Er traf z. B. Noboa in Quito. Danach flog er heim.", "Er traf z. B. Noboa in Quito."),
    ("Er traf Dr. Frei. Danach nicht.", "Er traf Dr. Frei."),
    ("Er traf José A. Kast. Danach nicht.", "Er traf José A. Kast."),
    ("Kommt er? Offen.", "Kommt er?"),
    ("Sie sagte: „Nein.“ Dann ging sie.", "Sie sagte: „Nein.“"),
    ("Ein einziger Satz ohne Punkt", "Ein einziger Satz ohne Punkt"),
    ("Er kommt am 11. März 2026. Oder später.", "Er kommt am 11. März 2026."),
])
def test_the_first_sentence_ends_at_a_real_sentence_end(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


def test_markdown_becomes_the_text_a_reader_sees() -> None:
    assert plain_text("Ein **fettes** [Treffen](https://x.org/a)\nmit `Code` &amp; \\*Sternen\\*.") == \
        "Ein fettes Treffen mit Code & *Sternen*."
    assert plain_text("Zwei\nZeilen  ohne   Markup") == "Zwei Zeilen ohne Markup"


def test_a_long_sentence_is_cut_at_a_word_boundary() -> None:
    long = "Wort " * 60 + "Ende."
    short = shorten(long)
    assert len(short) <= TEASER_LENGTH + 2 and short.endswith(" …")
    assert short.removesuffix(" …").split(" ")[-1] == "Wort"  # no half words
    assert shorten("Kurz.") == "Kurz."


def test_the_teaser_of_a_summary() -> None:
    summary = "Am Montag, dem 22. Dezember, traf Kast **Bachelet**. Danach reiste er nach Quito."
    assert teaser(summary) == "Am Montag, dem 22. Dezember, traf Kast Bachelet."


def _teaser_of_whole_text(summary: str) -> str:
    return shorten(first_sentence(plain_text(summary)))


@pytest.mark.parametrize("summary", [
    "Kurz.",
    "Ein Satz ohne Ende " * 40,  # longer than the part that is read: the cut decides
    "Am 14. Dezember gewann Kast. " + "Danach folgte viel. " * 60,
    "x" * 630 + ". Danach",  # the sentence ends just before the read part ends
    "y " * 318 + "Ende. Neu",  # ... and right at it
    "   Viel \n\n  Leerraum   " + "wort     " * 200,  # whitespace does not count towards the read part
    "Kurz. " + " " * 700 + "Nach viel Leerraum.",
    "Ohne Punkt aber lang " * 8,
])
def test_the_teaser_from_the_beginning_equals_the_teaser_from_the_whole_text(summary: str) -> None:
    assert teaser(summary) == _teaser_of_whole_text(summary)


def test_every_shipped_summary_gives_the_same_teaser_from_its_beginning() -> None:
    chronicle = load_case(PROJECT, dt.date(2026, 11, 18)).chronicle
    assert len(chronicle.events) > 10
    assert [teaser(event.summary) for event in chronicle.events] == [
        _teaser_of_whole_text(event.summary) for event in chronicle.events]


def _first_sentence_by_regex(text: str) -> str:
    """first_sentence as it was written first: the word before each full stop by a regular expression."""
    for match in teasers._BOUNDARY.finditer(text):
        word = re.search(r"(\S+)$", text[:match.start()])
        before = word.group(1).lower() if word else ""
        last = before.rsplit(".", 1)[-1]
        ordinal = before.isdigit() and len(before) <= 2
        if match.group(1)[0] == "." and (ordinal or len(last) == 1 or last in teasers._ABBREVIATIONS):
            continue
        return text[:match.end(1)]
    return text


def test_the_word_before_a_full_stop_is_found_as_by_a_regular_expression() -> None:
    # Words longer than the window first_sentence looks into, dots inside words, spaces of every kind.
    pieces = ["am", "14.", "Dezember", "z.", "B.", "Abs.", "Nr.", "x" * 60 + ".", "y" * 50, "a.b.c.", "2025.",
              "Er", "ging.", " ", "\t", "\u00a0", "?", "!", "…", "„Was", "»Ja«", "(Neu)", ".", "Dr.", "1.", "123."]
    rng = random.Random(5)
    for joiner in (" ", ""):
        for _ in range(5000):
            text = joiner.join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
            assert first_sentence(text) == _first_sentence_by_regex(text), text


_VOTES = ("Nach dem letzten vorläufigen Bulletin des Wahldienstes mit fast allen ausgezählten Tischen kam der Sieger "
          "auf rund 7,2 Millionen Stimmen und damit auf 58,16 % der gültigen")
_PALACE = ("Am Vormittag nach der Wahl empfing Präsident Gabriel Boric den designierten Präsidenten und dessen Frau "
           "Pía Adriasola zu einem ersten Gespräch im Palacio de La Moneda in Santiago")


@pytest.mark.parametrize("text, limit, ending", [
    # Never inside a date: the whole date or nothing of it (a plain cut: "ab dem 22. Dezember …").
    ("Der designierte Präsident traf die Vorsitzenden der Parteien, die ihn unterstützen, und erklärte danach "
     "der Presse seine Pläne für die Zeit ab dem 22. Dezember 2025 ausführlich", 140, " für die Zeit …"),
    # Never between a number and its unit or inside a name (plain cuts: "rund 7,2 …", "58,16 % der …").
    (_VOTES, 131, " kam der Sieger …"),
    (_VOTES, 163, " und damit auf 58,16 % …"),
    (_PALACE, 160, " einem ersten Gespräch …"),  # plain: "im Palacio de La …"
    (_PALACE, 168, " im Palacio de La Moneda …"),
])
def test_a_cut_never_falls_inside_a_date_a_number_or_a_name(text: str, limit: int, ending: str) -> None:
    short = shorten(text, limit)
    assert short.endswith(ending), short
    assert len(short) <= limit + 2


def test_a_roman_ordinal_does_not_end_the_first_sentence() -> None:
    text = "In Brüssel hielt Kast die Abschlussrede des VII. Transatlantischen Gipfels. Danach reiste er weiter."
    assert first_sentence(text) == "In Brüssel hielt Kast die Abschlussrede des VII. Transatlantischen Gipfels."


def test_no_shipped_teaser_ends_inside_a_date_a_number_or_after_an_article() -> None:
    built = index_chronicle(load_case(PROJECT).chronicle)
    for event in built.events:
        text = built.teaser(event)
        assert len(text) <= TEASER_LENGTH + 2, event.id
        assert not re.search(r"(\d\.?|\b(am|vom|dem|den|der|des|die|das|im|in|de|La|Las|mit|und)) …$", text), \
            (event.id, text)
