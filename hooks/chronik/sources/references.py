"""Rules across files: references between events, people and topics; dates in order.

They run on every file, also on files with problems of their own, using only the
fields that passed the per-file rules: a contributor sees all problems at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..chronicle.dates import DAY, PartialDate, format_span, latest
from ..chronicle.fields import participant
from ..chronicle.model import Settings
from .problems import INFO, PAST_PLAN, Problem
from ..chronicle.vocabulary import is_past_plan
from .yaml_source import Document, Path


@dataclass(frozen=True)
class Checked:
    """One file after the per-file rules: the fields that passed, and those that did not."""

    document: Document | None  # None when the file could not be read at all
    good: dict[str, Any]
    bad: frozenset[str]


def check_references(settings: Settings, events: dict[str, Checked], people: dict[str, Checked],
                     today: dt.date) -> list[Problem]:
    """`events` and `people` hold every file with a readable mapping, valid or not."""
    problems: list[Problem] = []
    part_of = {event_id: checked.good["part_of"] for event_id, checked in events.items() if "part_of" in checked.good}
    for event_id in sorted(events):
        checked = events[event_id]
        good, document = checked.good, checked.document
        if document is None:
            continue

        def report(path: Path, message: str, hint: str, severity: str = "error", kind: str = "") -> None:
            problems.append(Problem(document.path, document.line(path), message, hint, severity, kind))

        start = good.get("date")  # checked records hold parsed dates (loading._with_dates)
        end = good.get("end")
        if start and end and end.last < start.first:
            report(("end",), f"`end` ({end.iso()}) liegt vor `date` ({start.iso()})",
                   "Vertausche die beiden Daten oder korrigiere eines.")
        present = _check_people(good, people, report)
        for index, topic_id in enumerate(good.get("topics", ())):
            if topic_id not in settings.topics:
                report(("topics", index), f"Unbekanntes Thema `{topic_id}`",
                       _unknown_hint(topic_id, settings.topics, "Ergänze es in mkdocs.yml unter "
                                     "extra.chronicle.topics"))
        if "quotes" in good and "people" not in checked.bad:
            for index, quote in enumerate(good["quotes"]):
                if quote["by"] not in present:
                    report(("quotes", index, "by"), f"`{quote['by']}` wird zitiert, steht aber nicht unter `people`",
                           f"Ergänze `{quote['by']}` in der Liste `people` dieses Ereignisses.")
        if "part_of" in good:
            parent = good["part_of"]
            if parent == event_id:
                report(("part_of",), "Ein Ereignis kann nicht Teil von sich selbst sein",
                       "Trage die Kennung des übergeordneten Ereignisses ein, z. B. der Reise.")
            elif parent not in events:
                report(("part_of",), f"Unbekanntes Ereignis `{parent}`",
                       _unknown_hint(parent, [e for e in events if e != event_id], "Prüfe die Kennung"))
            elif (cycle := _cycle(event_id, part_of)) is not None:
                report(("part_of",), f"`part_of` bildet einen Kreis: {' → '.join(cycle)}",
                       "Ein Ereignis darf nicht, auch nicht über andere, Teil von sich selbst sein.")
        if start and "status" not in checked.bad:
            _check_status(good, start, end, today, report)
        _check_time_and_figures(good, start, checked.bad, report)
    period = _period(settings, events)
    for person_id in sorted(people):
        checked = people[person_id]
        if checked.document is not None:
            problems.extend(_check_roles(checked, events, period))
    if settings.president_elect not in people:
        problems.append(Problem("mkdocs.yml", None, f"`extra.chronicle.president_elect`: unbekannte Person "
                                f"`{settings.president_elect}`", f"Lege people/{settings.president_elect}.yaml an."))
    return problems


def _period(settings: Settings, events: dict[str, Checked]) -> tuple[dt.date, dt.date]:
    """The days the chronicle tells: from the election to the inauguration, or to its last event after it."""
    last = settings.inauguration
    for checked in events.values():
        start, end = checked.good.get("date"), checked.good.get("end")
        if start is not None:
            last = max(last, (end or start).last)
    return settings.election, last


def _check_roles(checked: Checked, events: dict[str, Checked], period: tuple[dt.date, dt.date]) -> list[Problem]:
    """Dates in order; a `source` names a known event; a role that begins or ends while the chronicle
    runs says where that comes from (a notice: old files may lack it)."""
    document = checked.document
    assert document is not None
    problems = []
    # Only roles that passed the per-file rules are here (a bad `roles` is left out whole): each has a
    # title and a parsed `from`, and a `source` is an event id or an address.
    for index, role in enumerate(checked.good.get("roles", ())):

        def report(key: str, message: str, hint: str, severity: str = "error") -> None:
            problems.append(Problem(document.path, document.line(("roles", index, key)), message, hint, severity))

        start, end = role["from"], role.get("to")
        if end is not None and end.last < start.first:
            report("to", f"`roles[{index}].to` liegt vor `roles[{index}].from`",
                   "Vertausche die beiden Daten oder korrigiere eines.")
        source = role.get("source")
        if source is not None and "://" not in source and source not in events:
            report("source", f"Unbekanntes Ereignis `{source}` in `roles[{index}].source`",
                   _unknown_hint(source, events, "Trage die Kennung eines Ereignisses ein, dessen Quellen das Amt "
                                 "nennen (Dateiname in events/ ohne .yaml), oder die Adresse einer Quelle"))
        changes_inside = any(period[0] <= day <= period[1] for day in (start.first, end.last if end else None)
                             if day is not None)
        if changes_inside and source is None:
            report("title", f"Das Amt „{role['title']}“ beginnt oder endet in der Zeit der Chronik, "
                   "nennt aber keinen Beleg", "Ergänze `source:` mit der Kennung des Ereignisses, dessen Quellen "
                   "das Amt nennen, oder mit der Adresse einer Quelle.", INFO)
    return problems


def _check_status(good: dict[str, Any], start: PartialDate, end: PartialDate | None, today: dt.date,
                  report: Callable[..., None]) -> None:
    """Plans whose day has passed are listed for the maintainers; facts cannot lie in the future."""
    status = good.get("status", "happened")
    where = ("status",) if "status" in good else ("date",)
    if is_past_plan(status, start, end, today):
        newest = _newest_source_date(good)
        since = f" (neueste Quelle vom {format_span(newest, None)})" if newest else ""
        report(where, f"Status `{status}`, aber das Datum ist vorbei{since}",
               "Gibt es eine neuere Quelle, trage den Status happened, postponed oder cancelled ein.", INFO, PAST_PLAN)
    elif status == "happened" and start.first > today:
        report(where, f"Das Ereignis liegt in der Zukunft ({start.iso()}), hat aber den Status `happened`",
               "Trage `status: planned` oder `status: tentative` ein.")


def _check_people(good: dict[str, Any], people: dict[str, Checked], report: Callable[..., None]) -> list[str]:
    """Participants and mentioned people exist, each once; returns the participants' ids."""
    present: list[str] = []
    for index, entry in enumerate(good.get("people", ())):
        person_id, _ = participant(entry)
        where = ("people", index, "id") if isinstance(entry, dict) else ("people", index)
        if person_id in present:
            report(where, f"`{person_id}` steht doppelt in `people`", "Lösche den doppelten Eintrag.")
        elif person_id not in people:
            report(where, f"Unbekannte Person `{person_id}`",
                   _unknown_hint(person_id, people, f"Lege people/{person_id}.yaml an"))
        present.append(person_id)
    for index, person_id in enumerate(good.get("mentioned", ())):
        if person_id in present:
            report(("mentioned", index), f"`{person_id}` steht unter `people` und unter `mentioned`",
                   "Wer dabei war, gehört nur unter `people`; wer nur erwähnt wird, nur unter `mentioned`.")
        elif person_id not in people:
            report(("mentioned", index), f"Unbekannte Person `{person_id}`",
                   _unknown_hint(person_id, people, f"Lege people/{person_id}.yaml an"))
    return present


