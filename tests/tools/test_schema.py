"""The JSON Schemas for editors: generated from fields.py, committed, and in agreement with the checker.

Agreement means: a file the checker accepts, the schema accepts, and a file the checker rejects,
the schema rejects, for every golden fixture file, every shipped data file and a corpus of
variants generated from the field kinds. Both sides read the same values: the schema side uses
PyYAML's safe_load (YAML 1.1, as the checker), with dates kept as text as an editor sees them.
So `NO` and `12:30` reach both as false and 750, and both reject them (an editor reading YAML 1.2
sees the strings "NO" and "12:30" there: one more reason the checker, not the editor, decides).

Rules a schema of one file cannot express are listed in EXCLUDED below; a file whose only errors
come from them is tested on its own, with the rules named in its test id: the checker must reject it
for those rules alone, and the schema must not reject it for anything else where both read the same values.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from chronik.tools import schema as chronik_schema
from chronik.tools.cli import main as chronik_cli
from chronik.chronicle.fields import EVENT_FIELDS, MAX_ITEMS, MAX_MARKDOWN, MAX_TEXT, PERSON_FIELDS
from chronik.sources.problems import Problem
from chronik.sources.validate import validate_document
from chronik.sources.yaml_source import read_document
from conftest import CHRONICLES, PROJECT, load_case

SCHEMA_FOLDER = PROJECT / "schema"

# What the checker judges and a JSON Schema of one file cannot, by the checker's message.
# Every error message of the fixtures must fall into one of these or be comparable; a new
# kind of message makes the test fail until it is sorted in here.
EXCLUDED: dict[str, tuple[str, tuple[str, ...]]] = {
    "references": ("cross-file references: people, topics, part_of, quoted people listed under people", (
        "Unbekannte Person", "Unbekanntes Thema", "Unbekanntes Ereignis", "wird zitiert, steht aber nicht",
        "Teil von sich selbst", "bildet einen Kreis")),
    "gazetteer": ("places against the GeoNames gazetteer and the event's countries: an unknown GeoNames id, a place "
                  "in a country the event does not list", ("im Ortsverzeichnis nicht bekannt", "fehlt unter `countries`",
                                                           "), nicht in ")),
    "within-file": ("rules between fields of one file: `time` needs a day, `figures.source` names an existing "
                    "source, nobody is both present and mentioned, an id once in `people` whatever its form", (
                        "braucht ein Datum mit Tag", "die Datei hat aber nur", "steht unter `people` und unter")),
    "date-order": ("end before date, roles.to before roles.from, `happened` in the future (needs today)", (
        "liegt vor", "liegt in der Zukunft")),
    "cldr": ("a language code of the right shape that CLDR does not know (`xx`): the schema checks the shape", (
        "ist kein bekannter Sprachcode",)),
    "yaml-1.1": ("written form of YAML 1.1 booleans: `yes`, `on`, `True` are booleans to YAML, not to the checker",
                 ("muss true oder false sein, nicht `",)),
    "yaml-refused": ("YAML the checker refuses and safe_load accepts or cannot load: anchors, aliases, tags, "
                     "duplicate keys, merge keys", (
                         "Anker und Verweise", "YAML-Markierung", "steht doppelt", "Zusammenführungen",
                         "Feldname muss ein einfacher Text")),
    "unreadable": ("YAML syntax errors: there is no data for a schema to judge", ("YAML-Syntaxfehler",)),
    "rendered-html": ("Markdown judged on its rendered HTML: HTML, images, links other than http(s)", (
        "enthält HTML", "enthält ein Bild", "enthält einen Link auf")),
    "file": ("the file, not its content: size, number of values, UTF-8, file name, id, folder, symlinks", (
        "Bytes groß", "mehr als", "nicht in UTF-8", "Dateiname", "reserviert", "gibt es schon", "endet nicht auf",
        "Verknüpfung", "Unterordner")),
}
# Not a rule but a limit of JSON: `date: 2026.0` (a YAML float) is an integer to JSON Schema, while the
# checker wants 2026. No fixture has it, and the generated variants below leave it out.

_BOOLEAN_WORDS = {"yes", "no", "on", "off", "true", "false"}


class _JsonLoader(yaml.SafeLoader):
    """safe_load, but dates stay text: JSON has no dates, and an editor sees `2025-12-22` as a string."""


_JsonLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

_NOT_LOADED = object()


def load_for_schema(raw: bytes) -> Any:
    try:
        return yaml.load(raw.decode("utf-8-sig"), Loader=_JsonLoader)
    except (UnicodeDecodeError, yaml.YAMLError):
        return _NOT_LOADED


@functools.cache
def validators() -> dict[str, jsonschema.Draft202012Validator]:
    return {folder: jsonschema.Draft202012Validator(chronik_schema.schemas()[name])
            for folder, name in chronik_schema.SCHEMA_OF_FOLDER.items()}


def schema_errors(relative: str, data: Any) -> list[str]:
    validator = validators()[relative.split("/")[0]]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


# The generated files ---------------------------------------------------------------------

def test_the_committed_schemas_are_the_generated_ones() -> None:
    for name, schema in chronik_schema.schemas().items():
        committed = (SCHEMA_FOLDER / name).read_text(encoding="utf-8")
        assert committed == chronik_schema.render(schema), \
            f"schema/{name} is out of date: run `./dev schema` (python -m chronik schema) and commit it"


def test_the_schema_command_writes_exactly_the_committed_files(tmp_path: Path, capsys) -> None:
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert chronik_cli(["--root", str(tmp_path), "schema"]) == 0
    written = sorted(p.name for p in (tmp_path / "schema").iterdir())
    assert written == sorted(p.name for p in SCHEMA_FOLDER.iterdir()) == ["event.schema.json", "person.schema.json"]
    for name in written:
        assert (tmp_path / "schema" / name).read_bytes() == (SCHEMA_FOLDER / name).read_bytes()
    assert "geschrieben" in capsys.readouterr().err
    assert chronik_cli(["--root", str(tmp_path), "schema"]) == 0
    assert "aktuell" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["event.schema.json", "person.schema.json"])
def test_the_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = json.loads((SCHEMA_FOLDER / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


# Keywords with the same meaning in draft-07 (what the YAML extension of VS Code runs) and 2020-12,
# plus that extension's own annotations.
PORTABLE_KEYWORDS = {"$schema", "$comment", "title", "description", "default", "examples", "type", "properties",
                     "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "enum",
                     "pattern", "minLength", "maxLength", "minimum", "maximum",
                     "patternErrorMessage", "enumDescriptions",
                     "anyOf",  # draft-07 and 2020-12 alike: an entry of `people` is an id or {id, note}
                     "if", "then", "allOf"}  # draft-07 and 2020-12 alike: a quote's `original` needs `language`


def _keywords(schema: dict[str, Any]) -> set[str]:
    found = set(schema)
    for name, value in schema.get("properties", {}).items():
        found |= _keywords(value)
    if isinstance(schema.get("items"), dict):
        found |= _keywords(schema["items"])
    return found


def test_the_schemas_use_only_keywords_that_editors_understand() -> None:
    for schema in chronik_schema.schemas().values():
        assert _keywords(schema) <= PORTABLE_KEYWORDS, _keywords(schema) - PORTABLE_KEYWORDS


def test_the_schema_says_what_fields_py_says() -> None:
    event = chronik_schema.event_schema()
    assert list(event["properties"]) == list(EVENT_FIELDS)
    assert event["required"] == [key for key, field in EVENT_FIELDS.items() if field.required]
    assert event["additionalProperties"] is False
    assert event["properties"]["title"]["maxLength"] == MAX_TEXT
    assert event["properties"]["summary"]["maxLength"] == MAX_MARKDOWN
    assert event["properties"]["countries"]["minItems"] == 1
    assert event["properties"]["sources"]["maxItems"] == MAX_ITEMS
    assert event["properties"]["sources"]["items"]["required"] == ["publisher", "title"]
    assert event["properties"]["status"]["enum"] == ["happened", "planned", "tentative", "postponed", "cancelled"]
    assert event["properties"]["status"]["default"] == "happened"
    assert event["properties"]["title"]["description"] == EVENT_FIELDS["title"].help
    assert "NO" in event["properties"]["countries"]["items"]["enum"]
    assert "EU" not in event["properties"]["countries"]["items"]["enum"]
    person = chronik_schema.person_schema()
    assert list(person["properties"]) == list(PERSON_FIELDS)
    assert person["properties"]["roles"]["items"]["additionalProperties"] is False


# The editor line in every data file ---------------------------------------------------------

DATA_FILES = sorted([*PROJECT.glob("events/**/*.yaml"), *PROJECT.glob("people/*.yaml")])
FORMAT_COMMENT = {"events": "# Ereignis der Chronik; Format: siehe docs/mitmachen.md",
                  "people": "# Person der Chronik; Format: siehe docs/mitmachen.md"}


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.relative_to(PROJECT).as_posix() for p in DATA_FILES])
def test_every_data_file_names_its_schema_on_the_first_line(path: Path) -> None:
    relative = path.relative_to(PROJECT).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == chronik_schema.schema_line(relative)
    assert lines[1] == FORMAT_COMMENT[relative.split("/")[0]]
    target = lines[0].split("$schema=", 1)[1]
    assert (path.parent / target).resolve() == (SCHEMA_FOLDER / target.rsplit("/", 1)[1]).resolve()


def test_the_schema_line_counts_the_folder_depth() -> None:
    assert chronik_schema.schema_line("events/x.yaml") == "# yaml-language-server: $schema=../schema/event.schema.json"
    assert chronik_schema.schema_line("events/2026/x.yaml") == \
        "# yaml-language-server: $schema=../../schema/event.schema.json"
    assert chronik_schema.schema_line("people/x.yaml") == "# yaml-language-server: $schema=../schema/person.schema.json"


# Agreement on real files ---------------------------------------------------------------------

CASES = sorted(path for path in CHRONICLES.iterdir() if path.is_dir())
FIXTURE_FILES = [(case, path) for case in CASES
                 for path in sorted([*case.glob("events/**/*.yaml"), *case.glob("people/**/*.yaml")])]


@functools.cache
def _case_problems(case: Path) -> tuple[Problem, ...]:
    return tuple(load_case(case).problems)


def _category(message: str) -> str | None:
    """The EXCLUDED category of a checker message, or None when the schema can judge the same rule."""
    for category, (_, needles) in EXCLUDED.items():
        if any(needle in message for needle in needles):
            if category == "yaml-1.1":
                written = message.split("nicht `", 1)[1].split("`", 1)[0]
                return category if written.lower() in _BOOLEAN_WORDS else None
            return category
    return None


def _file_errors(case: Path, path: Path) -> tuple[str, list[Problem]]:
    """The file's path in its case, and every error the checker reports for it (whole chronicle read)."""
    relative = path.relative_to(case).as_posix()
    return relative, [p for p in _case_problems(case) if p.path == relative and p.is_error]


