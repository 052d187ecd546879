"""Possible duplicates: a plan that came true, added as a second file next to the plan.

Two events are reported (a notice naming both files and the fix) when all of these hold:
- their dates overlap at month precision (2026-01 and 2026-01-12 do; exact days must be the same
  or overlapping ranges: distinct meetings on different days are never duplicates);
- they share a country other than the chronicle's own (every event of a chronicle is likely in its own country)
  – or both are in the chronicle's country only – and they share a person;
- their titles are similar: at least TITLE_SIMILARITY of the shorter title's words agree by their
  first STEM letters, after dropping short words ("nach", "in") – "Kast plant Reise nach Peru" and
  "Kast reist nach Peru" share kast, reis, peru;
- neither is part of the other (`part_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections import defaultdict
from itertools import combinations, product
from typing import Any

from ..chronicle.dates import DAY, PartialDate
from ..chronicle.fields import participant
from .problems import INFO, Problem
from ..chronicle.text import fold

STEM = 4
MIN_WORD = 3
TITLE_SIMILARITY = 0.75
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class _Candidate:
    event_id: str
    path: str
    line: int
    first: PartialDate
    last: PartialDate
    countries: frozenset[str]
    people: frozenset[str]
    stems: frozenset[str]
    part_of: str | None


def possible_duplicates(events: dict[str, Any], home_country: str) -> list[Problem]:
    """`events`: id -> references.Checked. Notices for every pair that looks like one event twice."""
    candidates = [c for event_id in sorted(events) if (c := _candidate(event_id, events[event_id])) is not None]
    problems = []
    for a, b in _pairs_to_compare(candidates, home_country):
        if _alike(a, b, home_country):
            for one, other in ((a, b), (b, a)):
                problems.append(Problem(
                    one.path, one.line, f"Möglicher Doppeleintrag: `{other.path}` beschreibt vielleicht dasselbe "
                    "Ereignis (gleiche Zeit, gleiches Land, gleiche Person, ähnlicher Titel)",
                    "Fand ein Plan statt, ändere die Datei des Plans (Status, neue Quelle, Korrektur) und lösche "
                    "die andere; sind es zwei Ereignisse, lass beide stehen (siehe docs/mitmachen.md).", INFO))
    return problems


def _pairs_to_compare(candidates: list[_Candidate], home: str) -> list[tuple[_Candidate, _Candidate]]:
    """Only pairs that can be alike: sharing a month, a country key and a person. Comparing every pair
    took 90 s at 10,000 events (50 million pairs); the buckets keep it near linear. In file order."""
    buckets: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for number, candidate in enumerate(candidates):
        foreign = candidate.countries - {home}
        places = foreign or ({"home"} if candidate.countries == {home} else set())
        for key in product(_months(candidate), sorted(places), sorted(candidate.people)):
            buckets[key].append(number)
    pairs = {pair for members in buckets.values() for pair in combinations(members, 2)}
    return [(candidates[a], candidates[b]) for a, b in sorted(pairs)]


def _months(candidate: _Candidate) -> list[tuple[int, int]]:
    """Every month the candidate's dates touch, first to last."""
    (year, month), last = _month(candidate.first.first), _month(candidate.last.last)
    months = []
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def title_stems(title: str) -> frozenset[str]:
    return frozenset(word[:STEM] for word in _WORD.findall(fold(title)) if len(word) >= MIN_WORD)


def _candidate(event_id: str, checked: Any) -> _Candidate | None:
    good, document = checked.good, checked.document
    if document is None or not {"title", "date", "countries"} <= set(good):
        return None
    start = good["date"]  # checked records hold parsed dates
    end = good.get("end", start)
    people = frozenset(participant(entry)[0] for entry in good.get("people", ()))
    return _Candidate(event_id, document.path, document.line(("title",)), start, end, frozenset(good["countries"]),
                      frozenset(p for p in people if isinstance(p, str)), title_stems(good["title"]),
                      good.get("part_of"))


def _alike(a: _Candidate, b: _Candidate, home: str) -> bool:
    if a.part_of == b.event_id or b.part_of == a.event_id or not _overlap(a, b):
        return False
    shared = a.countries & b.countries
    if not (shared - {home} or (shared and a.countries == b.countries == {home})):
        return False
    if not a.people & b.people or not a.stems or not b.stems:
        return False
    return len(a.stems & b.stems) / min(len(a.stems), len(b.stems)) >= TITLE_SIMILARITY


def _overlap(a: _Candidate, b: _Candidate) -> bool:
    """Exact days must overlap; otherwise months (a month-only date overlaps each of its days)."""
    if {a.first.precision, a.last.precision, b.first.precision, b.last.precision} == {DAY}:
        return a.first.first <= b.last.last and b.first.first <= a.last.last
    return _month(a.first.first) <= _month(b.last.last) and _month(b.first.first) <= _month(a.last.last)


def _month(day) -> tuple[int, int]:
    return (day.year, day.month)
