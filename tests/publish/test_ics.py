"""The hand-written iCalendar lines (ics.py): escaping, folding, and icalendar reading them back."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from chronik.publish import ics


@pytest.mark.parametrize("value", ["kurz", "ä" * 80, "x" * 74 + "ü" * 40, "€" * 30 + "a" * 3, "a\\b;c,d\ne"])
def test_folded_lines_stay_within_75_octets_and_unfold_to_the_value(value: str) -> None:
    folded = ics.fold(f"DESCRIPTION:{ics.text(value)}")
    lines = folded.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    assert all(line.startswith(b" ") for line in lines[1:-1])
    for line in lines:
        line.decode("utf-8")  # no line ends inside a UTF-8 character
    event = icalendar.Event.from_ical(b"BEGIN:VEVENT\r\n" + folded + b"END:VEVENT\r\n")
    assert str(event["DESCRIPTION"]) == value


def test_text_escapes_what_rfc_5545_names() -> None:
    assert ics.text("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert ics.text_list(["Wahl", "Außen, Politik"]) == "Wahl,Außen\\, Politik"


def test_a_component_reads_back_with_its_values() -> None:
    written = ics.component("VCALENDAR", [("VERSION", "2.0"), ("PRODID", "-//Test//DE")], [ics.component("VEVENT", [
        ("UID", "x@example.org"), ("DTSTAMP", ics.utc(dt.datetime(2025, 12, 22, tzinfo=dt.timezone.utc))),
        ("DTSTART;VALUE=DATE", ics.date(dt.date(2025, 12, 14))), ("CATEGORIES", ics.text_list(["A", "B,C"]))])])
    calendar = icalendar.Calendar.from_ical(written)
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTART") == dt.date(2025, 12, 14)
    assert event.decoded("DTSTAMP") == dt.datetime(2025, 12, 22, tzinfo=dt.timezone.utc)
    assert [str(c) for c in event["CATEGORIES"].cats] == ["A", "B,C"]