def _checker_only(errors: list[Problem]) -> list[str]:
    """The EXCLUDED categories when the checker rejects a file for those rules alone; else []."""
    categories = {_category(p.message) for p in errors}
    return [] if not errors or None in categories else sorted(categories)


def assert_agreement(relative: str, raw: bytes, errors: list[Problem]) -> None:
    """`errors`: every error the checker reports for this file, at least one a schema can judge, or none."""
    comparable = [p.format() for p in errors if _category(p.message) is None]
    assert comparable or not errors, "judged by test_checker_only_rules_leave_the_schema_nothing_to_reject"
    data = load_for_schema(raw)
    assert data is not _NOT_LOADED, comparable
    if comparable:
        assert schema_errors(relative, data), f"the checker rejects, the schema accepts: {comparable}"
    else:
        assert schema_errors(relative, data) == [], "the checker accepts, the schema rejects"


# Sorted when collected: a file the schema can judge, and a file only the checker can (named in its id).
_JUDGED = [(case, path, _checker_only(_file_errors(case, path)[1])) for case, path in FIXTURE_FILES]
SCHEMA_JUDGES = [(case, path) for case, path, only in _JUDGED if not only]
CHECKER_ONLY = [(case, path, only) for case, path, only in _JUDGED if only]


@pytest.mark.parametrize("case, path", SCHEMA_JUDGES,
                         ids=[f"{case.name}/{path.relative_to(case).as_posix()}" for case, path in SCHEMA_JUDGES])
