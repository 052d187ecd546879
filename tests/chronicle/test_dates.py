"""Dates of a day, a month or a year, and their German wording."""

from __future__ import annotations

import datetime as dt

import pytest

from chronik.chronicle.dates import (DAY, MONTH, YEAR, DateError, days_after_election, format_span, format_weekday_span,
                                      parse_partial_date)


@pytest.mark.parametrize("written, first, last, precision", [
    ("2025-12-22", dt.date(2025, 12, 22), dt.date(2025, 12, 22), DAY),
    ("2026-02", dt.date(2026, 2, 1), dt.date(2026, 2, 28), MONTH),
    ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), YEAR),
    (2026, dt.date(2026, 1, 1), dt.date(2026, 12, 31), YEAR),
    ("2024-02-29", dt.date(2024, 2, 29), dt.date(2024, 2, 29), DAY),
])
def test_parse(written, first, last, precision) -> None:
    date = parse_partial_date(written)
    assert (date.first, date.last, date.precision) == (first, last, precision)
    assert date.iso() == str(written)


@pytest.mark.parametrize("written, message", [
    ("2025-02-30", "den 30. Februar 2025 gibt es nicht (Februar 2025 hat 28 Tage)"),
    ("2025-13", "einen Monat 13 gibt es nicht"),
    ("22.12.2025", "„22.12.2025“ ist kein Datum der Form JJJJ-MM-TT, JJJJ-MM oder JJJJ; meintest du 2025-12-22?"),
    ("2025-1-5", "„2025-1-5“ ist kein Datum der Form JJJJ-MM-TT, JJJJ-MM oder JJJJ"),
    ("0999", "das Jahr 999 liegt außerhalb von 1800–2200"),
    (True, "ist kein Datum"),
])
def test_impossible_dates_say_why(written, message) -> None:
    with pytest.raises(DateError) as error:
        parse_partial_date(written)
    assert str(error.value) == message


@pytest.mark.parametrize("start, end, approximate, text", [
    ("2025-12-22", None, False, "22. Dezember 2025"),
    ("2026-01", None, False, "Januar 2026"),
    ("2026", None, False, "2026"),
    ("2025-12-22", "2025-12-23", False, "22.–23. Dezember 2025"),
    ("2025-12-30", "2026-01-02", False, "30. Dezember 2025 – 2. Januar 2026"),
    ("2026-01-28", "2026-02-03", False, "28. Januar – 3. Februar 2026"),
    ("2026-01", "2026-03", False, "Januar – März 2026"),
    ("2025-12", "2026-03", False, "Dezember 2025 – März 2026"),
    ("2026-01-05", None, True, "etwa Anfang Januar 2026"),
    ("2026-01-15", None, True, "etwa Mitte Januar 2026"),
    ("2026-01-25", None, True, "etwa Ende Januar 2026"),
    ("2026-01", None, True, "etwa Januar 2026"),
    ("2026-01-05", "2026-02-25", True, "etwa Anfang Januar 2026 – Ende Februar 2026"),
    ("2025-12-22", "2025-12-22", False, "22. Dezember 2025"),
])
def test_german_wording(start, end, approximate, text) -> None:
    end_date = parse_partial_date(end) if end else None
    assert format_span(parse_partial_date(start), end_date, approximate) == text


@pytest.mark.parametrize("start, end, year, text", [
    ("2025-12-22", None, False, "Mo., 22. Dez."),
    ("2025-12-22", None, True, "Mo., 22. Dez. 2025"),
    ("2025-12-22", "2025-12-23", False, "Mo., 22.–23. Dez."),
    ("2025-12-30", "2026-01-02", True, "Di., 30. Dez. 2025 – 2. Jan. 2026"),
    ("2026-01-30", "2026-02-02", False, "Fr., 30. Jan. – 2. Feb."),
    ("2026-01", None, False, "Januar 2026"),  # no day, no weekday: the long form
])
def test_a_lists_date_names_the_weekday(start, end, year, text) -> None:
    assert format_weekday_span(parse_partial_date(start), parse_partial_date(end) if end else None,
                               year=year) == text


def test_days_after_the_election_as_readers_count_them() -> None:
    election = dt.date(2025, 12, 14)
    assert days_after_election(election, dt.date(2025, 12, 14)) == "am Wahltag"
    assert days_after_election(election, dt.date(2025, 12, 15)) == "1\u00a0Tag nach der Wahl"
    assert days_after_election(election, dt.date(2025, 12, 22)) == "8\u00a0Tage nach der Wahl"
    assert days_after_election(election, dt.date(2026, 3, 11)) == "87\u00a0Tage nach der Wahl"
