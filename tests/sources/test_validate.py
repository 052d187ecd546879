"""Shape and type rules of one file, with the exact messages contributors see."""

from __future__ import annotations

import pytest

from chronik.chronicle.fields import EVENT_FIELDS, PERSON_FIELDS
from chronik.sources.validate import validate_document
from chronik.sources.yaml_source import read_document

VALID = """\
title: Treffen
date: 2025-12-22
countries: [CL]
summary: Ein Treffen.
sources:
  - publisher: Zeitung
    title: Bericht
"""


def problems(text: str, spec=EVENT_FIELDS) -> list[str]:
    document, found = read_document("events/x.yaml", text.encode())
    assert not found, found
    return [p.format() for p in validate_document(document, spec)[0]]


def test_a_valid_event_has_no_problems() -> None:
    assert problems(VALID) == []


def test_unknown_key_suggests_the_known_one() -> None:
    assert problems(VALID + "titel: X\n") == [
        "events/x.yaml:8: Fehler: Unbekanntes Feld `titel` – Meintest du `title`? Erlaubt sind: title, date, end, time, "
        "approximate, status, place, location, countries, people, mentioned, topics, part_of, summary, teaser, quotes, "
        "figures, sources, corrections."]


def test_every_missing_required_field_is_reported_at_once() -> None:
    assert problems("place: Santiago\n") == [
        "events/x.yaml:1: Fehler: Pflichtfeld `title` fehlt – Ergänze `title:` (Überschrift, eine Zeile, reiner Text).",
        "events/x.yaml:1: Fehler: Pflichtfeld `date` fehlt – Ergänze `date:` (JJJJ-MM-TT, JJJJ-MM (nur Monat "
        "bekannt) oder JJJJ).",
        "events/x.yaml:1: Fehler: Pflichtfeld `countries` fehlt – Ergänze `countries:` (Beteiligte Länder als "
        "ISO-3166-1-Codes, z. B. [AR, PE]).",
        "events/x.yaml:1: Fehler: Pflichtfeld `summary` fehlt – Ergänze `summary:` (Was geschah; Markdown ohne HTML).",
        "events/x.yaml:1: Fehler: Pflichtfeld `sources` fehlt – Ergänze `sources:` (Mindestens eine Quelle).",
    ]


def test_norway_is_named_as_the_yaml_trap_it_is() -> None:
    assert problems(VALID.replace("[CL]", "[CL, NO]")) == [
        "events/x.yaml:3: Fehler: `countries[1]` soll ein Ländercode sein, aber YAML liest `NO` als Wahrheitswert "
        "(false) – Setze den Wert in Anführungszeichen: \"NO\"."]


def test_a_time_is_named_as_the_base_60_trap() -> None:
    assert problems(VALID + "place: 12:30\n") == [
        "events/x.yaml:8: Fehler: `place` soll ein Text sein, aber YAML liest `12:30` als Zahl 750 (Minuten und "
        "Sekunden zur Basis 60) – Setze den Wert in Anführungszeichen: \"12:30\"."]


def test_html_in_a_block_summary_names_its_own_line() -> None:
    text = VALID.replace("summary: Ein Treffen.\n", "summary: |\n  Eins.\n  Zwei <script>x</script>.\n")
    assert problems(text) == [
        "events/x.yaml:6: Fehler: `summary` enthält HTML (`<script`) – HTML ist nicht erlaubt; schreibe "
        "Markdown, z. B. **fett** oder [Text](https://…)."]


def test_code_spans_may_show_html_and_autolinks_are_fine() -> None:
    assert problems(VALID.replace("Ein Treffen.", "Siehe `<b>` und <https://example.org/x>.")) == []


def test_link_schemes_other_than_http_are_refused_everywhere() -> None:
    text = VALID.replace("Ein Treffen.", "'[a](javascript:alert(1)) <data:text/html,x>'") + \
        "    url: javascript:alert(1)\n"
    assert problems(text) == [
        "events/x.yaml:4: Fehler: `summary` enthält einen Link auf `javascript:alert(1)` – Links müssen vollständige "
        "Adressen mit http:// oder https:// sein.",
        "events/x.yaml:4: Fehler: `summary` enthält HTML (`<data:text`) – HTML ist nicht erlaubt; schreibe Markdown, "
        "z. B. **fett** oder [Text](https://…).",
        "events/x.yaml:8: Fehler: `sources[0].url` ist keine http- oder https-Adresse – Gib die vollständige Adresse "
        "an, beginnend mit https://.",
    ]


def test_country_codes_get_a_suggestion() -> None:
    assert problems(VALID.replace("[CL]", "[cl, Perú, XX]")) == [
        "events/x.yaml:3: Fehler: `cl` ist kein Ländercode nach ISO 3166-1 – Meintest du `CL`?",
        "events/x.yaml:3: Fehler: `Perú` ist kein Ländercode nach ISO 3166-1 – Meintest du `PE`?",
        "events/x.yaml:3: Fehler: `XX` ist kein Ländercode nach ISO 3166-1 – Nutze den zweistelligen Code nach "
        "ISO 3166-1, z. B. AR, PE, US.",
    ]


def test_person_rules() -> None:
    assert problems("name: A B\ndescription: x\nwikidata: '320'\n", PERSON_FIELDS) == [
        "events/x.yaml:3: Fehler: `320` ist keine Wikidata-Kennung – Schreibe Q gefolgt von Ziffern, z. B. Q320."]