def test_schema_and_checker_agree_on_every_fixture_file(case: Path, path: Path) -> None:
    relative, errors = _file_errors(case, path)
    assert_agreement(relative, path.read_bytes(), errors)


@pytest.mark.parametrize("case, path, categories", CHECKER_ONLY,
                         ids=[f"{case.name}/{path.relative_to(case).as_posix()} [checker only: {'+'.join(only)}]"
                              for case, path, only in CHECKER_ONLY])
def test_checker_only_rules_leave_the_schema_nothing_to_reject(case: Path, path: Path, categories: list[str]) -> None:
    """The checker rejects the file for rules a schema cannot know, and the schema finds nothing else."""
    relative, errors = _file_errors(case, path)
    assert errors and sorted({_category(p.message) for p in errors}) == categories
    data = load_for_schema(path.read_bytes())
    if "unreadable" in categories:
        assert data is _NOT_LOADED  # a syntax error: neither side has values to judge
    elif data is not _NOT_LOADED and not {"yaml-1.1", "yaml-refused"} & set(categories):
        # Same values on both sides, and nothing wrong that a schema could see.
        assert schema_errors(relative, data) == [], "the schema rejects for a rule it should not know"


def test_every_fixture_case_is_covered() -> None:
    # A case without data files (or a new folder layout) would silently drop out of the agreement test.
    assert {case for case, _ in FIXTURE_FILES} == set(CASES)


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.relative_to(PROJECT).as_posix() for p in DATA_FILES])
def test_the_schema_accepts_every_shipped_file(path: Path) -> None:
    relative = path.relative_to(PROJECT).as_posix()
    data = load_for_schema(path.read_bytes())
    assert schema_errors(relative, data) == []


