"""The chronicle as plain, immutable values, built from validated file data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .dates import DAY, YEAR, PartialDate, latest


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    date: PartialDate | None = None
    url: str | None = None
    archive_url: str | None = None


@dataclass(frozen=True)
class Quote:
    by: str
    text: str


@dataclass(frozen=True)
class Correction:
    date: PartialDate
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    path: str  # relative to the project root, e.g. events/2025/2025-12-22-x.yaml
    title: str
    date: PartialDate
    summary: str
    countries: tuple[str, ...]
    sources: tuple[Source, ...]
    end: PartialDate | None = None
    approximate: bool = False
    status: str = "happened"
    place: str | None = None
    people: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    part_of: str | None = None
    quotes: tuple[Quote, ...] = ()
    corrections: tuple[Correction, ...] = ()
    line: int = 1

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Date order. A date known only to the month comes after that month's days, one known
        only to the year after its months; ties by id, so the order never depends on the disk."""
        first = self.date.first
        month = 13 if self.date.precision == YEAR else first.month
        return (first.year, month, self.date.precision != DAY, first.day, self.id)

    @property
    def is_open(self) -> bool:
        """Planned or possible, not yet confirmed by a source."""
        return self.status in ("planned", "tentative")

    @property
    def newest_source_date(self) -> PartialDate | None:
        return latest(s.date for s in self.sources if s.date is not None)


@dataclass(frozen=True)
class Role:
    title: str
    start: PartialDate
    end: PartialDate | None = None


@dataclass(frozen=True)
class Person:
    id: str
    path: str
    name: str
    description: str
    sort_name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class Licence:
    """Under which licence readers may reuse the chronicle's texts and data."""

    name: str
    url: str | None = None


@dataclass(frozen=True)
class Settings:
    """`extra.chronicle` in mkdocs.yml, and the site's public address (`site_url`)."""

    title: str
    country: str
    president_elect: str
    election: dt.date
    inauguration: dt.date
    topics: dict[str, str]
    licence: Licence | None = None
    site_url: str | None = None  # absolute, ends with "/"; feeds and calendars need it
    repository: str | None = None  # https://github.com/OWNER/NAME: edit links and docs links derive from it
    sourcing_note: str | None = None  # a docs page (and anchor) that explains sources without an address

    @property
    def edit_uri(self) -> str | None:
        """Where GitHub edits a file of the default branch; MkDocs appends the file's path."""
        return f"{self.repository}/edit/main/" if self.repository else None


@dataclass(frozen=True)
class Chronicle:
    settings: Settings
    events: tuple[Event, ...]  # in date order
    people: dict[str, Person] = field(default_factory=dict)
    today: dt.date = dt.date(1970, 1, 1)


def default_sort_name(name: str) -> str:
    """`Ana Pérez` -> `Pérez, Ana`."""
    words = name.split()
    return name if len(words) < 2 else f"{words[-1]}, {' '.join(words[:-1])}"


def event_from_data(event_id: str, path: str, data: dict[str, Any], line: int = 1) -> Event:
    """Build an Event from a checked record (dates already parsed by the checker)."""
    return Event(
        id=event_id,
        path=path,
        title=data["title"].strip(),
        date=data["date"],
        end=data.get("end"),
        approximate=bool(data.get("approximate", False)),
        status=data.get("status", "happened"),
        place=(data.get("place") or "").strip() or None,
        countries=tuple(data["countries"]),
        people=tuple(data.get("people") or ()),
        topics=tuple(data.get("topics") or ()),
        part_of=data.get("part_of") or None,
        summary=data["summary"].strip(),
        quotes=tuple(Quote(q["by"], q["text"].strip()) for q in data.get("quotes") or ()),
        sources=tuple(Source(
            publisher=s["publisher"].strip(), title=s["title"].strip(),
            date=s.get("date"),
            url=s.get("url"), archive_url=s.get("archive_url"),
        ) for s in data["sources"]),
        corrections=tuple(Correction(c["date"], c["text"].strip())
                          for c in data.get("corrections") or ()),
        line=line,
    )


def person_from_data(person_id: str, path: str, data: dict[str, Any]) -> Person:
    """Build a Person from a checked record (dates already parsed by the checker)."""
    name = data["name"].strip()
    return Person(
        id=person_id,
        path=path,
        name=name,
        description=data["description"].strip(),
        sort_name=(data.get("sort_name") or "").strip() or default_sort_name(name),
        aliases=tuple(a.strip() for a in data.get("aliases") or ()),
        countries=tuple(data.get("countries") or ()),
        roles=tuple(Role(r["title"].strip(), r["from"], r.get("to"))
                    for r in data.get("roles") or ()),
        wikidata=data.get("wikidata"),
    )
