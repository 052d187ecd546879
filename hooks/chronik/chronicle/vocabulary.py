"""Words and rules that pages and exporters share: status labels, the plan rule, German counts.

Everything here is plain Python below the page builder, so that feeds, calendars, open data and
the contributor tools use the same words as the pages without importing them.
"""

from __future__ import annotations

import datetime as dt

from .dates import PartialDate, format_span
from .text import format_count

STATUS_LABELS = {
    "happened": "stattgefunden",
    "planned": "geplant",
    "tentative": "möglich, unbestätigt",
    "postponed": "verschoben",
    "cancelled": "abgesagt",
}
PART_OF_DAY_LABELS = {"morning": "morgens", "midday": "mittags", "afternoon": "nachmittags", "evening": "abends",
                      "night": "nachts"}


def time_text(time: str | None) -> str | None:
    """`12:30` -> `12:30 Uhr`, `evening` -> `abends`; None stays None."""
    if time is None:
        return None
    return PART_OF_DAY_LABELS.get(time) or f"{time}\u00a0Uhr"  # no-break space: "12:30" stays with "Uhr"


# Not confirmed by any source yet: a plan or a possibility.
OPEN_STATUSES = frozenset({"planned", "tentative"})


def date_passed(start: PartialDate, end: PartialDate | None, today: dt.date) -> bool:
    """The one rule for a date that is over: its last possible day lies before today."""
    return (end or start).last < today


def is_past_plan(status: str, start: PartialDate, end: PartialDate | None, today: dt.date) -> bool:
    """A plan the sources never confirmed: still open, but its date has passed."""
    return status in OPEN_STATUSES and date_passed(start, end, today)


# Plans that can go stale: open ones, and postponed ones whose old date has passed.
STALE_STATUSES = OPEN_STATUSES | {"postponed"}


def is_stale(status: str, start: PartialDate, end: PartialDate | None, today: dt.date) -> bool:
    """Shown with its age everywhere (`stale_label`): a plan whose last possible day has passed."""
    return status in STALE_STATUSES and date_passed(start, end, today)


def stale_label(status: str, newest_source: PartialDate | None) -> str:
    """`geplant, Stand 22. Dezember 2025`: a stale plan says how old the news is."""
    since = f"Stand {format_span(newest_source, None)}" if newest_source else "ohne Quellendatum"
    return f"{STATUS_LABELS[status]}, {since}"


# Nouns the chronicle counts, singular and plural.
NOUNS = {
    "Station": "Stationen",
    "Ort": "Orte",
    "Ereignis": "Ereignisse",
    "Person": "Personen",
    "Land": "Länder",
    "Seite": "Seiten",
    "Quelle": "Quellen",
    "Problem": "Probleme",
    "Fehler": "Fehler",
    "Hinweis": "Hinweise",
    "Datei": "Dateien",
    "Woche": "Wochen",
    "Plan": "Pläne",
}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The noun for a count: 1 Ereignis, 2 Ereignisse (plural from NOUNS unless given)."""
    if count == 1:
        return singular
    return plural_form if plural_form is not None else NOUNS[singular]


def count_phrase(count: int, singular: str, plural_form: str | None = None) -> str:
    """`3 Ereignisse`, `1 Person`, `10.000 Ereignisse`: a count with its noun, as German readers write it."""
    return f"{format_count(count)} {plural(count, singular, plural_form)}"
