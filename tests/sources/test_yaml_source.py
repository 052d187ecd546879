"""Reading YAML: values, line numbers, and what is refused."""

from __future__ import annotations

import pytest

from chronik.sources.yaml_source import MAX_FILE_BYTES, read_document
from chronik.sources.yaml_syntax import likely_cause


def read(text: str | bytes):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_document("events/x.yaml", raw)


def messages(text: str | bytes) -> list[str]:
    return [problem.format() for problem in read(text)[1]]


def test_values_and_the_line_of_every_key() -> None:
    document, problems = read("title: A\nsources:\n  - publisher: P\n    title: T\n")
    assert problems == []
    assert document.data == {"title": "A", "sources": [{"publisher": "P", "title": "T"}]}
    assert document.line(("title",)) == 1
    assert document.line(("sources", 0, "title")) == 4
    assert document.line(("sources", 0, "missing")) == 3  # the nearest parent that exists


def test_dates_stay_text_and_yaml_11_readings_are_kept_with_what_was_written() -> None:
    document, _ = read("date: 2025-12-22\ncountries: [NO]\nplace: 12:30\ncode: 012\n")
    assert document.data == {"date": "2025-12-22", "countries": [False], "place": 750, "code": 10}
    assert document.written[("countries", 0)] == "NO"
    assert document.written[("place",)] == "12:30"


def test_block_text_starts_on_the_line_after_its_indicator() -> None:
    document, _ = read("title: A\nsummary: |\n  eins\n  zwei\n")
    assert document.line(("summary",)) == 2
    assert document.text_starts[("summary",)] == 3


def test_duplicate_keys_are_refused_with_both_lines() -> None:
    assert messages("title: A\ndate: 2025\ntitle: B\n") == [
        "events/x.yaml:3: Fehler: Das Feld `title` steht doppelt (zuerst in Zeile 1) – Lösche eine der beiden Zeilen."]


def test_anchors_and_aliases_are_refused_before_they_can_grow() -> None:
    laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert messages(laughs) == [
        "events/x.yaml:2: Fehler: Anker und Verweise (&name, *name) sind nicht erlaubt – Schreibe den Wert an jeder "
        "Stelle aus."]


def test_python_tags_are_refused() -> None:
    assert messages("title: !!python/object/apply:os.system [ls]\n") == [
        "events/x.yaml:1: Fehler: Die YAML-Markierung `!!python/object/apply:os.system` ist nicht "
        "erlaubt – Entferne die Markierung, die mit `!` beginnt."]


def test_a_byte_order_mark_is_accepted() -> None:
    document, problems = read(b"\xef\xbb\xbftitle: A\n")
    assert problems == [] and document.data == {"title": "A"}


def test_invalid_utf8_names_the_line() -> None:
    assert messages(b"title: A\nplace: \xff\n") == [
        "events/x.yaml:2: Fehler: Die Datei ist nicht in UTF-8 gespeichert – Speichere sie in deinem Editor mit der "
        "Kodierung UTF-8."]


def test_empty_and_comment_only_files_are_reported() -> None:
    for text in ("", "\n\n", "# nur ein Kommentar\n"):
        assert messages(text) == ["events/x.yaml: Fehler: Die Datei ist leer – Fülle sie nach der Vorlage in "
                                  "docs/mitmachen.md aus oder lösche sie."]


def test_tabs_get_a_plain_explanation() -> None:
    assert messages("title: A\nsources:\n\t- publisher: P\n") == [
        "events/x.yaml:3: Fehler: YAML-Syntaxfehler: Tabulatorzeichen sind in YAML nicht erlaubt – Rücke mit "
        "Leerzeichen statt Tabulatoren ein."]


def test_oversized_files_are_refused_without_parsing() -> None:
    problems = read(b"title: " + b"x" * MAX_FILE_BYTES)[1]
    assert [p.line for p in problems] == [None]
    assert problems[0].message.startswith("Die Datei ist 100.007 Bytes groß")


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    assert messages('title: "Ana\ndate: 2025\ncountries: [CL]\nsummary: x\n') == [
        "events/x.yaml:1: Fehler: YAML-Syntaxfehler: Das Anführungszeichen \" in dieser Zeile wird nicht geschlossen – "
        "Setze ans Ende des Textes in derselben Zeile ebenfalls \", z. B. title: \"Gipfel: Ergebnis\"."]


def test_a_colon_in_a_title_gets_the_quoting_hint() -> None:
    assert messages("title: Kast: Treffen mit Boric\n") == [
        "events/x.yaml:1: Fehler: YAML-Syntaxfehler: Ein Doppelpunkt steht an einer Stelle, an der YAML keinen "
        "erwartet – Setze einen Text, der `: ` enthält, in Anführungszeichen, z. B. title: \"Gipfel: Ergebnis\"."]


def test_an_unclosed_bracket_is_reported_where_it_opens() -> None:
    assert messages("title: A\ncountries: [CL, PE\nsummary: x\nplace: y\n")[0].startswith(
        "events/x.yaml:2: Fehler: YAML-Syntaxfehler: Eine eckige Klammer `[` wird nicht geschlossen")


LATER_QUOTE = 'summary: |\n  Sie sagte: "Gut".\nsources:\n  - publisher: "Zeitung"\n    title: Bericht\n'


@pytest.mark.parametrize("text, line, message", [
    ('title: "Kast trifft\ndate: 2025\n' + LATER_QUOTE, 1, 'Das Anführungszeichen " in dieser Zeile wird nicht '),
    ("title: 'Kast trifft\ndate: 2025\n" + LATER_QUOTE, 1, "Das Anführungszeichen ' in dieser Zeile wird nicht "),
    ("title:Kast trifft\ndate: 2025\n" + LATER_QUOTE, 1, "Nach `title:` fehlt ein Leerzeichen"),
    ("title: x\ndate: 2025\n" + LATER_QUOTE.replace("    title", "   title"), 7, "Die Einrückung stimmt nicht"),
    ("title: x\n date: 2025\n" + LATER_QUOTE, 2, "Die Einrückung stimmt nicht"),
    ("title: x\ndate: 2025\n" + LATER_QUOTE.replace("    title", "\ttitle"), 7, "Tabulatorzeichen"),
    ("title: x\npeople: [a, b\ndate: 2025\n" + LATER_QUOTE, 2, "Eine eckige Klammer `[` wird nicht geschlossen"),
])
def test_syntax_errors_name_the_line_of_their_cause(text: str, line: int, message: str) -> None:
    [problem] = read_document("events/x.yaml", text.encode("utf-8"))[1]
    assert (problem.line, problem.message[:len("YAML-Syntaxfehler: ") + len(message)]) == (
        line, "YAML-Syntaxfehler: " + message)


@pytest.mark.parametrize("text", [
    'title: "Kast: \\"Treffen\\""\nsummary: |\n  date:2025 "offen\n  - x\n',
    "title: 'It''s'\npeople: [a, \"b]\"]\nsources:\n- publisher: x\n  title: y\n",
])
def test_the_cause_finder_accepts_what_yaml_reads(text: str) -> None:
    """Block texts, escaped quotes, quoted brackets and indentless lists are no cause."""
    assert read_document("events/x.yaml", text.encode("utf-8"))[1] == []
    assert likely_cause(text, len(text.splitlines())) is None