# Agreement on generated variants ---------------------------------------------------------------

VALID_EVENT = {
    "title": "Treffen", "date": "2025-12-22", "countries": ["CL"], "summary": "Ein Treffen.",
    "sources": [{"publisher": "Zeitung", "title": "Bericht"}],
}
VALID_PERSON = {"name": "Ana Pérez", "description": "Präsidentin"}

TEXT = ["Treffen", " Treffen ", "Äpfel „Zitat“ & *Stern*", "", " ", "\t", "a\nb", "a\n", " a \n ", "x" * MAX_TEXT,
        "x" * (MAX_TEXT + 1), "é" * MAX_TEXT, "a<b", "a>b", "a\rb", 12, 1.5, True, None, ["a"], {"a": "b"}]
MARKDOWN = ["Text", "**fett** und [Link](https://example.org/a)", "Zeile\n\nZeile\n", "", "  \n ",
            "x" * MAX_MARKDOWN, "x" * (MAX_MARKDOWN + 1), 5, False, None, ["a"]]
DATES = ["2025-12-22", "2025-12", "2025", 2026, 1800, 2200, 1799, 2201, 12, -2026, "1800", "2200-12-31", "1799",
         "2201-01", "2024-02-29", "2025-02-29", "1900-02-29", "2000-02-29", "2100-02-29", "2025-02-28",
         "2025-04-31", "2025-04-30", "2025-01-31", "2025-13", "2025-00", "2025-12-00", "2025-12-32", "2025-1-5",
         "2025-01-5", "22.12.2025", " 2025-12-22 ", "2025-12-22x", "x2025", "20251", "", True, 2026.5, None, ["2025"]]
