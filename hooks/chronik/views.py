"""View pieces: what templates show of an event, person, country or topic, linked from one page.

Every value a template displays is decided here (labels, links, day numbers, the plan rule);
templates only loop and format.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from markdown.extensions.toc import slugify

from . import countries
from .dates import MONTH_NAMES, YEAR, format_span
from .index import ChronicleIndex
from .model import Event
from .published import country_path, event_path, person_path, topic_path
from .templating import render

# (year, month) of an event's start; month 0 for dates known only to the year.
MonthKey = tuple[int, int]


def link(here: str, target: str) -> str:
    """A relative Markdown link from one page to another; MkDocs checks and rewrites it."""
    return _relative(target, posixpath.dirname(here) or ".")


@lru_cache(maxsize=1 << 16)  # pages link from a few folders to the same targets: relpath is the cost
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def tidy(markdown: str) -> str:
    """At most one blank line in a row and one newline at the end: templates stay readable."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site's docs root, e.g. "ereignisse/<id>.md"
    markdown: str
    source: str | None = None  # the data file the Edit link opens, relative to the project root
    in_nav: bool = False
    listing: bool = False  # a list of other pages: kept out of the site search, it would outrank them


def write_pages(pages: Iterable[Page], folder: Path) -> list[Path]:
    """Write pages as Markdown files below `folder` (for other site engines or inspection)."""
    written = []
    for page in pages:
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
        written.append(target)
    return written


def render_markdown(template: str, **context: Any) -> str:
    return tidy(render(template, **context))


def render_page(path: str, template: str, source: str | None = None, in_nav: bool = False,
                listing: bool = False, **context: Any) -> Page:
    return Page(path, tidy(render(template, **context)), source, in_nav, listing)


class Views:
    def __init__(self, index: ChronicleIndex) -> None:
        self.index = index

    def event_item(self, event: Event, here: str) -> dict[str, Any]:
        day = self.index.day_number(event)
        return {
            "title": event.title,
            "link": link(here, event_path(event.id)),
            "date": self.index.date_text(event),
            "iso": event.date.iso(),
            "day": f"Tag {day}" if day else None,
            "day_long": f"Tag {day} seit der Wahl" if day else None,  # Tag 1: the election day
            "status": event.status,
            "status_label": self.index.status_label(event),
            "badge": None if event.status == "happened" else self.index.status_label(event),
            "place": event.place,
            "teaser": self.index.teaser(event),
        }

    def person(self, person_id: str, here: str) -> dict[str, Any]:
        person = self.index.people[person_id]
        return {"name": person.name, "description": person.description,
                "link": link(here, person_path(person_id))}

    def country(self, code: str, here: str) -> dict[str, Any]:
        return {"code": code, "name": countries.german_name(code), "dative": countries.dative(code),
                "link": link(here, country_path(code))}

    def topic(self, topic_id: str, here: str) -> dict[str, Any]:
        return {"label": self.index.settings.topics[topic_id], "link": link(here, topic_path(topic_id))}

    def months(self, events: Iterable[Event], here: str) -> list[dict[str, Any]]:
        """Events grouped by the month they start in; year-only dates form their own group.
        `anchor` is the heading's id as Python-Markdown's toc extension makes it."""
        return [{"heading": month_heading(*key), "anchor": month_anchor(*key),
                 "events": [self.event_item(e, here) for e in group]}
                for key, group in month_groups(events)]


def search_data(filters: Iterable[tuple[str, str]] = (), meta: dict[str, str] | None = None) -> dict[str, Any]:
    """What the site search needs: filter values and result metadata."""
    return {"filters": list(filters), "meta": sorted((meta or {}).items())}


def month_groups(events: Iterable[Event]) -> list[tuple[MonthKey, list[Event]]]:
    """(year, month) and its events, in order; month 0 (year-only dates) after the year's December."""
    groups: dict[MonthKey, list[Event]] = defaultdict(list)
    for event in events:
        groups[month_key(event)].append(event)
    return [(key, groups[key]) for key in sorted(groups, key=lambda ym: (ym[0], ym[1] or 13))]


def month_key(event: Event) -> MonthKey:
    return event.date.first.year, 0 if event.date.precision == YEAR else event.date.first.month


def month_anchor(year: int, month: int) -> str:
    """The id Python-Markdown's toc extension gives the month's heading."""
    return slugify(month_heading(year, month), "-")


def month_heading(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month]} {year}" if month else f"{year} (Monat unbekannt)"


def month_span(first: Event, last: Event) -> str:
    """`Dezember 2025 – März 2026`: the months a page of a long list covers."""
    start, end = (str(e.date.first.year) if e.date.precision == YEAR
                  else f"{MONTH_NAMES[e.date.first.month]} {e.date.first.year}" for e in (first, last))
    return start if start == end else f"{start} – {end}"


def role_span(start, end) -> str:
    if end is None:
        return f"seit {format_span(start, None)}"
    return f"{format_span(start, None)} bis {format_span(end, None)}"
