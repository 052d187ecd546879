"""JSON Schemas (draft 2020-12) of event and person files, generated from `fields`.

Editors find them through the first line of every data file, e.g. in `events/`:

    # yaml-language-server: $schema=../schema/event.schema.json

and then complete field names, show the German help and mark mistakes while one types.
The checker stays the authority; the schema says the same about a file's own form as far
as JSON Schema can. What it cannot say (references to other files, `end` before `date`,
YAML 1.1 readings such as `NO`, Markdown judged on its rendered HTML, file size) is listed
in EXCLUDED in tests/tools/test_schema.py, which proves that the two agree on everything else.

Only keywords that mean the same in draft-07 and 2020-12 are used (no `$ref`, `$defs`,
`prefixItems`, `unevaluated*`): the YAML extension of VS Code validates with a draft-07
engine whatever `$schema` says. `patternErrorMessage` and `enumDescriptions` are that
extension's own annotations; validators ignore them.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

from ..chronicle import countries
from ..chronicle.fields import (EVENT_FIELDS, ID_PATTERN, LANGUAGE_PATTERN, MAX_ITEMS, MAX_MARKDOWN, MAX_TEXT, PARTS_OF_DAY,
                     PERSON_FIELDS, STATUSES, TIME_PATTERN, URL_PATTERN, WIKIDATA_PATTERN, Field)
from ..chronicle.model import Event
from ..chronicle.vocabulary import STATUS_LABELS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schema"
EVENT_SCHEMA = "event.schema.json"
PERSON_SCHEMA = "person.schema.json"
# Which schema belongs to the files of which data folder.
SCHEMA_OF_FOLDER = {"events": EVENT_SCHEMA, "people": PERSON_SCHEMA}

# The years `dates.parse_partial_date` accepts.
MIN_YEAR, MAX_YEAR = 1800, 2200

_LEAP_YEAR = r"(?:(?:18|19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)"
_YEAR = r"(?:1[89][0-9]{2}|2[01][0-9]{2}|2200)"
_MONTH = r"(?:0[1-9]|1[0-2])"
# JJJJ, JJJJ-MM or JJJJ-MM-TT with a day that exists (30 February does not); the checker
# strips surrounding spaces, so the schema allows them too.
DATE_PATTERN = (
    r"^\s*(?:"
    rf"{_YEAR}(?:-{_MONTH})?"
    rf"|{_YEAR}-(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    rf"|{_YEAR}-(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    rf"|{_YEAR}-02-(?:0[1-9]|1[0-9]|2[0-8])"
    rf"|{_LEAP_YEAR}-02-29"
    r")\s*$"
)
# One line of plain text: something that is not a space, no line break inside, no < or >.
ONE_LINE_PATTERN = r"^\s*[^\s<>](?:[^\n<>]*[^\s<>])?\s*$"
NOT_BLANK_PATTERN = r"\S"

_KIND_HELP = {
    "country": "Ländercode nach ISO 3166-1, zwei Großbuchstaben, z. B. AR",
    "person": "Kennung einer Person: Dateiname in people/ ohne .yaml",
    "topic": "Kennung eines Themas aus der Themenliste",
    "text": "Eine Zeile Text",
}
_PATTERN_MESSAGES = {
    "date": "Ein Datum der Form JJJJ-MM-TT, JJJJ-MM oder JJJJ, das es gibt (Jahr 1800–2200).",
    "text": f"Eine Zeile Text, nicht leer, ohne < und >, höchstens {MAX_TEXT} Zeichen.",
    "markdown": "Der Text ist leer.",
    "id": "Eine Kennung: Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. ana-perez.",
    "url": "Eine vollständige Adresse, beginnend mit https:// oder http://.",
    "wikidata": "Eine Wikidata-Kennung: Q gefolgt von Ziffern, z. B. Q320.",
    "time": "Eine Uhrzeit \"HH:MM\" (24 Stunden, in Anführungszeichen) oder morning, midday, afternoon, evening, "
            "night.",
    "language": "Ein Sprachcode nach BCP 47, z. B. es, en, pt oder es-CL.",
    "reference": "Die Kennung eines Ereignisses (z. B. 2026-03-11-amtsuebernahme) oder eine Adresse mit https://.",
}
# Lists whose entries must not repeat (the checker names a doubled `AR`); free texts may.
_UNIQUE_ITEM_KINDS = frozenset({"country", "person", "topic", "participant"})


def event_schema() -> dict[str, Any]:
    return _document_schema("Ereignis der Chronik", "Eine Datei in events/; der Dateiname ist die Kennung. "
                            "Format: docs/mitmachen.md", EVENT_FIELDS, _defaults(Event))


def person_schema() -> dict[str, Any]:
    return _document_schema("Person der Chronik", "Eine Datei in people/; der Dateiname ist die Kennung. "
                            "Format: docs/mitmachen.md", PERSON_FIELDS, {})


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by its file name in schema/."""
    return {EVENT_SCHEMA: event_schema(), PERSON_SCHEMA: person_schema()}


