"""Open data: the JSON validates against its published JSON Schema, the CSV round-trips, and the
licence they name comes from strictly checked settings."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from chronik.chronicle.index import index_chronicle
from chronik.chronicle.dates import parse_partial_date
from chronik.chronicle.model import Chronicle, Correction, Event, Licence, Person, Quote, Role, Settings, Source
from chronik.publish.open_data import CSV_COLUMNS, LIST_SEPARATOR, build_open_data, chronicle_data, events_csv
from conftest import CHRONICLES, PROJECT, load_case

SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={"wahl": "Wahl", "leer": "Ohne Ereignis"},
                    licence=Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
                    site_url="https://example.org/c/")
TRICKY = 'Zitat „so“, "so"; und so\nzweite Zeile, mit \\ und ; und =1+1'


def _validator(schema: dict) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    return list(reader)


def _as_csv_cells(event: dict) -> dict[str, str]:
    """What the CSV promises for one event of the JSON: lists joined, booleans as words, null empty."""
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        text = LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)
        return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text  # no formulas
    row = dict(event, source_urls=[s["url"] for s in event["sources"] if s["url"]])
    return {column: cell(row[column]) for column in CSV_COLUMNS}


def test_the_shipped_json_validates_against_the_shipped_schema(site: Path) -> None:
    schema = json.loads((site / "daten" / "ereignisse.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site / "daten" / "ereignisse.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(schema).iter_errors(data)]
    assert errors == []
    assert schema["$id"] == data["$schema"] == "https://chronik-chile.github.io/chronik/daten/ereignisse.schema.json"
    chron = load_case(PROJECT).chronicle
    assert [e["id"] for e in data["events"]] == [e.id for e in chron.events]
    assert [p["id"] for p in data["people"]] == sorted(chron.people)
    assert data["licence"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.de"}
    assert {c["code"] for c in data["countries"]} >= {"CL", "AR", "EC", "PE", "US", "ES"}
    bachelet = next(e for e in data["events"] if e["id"] == "2025-12-22-kast-trifft-bachelet")
    assert bachelet["url"] == "https://chronik-chile.github.io/chronik/ereignisse/2025-12-22-kast-trifft-bachelet/"
    assert (bachelet["date"], bachelet["place"], bachelet["status"]) == (
        "2025-12-22", "Santiago (Ñuñoa), Fundación Horizonte Ciudadano", "happened")
    for event in data["events"]:  # every address the data names is a page of the site
        assert (site / event["url"].removeprefix("https://chronik-chile.github.io/chronik/") / "index.html").is_file()


def test_the_schema_describes_every_field_in_german() -> None:
    schema = json.loads((PROJECT / "hooks" / "chronik" / "publish" / "open_data.schema.json").read_text(encoding="utf-8"))

    def undescribed(node: dict, path: str) -> list[str]:
        missing = []
        for name, child in node.get("properties", {}).items():
            if "description" not in child and "$ref" not in child:
                missing.append(f"{path}.{name}")
            missing += undescribed(child, f"{path}.{name}")
            missing += undescribed(child.get("items", {}), f"{path}.{name}[]")
        return missing
    found = undescribed(schema, "")
    for name, definition in schema["$defs"].items():
        found += undescribed(definition, name)
        found += undescribed(definition.get("items", {}), name)
    assert found == []


def test_the_shipped_csv_round_trips_to_the_json(site: Path) -> None:
    data = json.loads((site / "daten" / "ereignisse.json").read_text(encoding="utf-8"))
    raw = (site / "daten" / "ereignisse.csv").read_bytes()
    # German spreadsheets: a byte order mark says UTF-8, semicolons separate the cells.
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert raw[3:].split(b"\r\n", 1)[0].decode("ascii") == ";".join(CSV_COLUMNS)
    rows = _rows(raw.decode("utf-8-sig"))
    assert rows == [_as_csv_cells(event) for event in data["events"]]
    ecuador = next(row for row in rows if row["id"] == "2025-12-22-reise-nach-ecuador")
    assert ecuador["countries"].split(LIST_SEPARATOR) == ["EC", "CL", "PE"]
    assert ecuador["people"].split(LIST_SEPARATOR) == ["jose-antonio-kast", "cristian-valenzuela", "rodolfo-carter",
                                                       "cristian-vial", "hugo-de-zela", "daniel-noboa", "diego-paco"]


def _tricky_chronicle() -> Chronicle:
    events = (
        Event(id="2025-12-20-a", path="events/2025-12-20-a.yaml", title=TRICKY, date=parse_partial_date("2025-12-20"),
              summary=TRICKY + "\n\nZweiter **Absatz**.", countries=("CL", "PE"), people=("ana-perez",),
              topics=("wahl",), place=TRICKY, approximate=True,
              sources=(Source("Verlag", TRICKY, parse_partial_date("2025-12"), "https://example.org/a?b=1;c=2",
                              "https://archive.example.org/x"), Source("Verlag", "ohne Adresse")),
              quotes=(Quote("ana-perez", TRICKY),),
              corrections=(Correction(parse_partial_date("2025-12-21"), "Ort *berichtigt*"),)),
        Event(id="2026-01-b", path="events/2026-01-b.yaml", title="Plan", date=parse_partial_date("2026-01"),
              end=parse_partial_date("2026"), summary="Text.", countries=("CL",), status="tentative",
              part_of="2025-12-20-a", sources=(Source("V", "T"),)),
    )
    people = {"ana-perez": Person("ana-perez", "people/ana-perez.yaml", "Ana Pérez", "Gewählt", "Pérez, Ana",
                                  aliases=("A. P.",), countries=("CL",), wikidata="Q42",
                                  roles=(Role("Präsidentin", parse_partial_date("2026-03-11")),))}
    return Chronicle(SETTINGS, events, people, dt.date(2026, 1, 15))


def test_tricky_text_round_trips_through_json_and_csv_and_validates() -> None:
    chron = _tricky_chronicle()
    files = {f.path: f.content for f in build_open_data(index_chronicle(chron))}
    data = json.loads(files["daten/ereignisse.json"])
    schema = json.loads(files["daten/ereignisse.schema.json"])
    assert [f"{list(e.absolute_path)}: {e.message}" for e in _validator(schema).iter_errors(data)] == []
    first, second = data["events"]
    assert (first["title"], first["place"], first["quotes"][0]["text"]) == (TRICKY, TRICKY, TRICKY)
    assert (first["updated"], first["revision"]) == ("2025-12-21", 2)
    assert (second["date"], second["end"], second["part_of"], second["updated"]) == ("2026-01", "2026",
                                                                                   "2025-12-20-a", "2026-01-01")
    assert data["topics"] == [{"id": "leer", "label": "Ohne Ereignis", "url": None},
                              {"id": "wahl", "label": "Wahl", "url": "https://example.org/c/themen/wahl/"}]
    assert data["people"][0]["roles"] == [{"title": "Präsidentin", "from": "2026-03-11", "to": None, "source": None}]
    rows = _rows(files["daten/ereignisse.csv"].decode("utf-8-sig"))
    assert rows == [_as_csv_cells(event) for event in data["events"]]
    assert rows[0]["title"] == TRICKY and rows[0]["approximate"] == "true"
    assert rows[0]["source_urls"] == "https://example.org/a?b=1;c=2"


def test_the_json_schema_rejects_what_the_data_never_holds() -> None:
    chron = _tricky_chronicle()
    schema = json.loads({f.path: f.content for f in build_open_data(index_chronicle(chron))}["daten/ereignisse.schema.json"])
    validator = _validator(schema)
    data = chronicle_data(index_chronicle(chron))
    for broken in (
        {**data, "extra": 1},
        {**data, "events": [{**data["events"][0], "date": "20.12.2025"}]},
        {**data, "events": [{**data["events"][0], "status": "geplant"}]},
        {**data, "events": [{k: v for k, v in data["events"][0].items() if k != "end"}]},
        {**data, "people": [{**data["people"][0], "wikidata": "320"}]},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_fixture_chronicles_give_valid_data() -> None:
    for case in ("valid-escaping", "valid-precision", "valid-trip", "valid-overdue-plan", "minimal"):
        chron = load_case(CHRONICLES / case).chronicle
        chron = dataclasses.replace(chron, settings=dataclasses.replace(chron.settings, site_url="https://x.org/"))
        files = {f.path: f.content for f in build_open_data(index_chronicle(chron))}
        data = json.loads(files["daten/ereignisse.json"])
        validator = _validator(json.loads(files["daten/ereignisse.schema.json"]))
        assert list(validator.iter_errors(data)) == [], case
        assert data["licence"] is None
        assert _rows(files["daten/ereignisse.csv"].decode("utf-8-sig")) == [_as_csv_cells(e) for e in data["events"]]
        assert events_csv(data["events"]) == files["daten/ereignisse.csv"].decode("utf-8-sig")


def test_without_site_url_the_build_says_what_is_missing() -> None:
    from chronik.pages.published import SiteFilesError
    from chronik.publish.site_files import build_site_files
    chron = load_case(CHRONICLES / "minimal").chronicle
    assert chron.settings.site_url is None
    with pytest.raises(SiteFilesError, match="`site_url` fehlt in mkdocs.yml"):
        build_site_files(index_chronicle(chron))


@pytest.mark.parametrize("text", ["=HYPERLINK(\"https://example.org\")", "+1", "-1", "@SUMME(A1)", "\tx"])
def test_a_cell_that_starts_like_a_formula_is_shown_as_text(text: str) -> None:
    event = {column: None for column in CSV_COLUMNS} | {"title": text, "sources": []}
    row = _rows(events_csv([event]))[0]
    assert row["title"] == "'" + text


def test_text_with_a_formula_sign_inside_stays_as_written() -> None:
    event = {column: None for column in CSV_COLUMNS} | {"title": "Kast: 1+1=2", "sources": []}
    assert _rows(events_csv([event]))[0]["title"] == "Kast: 1+1=2"


def test_the_data_is_compact_and_the_schema_indented() -> None:
    # Indenting made the data of 10,000 events 13 % larger; programs and browsers lay it out themselves.
    files = {f.path: f.content for f in build_open_data(index_chronicle(_tricky_chronicle()))}
    data = files["daten/ereignisse.json"].decode("utf-8")
    assert data.count("\n") == 1 and data.endswith("}\n")
    assert data == json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert files["daten/ereignisse.schema.json"].decode("utf-8").startswith('{\n  "')