def _check_time_and_figures(good: dict[str, Any], start: PartialDate | None, bad: frozenset[str],
                            report: Callable[..., None]) -> None:
    """A time needs a day; every figure names a source of this file: a value no source gives must not appear."""
    if start and start.precision != DAY and "time" in good:
        report(("time",), f"`time` braucht ein Datum mit Tag, `date` ist aber {start.iso()}",
               "Lösche `time` oder gib den Tag an, wenn die Quelle ihn nennt.")
    if "sources" in bad:
        return
    count = len(good.get("sources", ()))
    for key, what in (("figures", "diesen Wert"), ("quotes", "dieses Zitat")):
        for index, entry in enumerate(good.get(key, ())):
            number = entry.get("source")
            if number is not None and number > count:
                report((key, index, "source"), f"`{key}[{index}].source` ist {number}, "
                       f"die Datei hat aber nur {count} Quelle{'n' if count != 1 else ''}",
                       f"Zähle die Einträge unter `sources` von 1 an, oder ergänze die Quelle, die {what} nennt.")


def _newest_source_date(good: dict[str, Any]) -> PartialDate | None:
    return latest(source["date"] for source in good.get("sources", ()) if "date" in source)


def _unknown_hint(wanted: str, known: Iterable[str], otherwise: str) -> str:
    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.6)
    return f"Meintest du `{close[0]}`?" if close else otherwise + "."


def _cycle(start: str, part_of: dict[str, str]) -> list[str] | None:
    """The chain start -> ... -> start, if following part_of from `start` comes back to it."""
    chain = [start]
    current = start
    while current in part_of:
        current = part_of[current]
        chain.append(current)
        if current == start:
            return chain
        if current in chain[:-1]:
            return None  # a cycle further up, reported on its own members
    return None
