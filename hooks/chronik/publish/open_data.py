"""Open data: every event, person, country and topic as JSON (with its JSON Schema) and as CSV.

The JSON keeps the data as contributors wrote it (the field names of the YAML files, dates in
their precision, Markdown as Markdown) plus each page's address and the revision fields that
feeds and calendars use. The CSV has one row per event; lists are joined with "; ". It is made
for spreadsheets set to German: UTF-8 with a byte order mark, semicolons between cells (the comma
is the German decimal mark), and a cell that starts like a formula (= + - @) gets a leading
apostrophe, so that opening the file never runs what a contributor wrote.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..chronicle import countries
from ..chronicle.dates import PartialDate
from ..chronicle.index import ChronicleIndex
from ..chronicle.model import Chronicle, Event, Person
from ..pages.published import (DATA_CSV, DATA_JSON, DATA_SCHEMA, SiteFile, country_path, event_path, file_url, page_url,
                        person_path, revised, revision, topic_path)

SCHEMA_FILE = Path(__file__).with_name("open_data.schema.json")  # published as daten/ereignisse.schema.json
LIST_SEPARATOR = "; "
CSV_DELIMITER = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as a formula (OWASP: CSV injection)
CSV_COLUMNS = ("id", "url", "title", "date", "end", "time", "approximate", "status", "place", "countries", "people",
               "mentioned", "topics", "part_of", "summary", "source_urls", "updated", "revision")


def build_open_data(index: ChronicleIndex) -> list[SiteFile]:
    chronicle = index.chronicle
    data = chronicle_data(index)
    return [
        SiteFile(DATA_JSON, _json_bytes(data, compact=True)),
        SiteFile(DATA_SCHEMA, _json_bytes(schema(chronicle))),
        SiteFile(DATA_CSV, events_csv(data["events"]).encode("utf-8-sig")),
    ]


def schema(chronicle: Chronicle) -> dict[str, Any]:
    loaded = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded | {"$id": file_url(chronicle.settings, DATA_SCHEMA)}


def chronicle_data(index: ChronicleIndex) -> dict[str, Any]:
    chronicle = index.chronicle
    settings = chronicle.settings
    with_events = set(index.by_topic)
    return {
        "$schema": file_url(settings, DATA_SCHEMA),
        "title": settings.title,
        "url": page_url(settings, "index.md"),
        "licence": {"name": settings.licence.name, "url": settings.licence.url} if settings.licence else None,
        "country": settings.country,
        "president_elect": settings.president_elect,
        "election": settings.election.isoformat(),
        "inauguration": settings.inauguration.isoformat(),
        "timezone": settings.timezone,
        "events": [_event(chronicle, event) for event in chronicle.events],
        "people": [_person(chronicle, chronicle.people[person_id]) for person_id in sorted(chronicle.people)],
        "countries": [{"code": code, "name": countries.german_name(code), "name_es": countries.spanish_name(code),
                       "url": page_url(settings, country_path(code))}
                      for code in sorted(index.country_codes)],
        "topics": [{"id": topic_id, "label": label,
                    "url": page_url(settings, topic_path(topic_id)) if topic_id in with_events else None}
                   for topic_id, label in sorted(settings.topics.items())],
    }


def events_csv(events: list[dict[str, Any]]) -> str:
    """One row per event (RFC 4180 with semicolons: double quotes, CRLF); lists joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = dict(event, source_urls=[s["url"] for s in event["sources"] if s["url"]])
        writer.writerow(_cell(row[column]) for column in CSV_COLUMNS)
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _event(chronicle: Chronicle, event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "url": page_url(chronicle.settings, event_path(event.id)),
        "title": event.title,
        "date": event.date.iso(),
        "end": _date(event.end),
        "time": event.time,
        "approximate": event.approximate,
        "status": event.status,
        "place": event.place,
        "countries": list(event.countries),
        "people": list(event.people),
        "people_notes": [{"id": pid, "note": note} for pid, note in event.notes],
        "mentioned": list(event.mentioned),
        "topics": list(event.topics),
        "part_of": event.part_of,
        "summary": event.summary,
        "teaser": event.teaser,
        "quotes": [{"by": q.by, "text": q.text, "original": q.original, "language": q.language, "source": q.source}
                   for q in event.quotes],
        "figures": [{"label": f.label, "value": f.value, "source": f.source} for f in event.figures],
        "sources": [{"publisher": s.publisher, "title": s.title, "date": _date(s.date), "url": s.url,
                     "archive_url": s.archive_url} for s in event.sources],
        "corrections": [{"date": c.date.iso(), "text": c.text} for c in event.corrections],
        "updated": revised(event).isoformat(),
        "revision": revision(event),
    }


def _person(chronicle: Chronicle, person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "url": page_url(chronicle.settings, person_path(person.id)),
        "name": person.name,
        "sort_name": person.sort_name,
        "aliases": list(person.aliases),
        "description": person.description,
        "countries": list(person.countries),
        "roles": [{"title": r.title, "from": r.start.iso(), "to": _date(r.end), "source": r.source}
                  for r in person.roles],
        "wikidata": person.wikidata,
    }


def _date(date: PartialDate | None) -> str | None:
    return date.iso() if date is not None else None


def _json_bytes(data: dict[str, Any], compact: bool = False) -> bytes:
    """The data compact (indenting added 13 % to 28 MB at 10,000 events; programs read it, and browsers
    and `jq` lay it out for people); the schema indented, for people reading it as text."""
    layout: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    return (json.dumps(data, ensure_ascii=False, **layout) + "\n").encode("utf-8")
