"""Rules across files: references between events, people and topics; dates in order."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Iterable

from .dates import format_day
from .model import Event, Person, Settings
from .problems import INFO, Problem
from .yaml_source import Document, Path


def check_references(settings: Settings, events: dict[str, tuple[Event, Document]],
                     people: dict[str, tuple[Person, Document]], today: dt.date,
                     event_ids: set[str], person_ids: set[str]) -> list[Problem]:
    """Problems between files. `event_ids` and `person_ids` include files that have
    problems of their own, so a broken person file is not also reported as unknown."""
    problems: list[Problem] = []
    for event_id in sorted(events):
        event, document = events[event_id]

        def report(path: Path, message: str, hint: str, severity: str = "error") -> None:
            problems.append(Problem(document.path, document.line(path), message, hint, severity))

        if event.end is not None and event.end.last < event.date.first:
            report(("end",), f"`end` ({event.end.iso()}) liegt vor `date` ({event.date.iso()})",
                   "Vertausche die beiden Daten oder korrigiere eines.")
        for index, person_id in enumerate(event.people):
            if person_id not in person_ids:
                report(("people", index), f"Unbekannte Person `{person_id}`",
                       _unknown_hint(person_id, person_ids, f"Lege people/{person_id}.yaml an"))
        for index, topic_id in enumerate(event.topics):
            if topic_id not in settings.topics:
                report(("topics", index), f"Unbekanntes Thema `{topic_id}`",
                       _unknown_hint(topic_id, settings.topics, "Ergänze es in mkdocs.yml unter "
                                     "extra.chronicle.topics"))
        for index, quote in enumerate(event.quotes):
            if quote.by not in event.people:
                report(("quotes", index, "by"), f"`{quote.by}` wird zitiert, steht aber nicht unter `people`",
                       f"Ergänze `{quote.by}` in der Liste `people` dieses Ereignisses.")
        if event.part_of is not None:
            if event.part_of == event.id:
                report(("part_of",), "Ein Ereignis kann nicht Teil von sich selbst sein",
                       "Trage die Kennung des übergeordneten Ereignisses ein, z. B. der Reise.")
            elif event.part_of not in event_ids:
                report(("part_of",), f"Unbekanntes Ereignis `{event.part_of}`",
                       _unknown_hint(event.part_of, event_ids, "Prüfe die Kennung"))
            elif _in_cycle(event, events):
                report(("part_of",), f"`part_of` bildet einen Kreis: {_cycle_text(event, events)}",
                       "Ein Ereignis darf nicht (auch nicht über andere) Teil von sich selbst sein.")
        if event.is_open and (event.end or event.date).last < today:
            newest = event.newest_source_date
            since = f" (neueste Quelle vom {format_day(newest.last) if newest.precision == 'day' else newest.iso()})" \
                if newest else ""
            report(("status",) if ("status",) in document.lines else ("date",),
                   f"Status `{event.status}`, aber das Datum ist vorbei{since}",
                   "Gibt es eine neuere Quelle, trage den Status happened, postponed oder cancelled ein.", INFO)
    for person_id in sorted(people):
        person, document = people[person_id]
        for index, role in enumerate(person.roles):
            if role.end is not None and role.end.last < role.start.first:
                problems.append(Problem(document.path, document.line(("roles", index, "to")),
                                        f"`roles[{index}].to` liegt vor `roles[{index}].from`",
                                        "Vertausche die beiden Daten oder korrigiere eines."))
    if settings.president_elect not in person_ids:
        problems.append(Problem("mkdocs.yml", None, f"`extra.chronicle.president_elect`: unbekannte Person "
                                f"`{settings.president_elect}`", f"Lege people/{settings.president_elect}.yaml an."))
    return problems


def _unknown_hint(wanted: str, known: Iterable[str], otherwise: str) -> str:
    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.6)
    return f"Meintest du `{close[0]}`?" if close else otherwise + "."


def _chain(event: Event, events: dict[str, tuple[Event, Document]]) -> list[str]:
    """Follow part_of from `event` until it ends or repeats."""
    chain = [event.id]
    current = event
    while current.part_of is not None and current.part_of in events:
        if current.part_of in chain:
            chain.append(current.part_of)
            break
        current = events[current.part_of][0]
        chain.append(current.id)
    return chain


def _in_cycle(event: Event, events: dict[str, tuple[Event, Document]]) -> bool:
    chain = _chain(event, events)
    return chain[-1] == event.id and len(chain) > 1


def _cycle_text(event: Event, events: dict[str, tuple[Event, Document]]) -> str:
    return " → ".join(_chain(event, events))
