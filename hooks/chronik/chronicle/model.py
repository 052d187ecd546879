"""The chronicle as plain, immutable values, built from validated file data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from .dates import DAY, MONTH, PartialDate, latest
from .fields import participant
from .vocabulary import OPEN_STATUSES

# Where a part of the day falls when events of one day are ordered (not shown, never exported).
PART_OF_DAY_MINUTES = {"morning": 8 * 60, "midday": 12 * 60, "afternoon": 15 * 60, "evening": 19 * 60,
                       "night": 22 * 60}
_PRECISION_RANK = {"year": 0, MONTH: 1, DAY: 2}  # on the same first day, the wider date comes first


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
    text: str  # German, as the page shows it
    original: str | None = None  # the words as said, when `text` is the chronicle's translation
    language: str | None = None  # BCP 47 tag of `original`
    source: int | None = None  # position in the event's sources, counted from 1


@dataclass(frozen=True)
class Correction:
    date: PartialDate
    text: str


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    source: int  # position in the event's sources, counted from 1


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
    location: tuple[tuple[str, Any], ...] = ()  # the checked `location` object as sorted (key, value) pairs
    time: str | None = None  # "HH:MM" or a part of the day (fields.PARTS_OF_DAY)
    people: tuple[str, ...] = ()  # present: participants
    notes: tuple[tuple[str, str], ...] = ()  # (person id, note) for qualified participants
    mentioned: tuple[str, ...] = ()  # named or discussed, not present
    figures: tuple[Figure, ...] = ()
    topics: tuple[str, ...] = ()
    part_of: str | None = None
    quotes: tuple[Quote, ...] = ()
    corrections: tuple[Correction, ...] = ()
    line: int = 1
    teaser: str | None = None  # the editors' own line for lists; else the summary's first sentence

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Events sort by their start: a month-only date by its first day, before that day's events.
        Within a day, timed events by time, then untimed ones; ties by id, never by the disk.
        (`chronological` also puts an event before its parts.)"""
        if self.time is None:
            minutes, exact = 24 * 60, 0
        elif self.time in PART_OF_DAY_MINUTES:
            minutes, exact = PART_OF_DAY_MINUTES[self.time], 1
        else:
            minutes, exact = int(self.time[:2]) * 60 + int(self.time[3:]), 0
        return (self.date.first, _PRECISION_RANK[self.date.precision], minutes, exact, self.id)

    def note(self, person_id: str) -> str | None:
        """The qualifier beside a participant's name for this event ("möglicherweise"), if any."""
        return dict(self.notes).get(person_id)

    @property
    def is_open(self) -> bool:
        """Planned or possible, not yet confirmed by a source."""
        return self.status in OPEN_STATUSES

    @property
    def newest_source_date(self) -> PartialDate | None:
        return latest(s.date for s in self.sources if s.date is not None)


@dataclass(frozen=True)
class Role:
    title: str
    start: PartialDate
    end: PartialDate | None = None
    source: str | None = None  # an event id whose sources report the role, or an address


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
    timezone: str | None = None  # IANA name; times in the files are local times there (calendars need it)
    short_title: str | None = None  # the header's title on phones (the theme reads it from mkdocs.yml)
    footer: tuple[tuple[str, str], ...] = ()  # (label, docs page): links in every page's footer

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


def chronological(events: Iterable[Event]) -> tuple[Event, ...]:
    """The one order of events everywhere: by start (Event.sort_key), and an event that others are
    `part_of` before its parts, even where a part starts earlier (a vague trip, exact meetings)."""
    ordered = sorted(events, key=lambda e: e.sort_key)
    ids = {e.id for e in ordered}
    waiting: dict[str, list[Event]] = {}
    result: list[Event] = []
    placed: set[str] = set()

    def emit(event: Event) -> None:
        result.append(event)
        placed.add(event.id)
        for child in waiting.pop(event.id, []):
            emit(child)

    for event in ordered:
        parent = event.part_of
        if parent in ids and parent not in placed and parent != event.id:
            waiting.setdefault(parent, []).append(event)
        else:
            emit(event)
    for children in waiting.values():  # cycles are errors of the checker; never lose an event
        result.extend(children)
    return tuple(result)


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
        location=tuple(sorted((data.get("location") or {}).items())),
        countries=tuple(data["countries"]),
        time=data.get("time"),
        people=tuple(participant(entry)[0] for entry in data.get("people") or ()),
        notes=tuple((pid, note.strip()) for pid, note in map(participant, data.get("people") or ()) if note),
        mentioned=tuple(data.get("mentioned") or ()),
        figures=tuple(Figure(f["label"].strip(), f["value"].strip(), f["source"]) for f in data.get("figures") or ()),
        topics=tuple(data.get("topics") or ()),
        part_of=data.get("part_of") or None,
        summary=data["summary"].strip(),
        teaser=(data.get("teaser") or "").strip() or None,
        quotes=tuple(Quote(q["by"], q["text"].strip(), (q.get("original") or "").strip() or None,
                           q.get("language"), q.get("source")) for q in data.get("quotes") or ()),
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
        roles=tuple(Role(r["title"].strip(), r["from"], r.get("to"), r.get("source"))
                    for r in data.get("roles") or ()),
        wikidata=data.get("wikidata"),
    )
