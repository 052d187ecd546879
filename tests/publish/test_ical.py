"""Calendars (RFC 5545): parsed back with icalendar, checked for what RFC 5545 requires and for the
rules docs/daten.md promises (dates by precision, status, UID, SEQUENCE, DTSTAMP from the data)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from pathlib import Path

import icalendar
import pytest

from chronik.chronicle.index import index_chronicle
from chronik.chronicle.dates import parse_partial_date
from chronik.publish.ical import build_calendars
from chronik.chronicle.model import Chronicle, Correction, Event, Person, Settings, Source
from conftest import CHRONICLES, PROJECT, load_case

SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={"wahl": "Wahl"}, site_url="https://example.org/c/")


def event(event_id: str, date: str, **fields) -> Event:
    values = dict(title="Titel", summary="Text mit *Markdown*.", countries=("CL",),
                  sources=(Source("Zeitung", "Bericht", parse_partial_date("2025-12-20")),))
    values.update(fields)
    if isinstance(values.get("end"), str):
        values["end"] = parse_partial_date(values["end"])
    return Event(id=event_id, path=f"events/{event_id}.yaml", date=parse_partial_date(date), **values)


def calendars(*events: Event, today: dt.date = dt.date(2026, 1, 15)) -> dict[str, icalendar.Calendar]:
    people = {"ana-perez": Person("ana-perez", "people/ana-perez.yaml", "Ana Pérez", "Gewählt", "Pérez, Ana")}
    chron = Chronicle(SETTINGS, tuple(sorted(events, key=lambda e: e.sort_key)), people, today)
    return {f.path: icalendar.Calendar.from_ical(f.content) for f in build_calendars(index_chronicle(chron))}


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def _check_rfc_5545(calendar: icalendar.Calendar) -> None:
    """3.6: VCALENDAR needs PRODID and VERSION; 3.6.1: a VEVENT needs UID and DTSTAMP, and DTSTART when
    the calendar has no METHOD; all-day events: DTEND after DTSTART, both dates; timed events (3.6.1:
    a DATE-TIME DTSTART without DTEND ends when it starts): a time zone that the calendar defines."""
    assert calendar.name == "VCALENDAR"
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert "METHOD" not in calendar
    uids = []
    for vevent in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert required in vevent, (vevent.get("UID"), required)
        start = vevent.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            assert "DTEND" not in vevent and "DURATION" not in vevent
            tzid = vevent["DTSTART"].params.get("TZID")
            assert tzid is None or tzid in [str(c["TZID"]) for c in calendar.walk("VTIMEZONE")]
        else:
            end = vevent.decoded("DTEND")
            assert type(start) is dt.date and type(end) is dt.date and start < end
        stamp = vevent.decoded("DTSTAMP")
        assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)
        assert vevent["STATUS"] in ("CONFIRMED", "TENTATIVE", "CANCELLED")
        assert int(vevent["SEQUENCE"]) >= 0
        uids.append(str(vevent["UID"]))
    assert len(uids) == len(set(uids))


def test_the_shipped_calendars_parse_and_have_what_rfc_5545_requires(site: Path) -> None:
    chron = load_case(PROJECT).chronicle
    everything = icalendar.Calendar.from_ical((site / "kalender" / "alle.ics").read_bytes())
    plans = icalendar.Calendar.from_ical((site / "kalender" / "geplant.ics").read_bytes())
    for calendar in (everything, plans):
        _check_rfc_5545(calendar)
    assert set(vevents(everything)) == {e.id for e in chron.events if e.date.precision != "year"}
    assert set(vevents(plans)) == {e.id for e in chron.events if e.status != "happened"}
    bachelet = vevents(everything)["2025-12-22-kast-trifft-bachelet"]
    assert str(bachelet["UID"]) == "2025-12-22-kast-trifft-bachelet@chronik-chile.github.io"
    assert str(bachelet["URL"]) == "https://chronik-chile.github.io/chronik/ereignisse/2025-12-22-kast-trifft-bachelet/"
    assert str(bachelet["SUMMARY"]) == "Kast trifft Michelle Bachelet"
    assert str(bachelet["LOCATION"]) == "Santiago (Ñuñoa), Fundación Horizonte Ciudadano"
    assert str(everything["X-WR-CALNAME"]) == "Chiles Machtwechsel 2025/26: alle Ereignisse"


def test_the_calendars_are_linked_from_the_start_and_the_data_page(site: Path) -> None:
    assert '<a href="kalender/alle.ics">' in (site / "index.html").read_text(encoding="utf-8")
    data = (site / "daten" / "index.html").read_text(encoding="utf-8")
    assert ('<code class="chronik-adresse">https://chronik-chile.github.io/<wbr>chronik/<wbr>kalender/<wbr>geplant.ics'
            '</code>') in data


def test_dates_honour_precision_and_range() -> None:
    found = vevents(calendars(
        event("2025-12-20-tag", "2025-12-20"),
        event("2025-12-30-spanne", "2025-12-30", end="2026-01-02"),
        event("2026-01-monat", "2026-01"),
        event("2025-12-monate", "2025-12", end="2026-02"),
        event("2026-jahr", "2026"),
        event("2026-01-jahr-als-ende", "2026-01", end="2027"),
        event("2026-01-05-ungefaehr", "2026-01-05", approximate=True),
    )["kalender/alle.ics"])
    spans = {uid: (e.decoded("DTSTART"), e.decoded("DTEND")) for uid, e in found.items()}
    assert spans == {
        "2025-12-20-tag": (dt.date(2025, 12, 20), dt.date(2025, 12, 21)),  # DTEND is exclusive
        "2025-12-30-spanne": (dt.date(2025, 12, 30), dt.date(2026, 1, 3)),
        "2026-01-monat": (dt.date(2026, 1, 1), dt.date(2026, 2, 1)),
        "2025-12-monate": (dt.date(2025, 12, 1), dt.date(2026, 3, 1)),
        "2026-01-05-ungefaehr": (dt.date(2026, 1, 5), dt.date(2026, 1, 6)),
    }
    assert "etwa Anfang Januar 2026" in str(found["2026-01-05-ungefaehr"]["DESCRIPTION"])


@pytest.mark.parametrize(("status", "ical_status", "title", "in_plans"), [
    ("happened", "CONFIRMED", "Titel", False),
    ("planned", "CONFIRMED", "Titel", True),
    ("tentative", "TENTATIVE", "Möglich: Titel", True),
    ("postponed", "TENTATIVE", "Verschoben: Titel", True),
    ("cancelled", "CANCELLED", "Titel", True),
])
def test_status(status: str, ical_status: str, title: str, in_plans: bool) -> None:
    found = calendars(event("2026-01-20-x", "2026-01-20", status=status))
    vevent = vevents(found["kalender/alle.ics"])["2026-01-20-x"]
    assert (vevent["STATUS"], str(vevent["SUMMARY"])) == (ical_status, title)
    assert ("2026-01-20-x" in vevents(found["kalender/geplant.ics"])) == in_plans


def test_sequence_and_dtstamp_come_from_sources_and_corrections_never_from_the_clock() -> None:
    first = event("2026-01-20-x", "2026-01-20", status="planned")
    later = dataclasses.replace(
        first, status="postponed", date=parse_partial_date("2026-02-03"),
        sources=first.sources + (Source("Zeitung", "Verschoben", parse_partial_date("2026-01-18")),),
        corrections=(Correction(parse_partial_date("2026-01-19"), "Datum berichtigt"),))
    before = vevents(calendars(first)["kalender/alle.ics"])["2026-01-20-x"]
    after = vevents(calendars(later)["kalender/alle.ics"])["2026-01-20-x"]
    assert before["UID"] == after["UID"]
    assert (int(before["SEQUENCE"]), int(after["SEQUENCE"])) == (0, 2)
    assert before.decoded("DTSTAMP") == dt.datetime(2025, 12, 20, tzinfo=dt.timezone.utc)
    assert after.decoded("DTSTAMP") == dt.datetime(2026, 1, 19, tzinfo=dt.timezone.utc)
    same_day = [f.content for f in build_calendars(index_chronicle(Chronicle(SETTINGS, (later,), {}, dt.date(2026, 1, 1))))]
    other_day = [f.content for f in build_calendars(index_chronicle(Chronicle(SETTINGS, (later,), {}, dt.date(2026, 2, 3))))]
    assert same_day == other_day  # until the date has passed; then the plan says how old it is (below)
    stale = vevents(calendars(later, today=dt.date(2031, 5, 5))["kalender/geplant.ics"])["2026-01-20-x"]
    assert str(stale["SUMMARY"]) == "Verschoben: Titel (verschoben, Stand 18. Januar 2026)"
    assert stale.decoded("DTSTAMP") == after.decoded("DTSTAMP")


def test_contributor_text_is_escaped_as_ical_text() -> None:
    title = "Treffen; Teil 1, mit \\ Backslash\nund Umbruch"
    found = calendars(event("2026-01-20-x", "2026-01-20", title=title, place="Plaza, Ecke; 1"))
    vevent = vevents(found["kalender/alle.ics"])["2026-01-20-x"]
    assert str(vevent["SUMMARY"]) == title and str(vevent["LOCATION"]) == "Plaza, Ecke; 1"
    assert "Text mit Markdown." in str(vevent["DESCRIPTION"])  # Markdown as plain text


@pytest.mark.parametrize("case", ["valid-escaping", "valid-precision", "valid-trip", "valid-overdue-plan"])
def test_fixture_chronicles_give_valid_calendars(case: str) -> None:
    chron = load_case(CHRONICLES / case).chronicle
    chron = dataclasses.replace(chron, settings=dataclasses.replace(chron.settings, site_url="https://x.org/"))
    for site_file in build_calendars(index_chronicle(chron)):
        _check_rfc_5545(icalendar.Calendar.from_ical(site_file.content))


def test_a_clock_time_starts_the_event_then_in_the_zone_of_the_settings() -> None:
    timed = event("2025-12-22-a", "2025-12-22", time="12:30")
    evening = event("2025-12-22-b", "2025-12-22", time="evening")
    zoned = dataclasses.replace(SETTINGS, timezone="America/Santiago")
    chron = Chronicle(zoned, (timed, evening), {}, dt.date(2026, 1, 15))
    calendar = icalendar.Calendar.from_ical(build_calendars(index_chronicle(chron))[0].content)
    found = vevents(calendar)
    start = found["2025-12-22-a"].decoded("DTSTART")
    assert start == dt.datetime(2025, 12, 22, 12, 30, tzinfo=zoneinfo.ZoneInfo("America/Santiago"))
    # Written as the same instant in UTC (15:30Z: Chilean summer time is UTC-3), so no VTIMEZONE is needed.
    assert start == dt.datetime(2025, 12, 22, 15, 30, tzinfo=dt.timezone.utc) and start.utcoffset() == dt.timedelta(0)
    assert "DTEND" not in found["2025-12-22-a"]  # the sources do not say how long it took
    assert calendar.walk("VTIMEZONE") == []
    # A part of the day stays all-day: an hour would be invented; the word is in the description.
    assert found["2025-12-22-b"].decoded("DTSTART") == dt.date(2025, 12, 22)
    assert str(found["2025-12-22-b"]["DESCRIPTION"]).startswith("22. Dezember 2025 · abends · stattgefunden")
    _check_rfc_5545(calendar)
    # Without a zone: floating local time.
    floating = calendars(timed)["kalender/alle.ics"]
    assert vevents(floating)["2025-12-22-a"].decoded("DTSTART") == dt.datetime(2025, 12, 22, 12, 30)


def test_a_title_that_says_it_is_possible_gets_no_second_prefix() -> None:
    found = vevents(calendars(event("2026-02-x", "2026-02", title="Möglicher Besuch in den USA", status="tentative"),
                              event("2026-02-y", "2026-02", title="Besuch in Spanien", status="tentative"))
                    ["kalender/geplant.ics"])
    assert str(found["2026-02-x"]["SUMMARY"]) == "Möglicher Besuch in den USA"
    assert str(found["2026-02-y"]["SUMMARY"]) == "Möglich: Besuch in Spanien"
