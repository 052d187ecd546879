"""How lists read: roles inside sentences, a person's events by what they did, the editors' teaser."""

from __future__ import annotations

import datetime as dt

import pytest

from chronik.chronicle.dates import parse_partial_date
from chronik.chronicle.index import index_chronicle, listing_order
from chronik.chronicle.model import Chronicle, Event, Person, Settings, Source
from chronik.chronicle.roles import in_sentence

SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={})


def event(event_id: str, date: str, **fields) -> Event:
    values = dict(title="Titel", summary="Der erste Satz. Der zweite.", countries=("CL",), people=("ana-perez",),
                  sources=(Source("Zeitung", "Bericht"),))
    values.update(fields)
    return Event(id=event_id, path=f"events/{event_id}.yaml", date=parse_partial_date(date), **values)


def index_of(*events: Event):
    people = {pid: Person(pid, f"people/{pid}.yaml", pid.title(), "Beschreibung", pid)
              for pid in ("ana-perez", "juan", "luisa")}
    return index_chronicle(Chronicle(SETTINGS, tuple(sorted(events, key=lambda e: e.sort_key)), people,
                                     dt.date(2026, 4, 1)))


@pytest.mark.parametrize("role, text", [
    ("Designierter Präsident Chiles", "designierter Präsident Chiles"),
    ("Ehemalige Präsidentin Chiles", "ehemalige Präsidentin Chiles"),
    ("Gewählter Senator, früherer Bürgermeister", "gewählter Senator, früherer Bürgermeister"),
    ("Von Jorge Quiroz designierter Direktor", "von Jorge Quiroz designierter Direktor"),
    ("Präsident Chiles", "Präsident Chiles"),  # a noun stays capitalised
    ("Vorsitzender der UDI", "Vorsitzender der UDI"),  # a nominalised adjective too
    ("Außenminister Perus", "Außenminister Perus"),
    ("First Lady Chiles", "First Lady Chiles"),
])
def test_a_role_after_a_name_reads_as_german_writes_it_in_a_sentence(role: str, text: str) -> None:
    assert in_sentence(role) == text


def test_a_month_or_a_year_follows_the_exact_days_it_covers() -> None:
    events = [event("2026-01", "2026-01", status="planned"), event("2025-12-14-a", "2025-12-14"),
              event("2026-01-20-b", "2026-01-20"), event("2026", "2026"), event("2026-02-01-c", "2026-02-01")]
    ordered = listing_order(sorted(events, key=lambda e: e.sort_key))
    assert [e.id for e in ordered] == ["2025-12-14-a", "2026-01-20-b", "2026-01", "2026-02-01-c", "2026"]


def test_a_persons_page_tells_what_they_did_from_plans_and_mentions() -> None:
    index = index_of(event("2025-12-20-a", "2025-12-20", people=("ana-perez", "juan")),
                     event("2026-01-05-plan", "2026-01-05", status="planned", people=("ana-perez", "luisa")),
                     event("2026-01-06-b", "2026-01-06", people=("juan",), mentioned=("ana-perez",)))
    assert [e.id for e in index.took_part("ana-perez")] == ["2025-12-20-a"]
    assert [e.id for e in index.plans_with("ana-perez")] == ["2026-01-05-plan"]
    assert [e.id for e in index.mentions("ana-perez")] == ["2026-01-06-b"]
    # "Gemeinsam mit": only who was there when something happened, not who shares a plan
    assert index.companions("ana-perez") == [("juan", 1)]


def test_the_editors_teaser_replaces_the_first_sentence() -> None:
    own = event("2025-12-20-a", "2025-12-20", teaser="Ana Pérez traf Juan.")
    plain = event("2025-12-21-b", "2025-12-21")
    index = index_of(own, plain)
    assert index.teaser(own) == "Ana Pérez traf Juan."
    assert index.teaser(plain) == "Der erste Satz."


def test_an_editors_teaser_longer_than_a_list_shows_is_cut_like_any_other() -> None:
    long = event("2025-12-20-a", "2025-12-20", teaser="Ana Pérez traf Juan " + "und sprach lange " * 20 + "darüber.")
    text = index_of(long).teaser(long)
    assert len(text) <= 162 and text.endswith(" …")