BOOLS = [True, False, "true", "false", 1, 0, None, "ja"]
STATUSES = ["happened", "planned", "tentative", "postponed", "cancelled", "geplant", "Planned", "", 1, None]
COUNTRY_LISTS = [["CL"], ["CL", "PE", "NO"], [], ["CL", "CL"], ["XX"], ["cl"], ["EU"], ["Peru"], [1], [None],
                 ["CL", 1], "CL", None, chronik_schema.country_codes()[:MAX_ITEMS],
                 chronik_schema.country_codes()[:MAX_ITEMS + 1]]
ID_LISTS = [[], ["ana-perez"], ["ana-perez", "juan"], ["ana-perez", "ana-perez"], ["Ana"], ["a_b"], ["-a"], ["a-"],
            ["a--b"], [""], [1], "ana-perez", None, [f"p{i}" for i in range(MAX_ITEMS)],
            [f"p{i}" for i in range(MAX_ITEMS + 1)]]
IDS = ["2025-12-22-reise", "x", "a1-b2", "X", "a_b", "-a", "a-", "a--b", "a b", "", 5, None]
URLS = ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/A", "https://x.org/\u00e4",
        "https://x", "ftp://x.org", "https://x.org/a b", 'https://x.org/"', "https://x.org/<", "www.x.org",
        "https://", "//x.org/a", "", 1]
WIKIDATA = ["Q320", "Q1", "Q0", "Q01", "q320", "320", 320, "Q", "Q320 ", "Q-1", None]
ALIASES = [["A", "A"], ["x" * (MAX_TEXT + 1)], [f"N{i}" for i in range(MAX_ITEMS)],
           [f"N{i}" for i in range(MAX_ITEMS + 1)], [], "A"]
QUOTES = [[{"by": "ana-perez", "text": "Ja."}], [{"by": "ana-perez"}], [{"text": "Ja."}], [{}],
          [{"by": "ana-perez", "text": "Ja.", "wann": "heute"}], ["Ja."], [None], {"by": "ana-perez"}, []]
SOURCES = [[], [{"publisher": "Z", "title": "T", "date": "2025-12", "url": "https://z.org/a",
                 "archive_url": "http://web.archive.org/web/1/https://z.org/a"}],
           [{"publisher": "Z"}], [{"publisher": "Z", "title": "T", "url": "ftp://z.org"}],
           [{"publisher": "Z", "title": "T", "date": "2025-02-30"}], [{"publisher": "Z", "title": "T", "x": 1}],
           [{"publisher": "Z", "title": "T"}] * (MAX_ITEMS + 1), "Zeitung"]
CORRECTIONS = [[{"date": "2026-01-10", "text": "Ort ergänzt."}], [{"date": "2026-01-10"}],
               [{"date": "10.01.2026", "text": "x"}], [{"date": "2026-01-10", "text": ""}], [1]]
ROLES = [[{"title": "Präsidentin", "from": "2014-03-11", "to": "2018-03-11"}], [{"title": "X", "from": 2014}],
         [{"title": "X"}], [{"title": "X", "from": "2014", "until": "2015"}], [{"title": "X", "from": "2018",
                                                                                  "to": "2014"}], ["X"]]

TIMES = ["12:30", "00:00", "23:59", "morning", "midday", "afternoon", "evening", "night", "24:00", "12:60", "9:30",
         "12.30", "Abend", "", 750, None, True]
PARTICIPANTS = [[{"id": "ana-perez", "note": "möglicherweise"}], ["juan", {"id": "ana-perez", "note": "per Video"}],
                [{"id": "ana-perez"}], [{"note": "x"}], [{"id": "ana-perez", "note": ""}],
                [{"id": "ana-perez", "note": "x", "rolle": "y"}], [{"id": "Ana", "note": "x"}], [[1]]]