def render(schema: dict[str, Any]) -> str:
    """The committed form: stable key order as generated, two-space indent, UTF-8."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write schema/*.schema.json below `root`; return the files that changed."""
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    changed = []
    for name, schema in schemas().items():
        path = folder / name
        text = render(schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def schema_line(relative_path: str) -> str:
    """The editor hint for a data file, e.g. `events/2026/x.yaml` ->
    `# yaml-language-server: $schema=../../schema/event.schema.json`."""
    path = PurePosixPath(relative_path)
    schema = SCHEMA_OF_FOLDER[path.parts[0]]
    up = "../" * (len(path.parts) - 1)
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{schema}"


def _document_schema(title: str, description: str, spec: dict[str, Field],
                     defaults: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$comment": "Erzeugt aus chronik/chronicle/fields.py mit `chronik schema`; nicht von Hand ändern.",
        "title": title,
        "description": description,
    }
    schema.update(_object_schema(spec))
    for key, value in defaults.items():
        if key in schema["properties"]:
            schema["properties"][key]["default"] = value
    return schema


def _object_schema(spec: dict[str, Field], needs: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {key: _field_schema(field) for key, field in spec.items()},
        "additionalProperties": False,
    }
    required = [key for key, field in spec.items() if field.required]
    if required:
        schema["required"] = required
    # `if`/`then` rather than `dependentRequired`, which draft-07 engines (VS Code's) do not know.
    conditions = [{"if": {"required": [key]}, "then": {"required": list(others)}}
                  for key, others in (needs or {}).items()]
    if len(conditions) == 1:
        schema.update(conditions[0])
    elif conditions:
        schema["allOf"] = conditions
    return schema


def _field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {}
    help_text = field.help or _KIND_HELP.get(field.kind)
    if help_text:
        schema["description"] = help_text
    kind = field.kind
    if kind == "list":
        assert field.item is not None
        schema.update(type="array", items=_field_schema(field.item), maxItems=MAX_ITEMS)
        if field.min_items:
            schema["minItems"] = field.min_items
        if field.item.kind in _UNIQUE_ITEM_KINDS:
            schema["uniqueItems"] = True
    elif kind == "object":
        schema.update(_object_schema(field.fields, field.needs))
    elif kind == "text":
        schema.update(type="string", minLength=1, maxLength=MAX_TEXT, pattern=ONE_LINE_PATTERN,
                      patternErrorMessage=_PATTERN_MESSAGES["text"])
    elif kind == "markdown":
        schema.update(type="string", minLength=1, maxLength=MAX_MARKDOWN, pattern=NOT_BLANK_PATTERN,
                      patternErrorMessage=_PATTERN_MESSAGES["markdown"])
    elif kind == "date":
        # `date: 2026` is a number in YAML; pattern applies to strings only, the bounds to numbers only.
        schema.update(type=["string", "integer"], pattern=DATE_PATTERN, minimum=MIN_YEAR, maximum=MAX_YEAR,
                      patternErrorMessage=_PATTERN_MESSAGES["date"], examples=["2025-12-22", "2026-01", 2026])
    elif kind in _CHOICE_KINDS:
        schema.update(_choice_schema(kind))
    elif kind == "source":
        schema.update(type="integer", minimum=1)
    elif kind in ("latitude", "longitude"):
        limit = 90 if kind == "latitude" else 180
        schema.update(type="number", minimum=-limit, maximum=limit)
    elif kind == "geonames":
        schema.update(type="integer", minimum=1)
    elif kind == "participant":
        schema["anyOf"] = [{"type": "string", "pattern": ID_PATTERN, "patternErrorMessage": _PATTERN_MESSAGES["id"]},
                           _object_schema(field.fields)]
    elif kind in ("person", "topic", "event"):
        schema.update(type="string", pattern=ID_PATTERN, patternErrorMessage=_PATTERN_MESSAGES["id"])
    elif kind == "url":
        # compiled as validate.py compiles it
        schema.update(type="string", pattern=ecma_pattern(re.compile(URL_PATTERN, re.IGNORECASE)),
                      patternErrorMessage=_PATTERN_MESSAGES["url"])
    elif kind == "language":
        schema.update(type="string", pattern=LANGUAGE_PATTERN, patternErrorMessage=_PATTERN_MESSAGES["language"],
                      examples=["es", "en", "pt", "es-CL"])
    elif kind == "reference":
        schema["anyOf"] = [
            {"type": "string", "pattern": ID_PATTERN, "patternErrorMessage": _PATTERN_MESSAGES["reference"]},
            {"type": "string", "pattern": ecma_pattern(re.compile(URL_PATTERN, re.IGNORECASE)),
             "patternErrorMessage": _PATTERN_MESSAGES["reference"]}]
    elif kind == "wikidata":
        schema.update(type="string", pattern=ecma_pattern(re.compile(WIKIDATA_PATTERN)),
                      patternErrorMessage=_PATTERN_MESSAGES["wikidata"])
    else:  # pragma: no cover - a new kind in fields.py needs a rule here
        raise ValueError(f"no schema for field kind {kind!r}")
    return schema


# Kinds whose values come from a fixed set or a fixed shape: a boolean, a status, a country, a time.
_CHOICE_KINDS = frozenset({"bool", "status", "country", "time"})


def _choice_schema(kind: str) -> dict[str, Any]:
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "status":
        return {"type": "string", "enum": list(STATUSES),
                "enumDescriptions": [STATUS_LABELS[status] for status in STATUSES]}
    if kind == "country":
        codes = country_codes()
        return {"type": "string", "enum": codes, "enumDescriptions": [countries.german_name(code) for code in codes]}
    words = "|".join(PARTS_OF_DAY)  # time
    return {"type": "string", "pattern": f"^(?:{TIME_PATTERN[1:-1]}|{words})$",
            "patternErrorMessage": _PATTERN_MESSAGES["time"], "examples": ["12:30", *PARTS_OF_DAY]}


def country_codes() -> list[str]:
    """Every code the checker accepts, in alphabetical order."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [a + b for a in letters for b in letters if countries.is_country_code(a + b)]


def _defaults(model: type) -> dict[str, Any]:
    """What a missing optional field means, where that is a plain value (`status` -> happened)."""
    return {f.name: f.default for f in dataclasses.fields(model)
            if isinstance(f.default, (bool, str))}


# Characters that keep their backslash in an ECMA-262 pattern with the `u` flag.
_ECMA_ESCAPES = set("^$\\.*+?()[]{}|/-") | set("dDsSwWbBnrtfv0123456789")


def ecma_pattern(pattern: re.Pattern[str]) -> str:
    """A Python regex as ECMA-262 source that editors can compile, also with the `u` flag:
    case-insensitivity spelled out as [hH], and no escapes that `u` forbids (such as \\")."""
    source = pattern.pattern
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            escaped = source[index + 1]
            out.append("\\" + escaped if escaped in _ECMA_ESCAPES else escaped)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif ignore_case and not in_class and char.isascii() and char.isalpha():
            char = f"[{char.lower()}{char.upper()}]"
        out.append(char)
        index += 1
    return "".join(out)
