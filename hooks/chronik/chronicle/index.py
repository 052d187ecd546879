"""The middle of the pipeline: every derived lookup over a chronicle, computed once per build.

files -> documents -> checked records -> Chronicle -> ChronicleIndex -> pages and site files.
Pages, fragments, feeds, calendars and open data read their groupings, orders and labels from
here instead of recomputing them; nothing here knows about pages or file formats.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable

from . import countries
from .dates import DAY, YEAR, PartialDate, days_after_election, format_span, format_weekday_span, latest
from .model import Chronicle, Event, Person, Settings
from .roles import role_on
from .teasers import shorten, teaser
from .text import fold, sort_key
from .vocabulary import STATUS_LABELS, is_past_plan, is_stale, stale_label, time_text

UNSCHEDULED_DAYS = 31  # a range longer than this has no month of its own: "Ohne festen Termin"


@dataclass
class ChronicleIndex:
    chronicle: Chronicle
    by_id: dict[str, Event] = field(default_factory=dict)
    children: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_person: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_country: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_topic: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    mentioned_in: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for event in self.events:  # already in date order, so every list below is too
            self.by_id[event.id] = event
            if event.part_of:
                self.children[event.part_of].append(event)
            for person_id in event.people:
                self.by_person[person_id].append(event)
            for code in event.countries:
                self.by_country[code].append(event)
            for topic_id in event.topics:
                self.by_topic[topic_id].append(event)
            for person_id in event.mentioned:
                self.mentioned_in[person_id].append(event)

    @property
    def settings(self) -> Settings:
        return self.chronicle.settings

    @property
    def events(self) -> tuple[Event, ...]:
        return self.chronicle.events

    @property
    def people(self) -> dict[str, Person]:
        return self.chronicle.people

    @property
    def today(self) -> dt.date:
        return self.chronicle.today

    @cached_property
    def country_codes(self) -> list[str]:
        """Every country with a page: those of the events and of the people, by German name."""
        codes = set(self.by_country)
        codes.update(code for person in self.people.values() for code in person.countries)
        return sorted(codes, key=lambda code: sort_key(countries.german_name(code)))

    @cached_property
    def topic_ids(self) -> list[str]:
        """Topics that have events, in the order of the settings."""
        return [topic_id for topic_id in self.settings.topics if topic_id in self.by_topic]

    @cached_property
    def past_plans(self) -> frozenset[str]:
        """Ids of plans whose date has passed without a newer source (vocabulary.is_past_plan)."""
        return frozenset(e.id for e in self.events if is_past_plan(e.status, e.date, e.end, self.today))

    def is_past_plan(self, event: Event) -> bool:
        return event.id in self.past_plans

    @cached_property
    def stale(self) -> frozenset[str]:
        """Ids of plans shown with their age (vocabulary.is_stale): open or postponed, date passed."""
        return frozenset(e.id for e in self.events if is_stale(e.status, e.date, e.end, self.today))

    def stale_label(self, event: Event) -> str | None:
        """`geplant, Stand 22. Dezember 2025` for a stale plan, else None."""
        return stale_label(event.status, event.newest_source_date) if event.id in self.stale else None

    def time_text(self, event: Event) -> str | None:
        return time_text(event.time)

    def role(self, person_id: str, event: Event) -> str:
        """The role the person held on the event's (first) day."""
        return role_on(self.people[person_id], event.date.first)

    def is_unscheduled(self, event: Event) -> bool:
        """Only a year, or a range over more than a month: listed under "Ohne festen Termin"."""
        if event.date.precision == YEAR or (event.end is not None and event.end.precision == YEAR):
            return True
        return event.end is not None and (event.end.last - event.date.first).days > UNSCHEDULED_DAYS

    @cached_property
    def latest(self) -> list[Event]:
        """Happened events, newest first, in the one order of events reversed (vague dates by their start)."""
        return [e for e in reversed(self.events) if e.status == "happened" and e.date.first <= self.today]

    @cached_property
    def upcoming(self) -> list[Event]:
        """Open plans whose date has not passed, in date order."""
        return [e for e in self.events if e.is_open and not self.is_past_plan(e)]

    @cached_property
    def overdue(self) -> list[Event]:
        return [e for e in self.events if self.is_past_plan(e)]

    # Per event on first use (not all at once): the build plans on one core and renders on the other,
    # and the plan (the start page's lists) needs only a few.
    @cached_property
    def _per_event(self) -> dict[tuple[str, str], str]:
        return {}

    def _once(self, kind: str, event: Event, compute: Callable[[Event], str]) -> str:
        text = self._per_event.get((kind, event.id))
        if text is None:
            text = self._per_event[kind, event.id] = compute(event)
        return text

    def date_text(self, event: Event) -> str:
        """`22. Dezember 2025`, `etwa Januar 2026`: formatted once per event and build."""
        return self._once("date", event, lambda e: format_span(e.date, e.end, e.approximate))

    def short_date_text(self, event: Event, year: bool = True) -> str:
        """A list's date column: `Mo., 22. Dez. 2025`; without `year` under a month heading."""
        return self._once(f"short-{year}", event, lambda e: format_weekday_span(e.date, e.end, e.approximate, year))

    def teaser(self, event: Event) -> str:
        """The editors' `teaser`, else the first sentence of the summary as plain text: timeline, start page,
        meta description."""
        return self._once("teaser", event, lambda e: shorten(e.teaser) if e.teaser else teaser(e.summary))

    @cached_property
    def _descriptions(self) -> dict[str, str]:
        first = {e.id: self._once("first", e, lambda e: teaser(e.summary)) for e in self.events}
        shared = Counter(first.values())
        return {e.id: f"{e.title}: {first[e.id]}" if shared[first[e.id]] > 1 else first[e.id] for e in self.events}

    def description(self, event: Event) -> str:
        """The page's meta description: the summary's first sentence, led by the title where events share it.
        Not the editors' `teaser`: that one leans on the title and date beside it in a list, a search
        result shows the description alone."""
        return self._descriptions[event.id]

    @cached_property
    def as_of(self) -> PartialDate | None:
        """The chronicle's "Stand": the date of its newest source."""
        return latest(e.newest_source_date for e in self.events if e.newest_source_date)

    def days_after_election(self, event: Event) -> str | None:
        """`8 Tage nach der Wahl`; only for exact days from the election on."""
        if event.date.precision != "day" or event.approximate or event.date.first < self.settings.election:
            return None
        return days_after_election(self.settings.election, event.date.first)

    def status_label(self, event: Event) -> str:
        return STATUS_LABELS[event.status]

    def companions(self, person_id: str) -> list[tuple[str, int]]:
        """Who was present with a person at events that happened (not in plans, not only mentioned), most
        shared first, then by sort name."""
        counts = Counter(pid for event in self.by_person[person_id] if event.status == "happened"
                         for pid in event.people if pid != person_id)
        return sorted(counts.items(), key=lambda item: (-item[1], self.person_sort_key(item[0])))

    def took_part(self, person_id: str) -> list[Event]:
        """What the person did: events they were present at that happened, in listing order."""
        return listing_order(e for e in self.by_person[person_id] if e.status == "happened")

    def plans_with(self, person_id: str) -> list[Event]:
        """Plans naming the person as a participant, and what was postponed or called off, in listing order."""
        return listing_order(e for e in self.by_person[person_id] if e.status != "happened")

    def mentions(self, person_id: str) -> list[Event]:
        """Events that name the person without them being present, in listing order."""
        return listing_order(self.mentioned_in[person_id])

    def person_sort_key(self, person_id: str) -> tuple[str, str]:
        return sort_key(self.people[person_id].sort_name)

    @cached_property
    def people_by_letter(self) -> dict[str, list[Person]]:
        """People by the first letter of their sort name (A–Z without accents; "#" for the rest)."""
        letters: dict[str, list[Person]] = defaultdict(list)
        for person in sorted(self.people.values(), key=lambda p: sort_key(p.sort_name)):
            letter = fold(person.sort_name)[:1].upper()
            letters[letter if letter.isalpha() else "#"].append(person)
        return {letter: letters[letter] for letter in sorted(letters)}

def listing_order(events: Iterable[Event]) -> list[Event]:
    """Events in date order, where a date known only to the month follows the exact days of that month and
    one known only to the year follows its months: a reader scanning a person's list meets "Januar 2026"
    after the days of January, not before the election. Otherwise the one order of events."""
    ordered = list(events)  # already in the one order (Chronicle.events); the sort is stable
    return sorted(ordered, key=lambda e: (e.date.first.year, 13 if e.date.precision == YEAR else e.date.first.month,
                                          e.date.precision != DAY))


def index_chronicle(chronicle: Chronicle) -> ChronicleIndex:
    """The one index of a build."""
    return ChronicleIndex(chronicle)
