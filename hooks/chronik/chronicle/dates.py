"""Dates known to a day, a month or a year, and how German readers see them."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from babel.dates import format_date, get_month_names

DAY, MONTH, YEAR = "day", "month", "year"

_FORM = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")  # ASCII digits only, not ٢٠٢٥
_GERMAN_FORM = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$")  # 22.12.2025, as Germans write it
MONTH_NAMES = get_month_names("wide", locale="de")


class DateError(ValueError):
    """A date that cannot be read; the message is German and says why."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with its precision. Ordering uses the first day it can mean."""

    first: dt.date
    precision: str

    @property
    def last(self) -> dt.date:
        """The last day this date can mean: 2026-01 ends on 31 January."""
        if self.precision == DAY:
            return self.first
        if self.precision == MONTH:
            days = calendar.monthrange(self.first.year, self.first.month)[1]
            return self.first.replace(day=days)
        return self.first.replace(month=12, day=31)

    def iso(self) -> str:
        """The form written in the files: 2025-12-22, 2025-12 or 2025."""
        if self.precision == DAY:
            return self.first.isoformat()
        if self.precision == MONTH:
            return self.first.strftime("%Y-%m")
        return f"{self.first.year:04d}"


def parse_partial_date(value: object) -> PartialDate:
    """Read `2025-12-22`, `2025-12` or `2025` (also as a YAML number)."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        raise DateError("ist kein Datum")
    match = _FORM.match(text.strip())
    if not match or (match.group(2) and len(match.group(2)) != 2) or (match.group(3) and len(match.group(3)) != 2):
        german = _GERMAN_FORM.match(text.strip())
        meant = f"; meintest du {german.group(3)}-{int(german.group(2)):02d}-{int(german.group(1)):02d}?" if german else ""
        raise DateError(f"„{text}“ ist kein Datum der Form JJJJ-MM-TT, JJJJ-MM oder JJJJ{meant}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if year < 1800 or year > 2200:
        raise DateError(f"das Jahr {year} liegt außerhalb von 1800–2200")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"einen Monat {month:02d} gibt es nicht")
    if day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise DateError(f"den {day}. {MONTH_NAMES[month]} {year} gibt es nicht ({MONTH_NAMES[month]} {year} "
                            f"hat {days} Tage)")
        return PartialDate(dt.date(year, month, day), DAY)
    if month is not None:
        return PartialDate(dt.date(year, month, 1), MONTH)
    return PartialDate(dt.date(year, 1, 1), YEAR)


def latest(dates: Iterable[PartialDate]) -> PartialDate | None:
    """The date that ends last (2025-12 ends after 2025-12-22), or None for no dates."""
    return max(dates, key=lambda date: date.last, default=None)


def days_after_election(election: dt.date, day: dt.date) -> str:
    """As readers say it: "am Wahltag", "1 Tag nach der Wahl", "8 Tage nach der Wahl" (22 Dec after 14 Dec)."""
    days = (day - election).days
    if days == 0:
        return "am Wahltag"
    return f"{days}\u00a0{'Tag' if days == 1 else 'Tage'} nach der Wahl"  # no-break space: number with its noun


def format_weekday_span(start: PartialDate, end: PartialDate | None, approximate: bool = False,
                        year: bool = True) -> str:
    """A list's date column: "Mo., 22. Dez. 2025", "Mo., 22.–23. Dez.", "Di., 30. Dez. – 2. Jan." (without
    `year`, where a month heading names it). Dates without an exact day keep their long form."""
    if approximate or start.precision != DAY or (end is not None and end.precision != DAY):
        return format_span(start, end, approximate)
    a = start.first
    b = end.first if end is not None else a
    pattern = "d. MMM y" if year else "d. MMM"
    text = format_date(b, pattern, locale="de")
    if b != a:
        head = (f"{a.day}." if (a.year, a.month) == (b.year, b.month)
                else format_date(a, pattern if a.year != b.year else "d. MMM", locale="de"))
        text = f"{head}–{text}" if head.endswith(".") and " " not in head else f"{head} – {text}"
    return f"{format_date(a, 'EEE', locale='de')}, {text}"


def format_day(day: dt.date) -> str:
    """22. Dezember 2025"""
    return format_date(day, "d. MMMM y", locale="de")


def format_partial(date: PartialDate, approximate: bool = False) -> str:
    """One date in words, honouring its precision; vague days become a part of the month."""
    if date.precision == YEAR:
        text = str(date.first.year)
    elif date.precision == MONTH or approximate:
        text = f"{MONTH_NAMES[date.first.month]} {date.first.year}"
        if date.precision == DAY:
            text = f"{_part_of_month(date.first.day)} {text}"
    else:
        text = format_day(date.first)
    return f"etwa {text}" if approximate else text


def format_span(start: PartialDate, end: PartialDate | None, approximate: bool = False) -> str:
    """A date or a range in German words.

    "22. Dezember 2025", "Januar 2026", "22.–23. Dezember 2025",
    "30. Dezember 2025 – 2. Januar 2026", "etwa Anfang Januar 2026".
    """
    if end is None or end == start:
        return format_partial(start, approximate)
    if not approximate and start.precision == end.precision == DAY:
        a, b = start.first, end.first
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}.–{format_day(b)}"
        if a.year == b.year:
            return f"{a.day}. {MONTH_NAMES[a.month]} – {format_day(b)}"
    if not approximate and start.precision == end.precision == MONTH and start.first.year == end.first.year:
        return f"{MONTH_NAMES[start.first.month]} – {MONTH_NAMES[end.first.month]} {end.first.year}"
    # "etwa" once, in front of the whole range; a vague range may collapse to one text
    first, last = format_partial(start, approximate), format_partial(end, approximate)
    return first if first == last else f"{first} – {last.removeprefix('etwa ')}"


def _part_of_month(day: int) -> str:
    if day <= 10:
        return "Anfang"
    if day <= 20:
        return "Mitte"
    return "Ende"