FIGURES = [[{"label": "Anteil", "value": "58,2 %", "source": 1}], [{"label": "Anteil", "value": "58,2 %"}],
           [{"label": "Anteil", "value": "58,2 %", "source": 0}], [{"label": "Anteil", "value": "58,2 %", "source": "1"}],
           [{"label": "Anteil", "value": 58.2, "source": 1}], [{"label": "", "value": "1", "source": 1}],
           [{"label": "A", "value": "1", "source": 1, "x": 2}], ["58,2 %"]]

EVENT_VARIANTS = [("time", v) for v in TIMES] + [("people", v) for v in PARTICIPANTS] + \
    [("mentioned", v) for v in ID_LISTS] + [("figures", v) for v in FIGURES] + [("title", v) for v in TEXT] + [("place", v) for v in TEXT] + \
    [("teaser", v) for v in TEXT] + \
    [("summary", v) for v in MARKDOWN] + [("date", v) for v in DATES] + [("end", v) for v in DATES] + \
    [("approximate", v) for v in BOOLS] + [("status", v) for v in STATUSES] + \
    [("countries", v) for v in COUNTRY_LISTS] + [("people", v) for v in ID_LISTS] + \
    [("topics", v) for v in ID_LISTS] + [("part_of", v) for v in IDS] + [("quotes", v) for v in QUOTES] + \
    [("sources", v) for v in SOURCES] + [("corrections", v) for v in CORRECTIONS] + \
    [("sources", [{"publisher": "Z", "title": "T", "url": v}]) for v in URLS] + \
    [("sources", [{"publisher": "Z", "title": "T", "date": v}]) for v in DATES] + \
    [("quotes", [{"by": v, "text": "Ja."}]) for v in IDS] + [("titel", "Treffen")] + \
    [(None, key) for key in EVENT_FIELDS]  # None: leave the field out
# `location`: a GeoNames id, coordinates in range with their country, or a country alone; wrong types, values out
# of range and coordinates without their companions are refused by both.
LOCATIONS = [{"geonames": 3871336}, {"latitude": -33.45, "longitude": -70.65, "country": "CL"}, {"country": "CL"},
             {"latitude": 90, "longitude": -180, "country": "CL", "name": "Pol"}, {"geonames": 0}, {"geonames": 3.5},
             {"geonames": "3871336"}, {"latitude": 91, "longitude": 0, "country": "CL"},
             {"latitude": 0, "longitude": 180.5, "country": "CL"}, {"latitude": "-33", "longitude": 0, "country": "CL"},
             {"latitude": -33.45}, {"latitude": -33.45, "longitude": -70.65}, {"longitude": -70.65},
             {"latitude": True, "longitude": 0, "country": "CL"}, {"country": "XX"}, {"ort": "Santiago"}, "Santiago"]
EVENT_VARIANTS += [("location", v) for v in LOCATIONS]
PERSON_VARIANTS = [("name", v) for v in TEXT] + [("sort_name", v) for v in TEXT] + \
    [("description", v) for v in TEXT] + [("aliases", v) for v in ALIASES] + \
    [("countries", v) for v in COUNTRY_LISTS] + [("roles", v) for v in ROLES] + \
    [("wikidata", v) for v in WIKIDATA] + [("geburtstag", "2000")] + [(None, key) for key in PERSON_FIELDS]
DOCUMENTS = [None, [], ["title"], "Treffen", 5, {}]


def _id(key: str | None, value: Any) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 40 else f"{shown[:30]}…({len(value)})"
    return f"ohne {value}" if key is None else f"{key}={shown}"


def _variant(base: dict[str, Any], key: str | None, value: Any) -> dict[str, Any]:
    data = dict(base)
    if key is None:
        data.pop(value, None)
    else:
        data[key] = value
    return data