def test_tricks_that_fool_pattern_checks_are_caught_on_the_rendered_html() -> None:
    escaped_backticks = VALID.replace("Ein Treffen.", "'Text \\`<script>alert(1)</script>\\` mehr'")
    assert problems(escaped_backticks) == [
        "events/x.yaml:4: Fehler: `summary` enthält HTML (`<script`) – HTML ist nicht erlaubt; schreibe Markdown, "
        "z. B. **fett** oder [Text](https://…)."]
    indented_reference = VALID.replace("summary: Ein Treffen.\n",
                                       "summary: |\n  - a\n\n      [r]: javascript:alert(1)\n\n  [klick][r]\n")
    assert problems(indented_reference) == [
        "events/x.yaml:7: Fehler: `summary` enthält einen Link auf `javascript:alert(1)` – Links müssen vollständige "
        "Adressen mit http:// oder https:// sein."]
    assert problems(VALID.replace("Ein Treffen.", "'<a href=\"https://x.org\" onclick=\"x()\">a</a>'")) == [
        "events/x.yaml:4: Fehler: `summary` enthält HTML (`<a onclick=…>`) – HTML ist nicht erlaubt; schreibe "
        "Markdown, z. B. **fett** oder [Text](https://…)."]


def test_indented_code_may_show_html() -> None:
    assert problems(VALID.replace("summary: Ein Treffen.\n", "summary: |\n  Code:\n\n      <b>fett</b>\n")) == []


def test_angle_brackets_are_refused_in_one_line_fields() -> None:
    assert problems(VALID.replace("title: Treffen", "title: </title><script>alert(1)</script>")) == [
        "events/x.yaml:1: Fehler: `title` enthält < oder > – Spitze Klammern sind in einzeiligen Feldern nicht "
        "erlaubt; lass sie weg oder schreibe „…“."]


def test_empty_values_say_so() -> None:
    assert problems(VALID + "place:\nstatus: ~\n") == [
        "events/x.yaml:8: Fehler: `place` ist leer – Trage einen Wert ein (Ort, freier Text) oder lösche die Zeile.",
        "events/x.yaml:9: Fehler: `status` ist leer – Trage einen Wert ein (happened (Standard), planned, tentative, "
        "postponed oder cancelled) oder lösche die Zeile.",
    ]


def test_yes_is_not_a_boolean_here() -> None:
    assert problems(VALID + "approximate: yes\n") == [
        "events/x.yaml:8: Fehler: `approximate` muss true oder false sein, nicht `yes` – Schreibe `true` oder `false` "
        "(klein, ohne Anführungszeichen)."]


def _required(spec):
    return [name for name, field in spec.items() if field.required]


@pytest.mark.parametrize("missing", _required(EVENT_FIELDS))
def test_each_required_event_field_missing_in_turn(missing: str) -> None:
    text = "".join(line + "\n" for line in VALID.splitlines()
                   if not line.startswith(missing + ":") and not (missing == "sources" and line.startswith("  ")))
    assert problems(text) == [
        f"events/x.yaml:1: Fehler: Pflichtfeld `{missing}` fehlt – Ergänze `{missing}:` ({EVENT_FIELDS[missing].help})."]


@pytest.mark.parametrize("missing", _required(PERSON_FIELDS))
def test_each_required_person_field_missing_in_turn(missing: str) -> None:
    text = "".join(f"{key}: x\n" for key in _required(PERSON_FIELDS) if key != missing) + "sort_name: a\n"
    assert problems(text, PERSON_FIELDS) == [
        f"events/x.yaml:1: Fehler: Pflichtfeld `{missing}` fehlt – Ergänze `{missing}:` ({PERSON_FIELDS[missing].help})."]


@pytest.mark.parametrize("spec, key", [(EVENT_FIELDS, key) for key in EVENT_FIELDS]
                         + [(PERSON_FIELDS, key) for key in PERSON_FIELDS])
def test_a_wrong_type_in_any_field_is_named(spec, key: str) -> None:
    base = VALID if spec is EVENT_FIELDS else "name: A B\ndescription: x\n"
    lines = [line for line in base.splitlines() if not line.startswith(key + ":")]
    if key == "sources":
        lines = [line for line in lines if not line.startswith("  ")]
    wrong = "{a: 1}" if spec[key].kind != "object" else "[1]"
    found = problems("\n".join(lines) + f"\n{key}: {wrong}\n", spec)
    assert len(found) == 1 and f"`{key}`" in found[0] and ": Fehler: " in found[0], found


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "/relativ/pfad", "../pfad", "ftp://x.org/a",
                                 "https://", "http:/x.org", "https://x.org/\"onclick=x"])
def test_only_absolute_http_addresses_are_sources(url: str) -> None:
    assert problems(VALID + f"    url: '{url}'\n") == [
        "events/x.yaml:8: Fehler: `sources[0].url` ist keine http- oder https-Adresse – Gib die vollständige Adresse "
        "an, beginnend mit https://."]


@pytest.mark.parametrize("target", ["../seite", "/absolut", "data:text/html,x", "vbscript:x", "#anker"])
def test_only_absolute_http_links_in_markdown(target: str) -> None:
    found = problems(VALID.replace("Ein Treffen.", f"'Siehe [hier]({target}).'"))
    assert len(found) == 1 and "enthält einen Link auf" in found[0]