def _verdicts(relative: str, spec, data: Any) -> tuple[list[str], list[str]]:
    """The checker's per-file problems and the schema's errors for the same data, written as YAML."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    document, read_problems = read_document(relative, text.encode())
    checker = [p.format() for p in read_problems]
    if document is not None:
        checker += [p.format() for p in validate_document(document, spec)[0]]
    loaded = load_for_schema(text.encode())
    assert loaded == data  # both sides see exactly the variant
    return checker, schema_errors(relative, loaded)


@pytest.mark.parametrize("key, value", EVENT_VARIANTS, ids=[_id(k, v) for k, v in EVENT_VARIANTS])
def test_schema_and_checker_agree_on_event_variants(key, value) -> None:
    checker, schema = _verdicts("events/x.yaml", EVENT_FIELDS, _variant(VALID_EVENT, key, value))
    assert bool(checker) == bool(schema), (checker, schema)


@pytest.mark.parametrize("key, value", PERSON_VARIANTS, ids=[_id(k, v) for k, v in PERSON_VARIANTS])
def test_schema_and_checker_agree_on_person_variants(key, value) -> None:
    checker, schema = _verdicts("people/x.yaml", PERSON_FIELDS, _variant(VALID_PERSON, key, value))
    assert bool(checker) == bool(schema), (checker, schema)


@pytest.mark.parametrize("data", DOCUMENTS, ids=repr)
def test_schema_and_checker_reject_files_that_are_not_a_mapping_of_fields(data) -> None:
    for relative, spec in (("events/x.yaml", EVENT_FIELDS), ("people/x.yaml", PERSON_FIELDS)):
        checker, schema = _verdicts(relative, spec, data)
        assert checker and schema


def test_the_variants_try_both_verdicts_for_every_field() -> None:
    for relative, spec, base, variants in (("events/x.yaml", EVENT_FIELDS, VALID_EVENT, EVENT_VARIANTS),
                                           ("people/x.yaml", PERSON_FIELDS, VALID_PERSON, PERSON_VARIANTS)):
        for key in spec:
            verdicts = {bool(_verdicts(relative, spec, _variant(base, k, v))[0])
                        for k, v in variants if k == key}
            assert verdicts == {True, False}, key


# The patterns work in an editor's regex engine ------------------------------------------------

def _patterns(schema: dict[str, Any]) -> set[str]:
    found = {schema["pattern"]} if "pattern" in schema else set()
    for value in schema.get("properties", {}).values():
        found |= _patterns(value)
    if isinstance(schema.get("items"), dict):
        found |= _patterns(schema["items"])
    return found


def test_the_patterns_mean_the_same_in_javascript() -> None:
    """Editors run the patterns as ECMA-262 regular expressions (with the `u` flag)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    patterns = sorted(set().union(*(_patterns(s) for s in chronik_schema.schemas().values())))
    samples = sorted({v for v in TEXT + MARKDOWN + DATES + IDS + URLS + WIKIDATA
                      if isinstance(v, str) and not v.endswith("\n")})  # `$` differs before a final newline
    script = ("const [patterns, samples] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(patterns.map(p => samples.map(s => new RegExp(p, 'u').test(s)))));")
    result = subprocess.run([node, "-e", script], input=json.dumps([patterns, samples]), capture_output=True,
                            text=True, timeout=60, check=True)
    in_javascript = json.loads(result.stdout)
    for pattern, verdicts in zip(patterns, in_javascript):
        assert verdicts == [re.search(pattern, s) is not None for s in samples], pattern


def test_the_url_pattern_is_the_checkers() -> None:
    from chronik.sources.validate import _URL
    pattern = re.compile(chronik_schema.ecma_pattern(_URL))
    for url in URLS + ["https://a.b/" + "x" * 50, "HtTp://a.b"]:
        if isinstance(url, str):
            assert bool(pattern.match(url)) == bool(_URL.match(url)), url
