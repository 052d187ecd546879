"""View pieces: what templates show of an event, person, country or topic, linked from one page.

Every value a template displays is decided here (labels, links, day numbers, the plan rule);
templates only loop and format.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from markdown.extensions.toc import slugify

from ..chronicle import countries, languages
from .chart import overview_html
from .maps import Maps
from ..chronicle.dates import MONTH_NAMES, YEAR, format_span
from ..chronicle.index import ChronicleIndex
from ..chronicle.model import Event, Quote, Role
from ..chronicle.roles import in_sentence
from ..chronicle.text import keep_together
from .published import country_path, event_path, person_path, topic_path
from .templating import render

# (year, month) of an event's start; month 0 for dates known only to the year.
MonthKey = tuple[int, int]
_EXCLUDED = "search:\n  exclude: true\n"  # front matter of a listing


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
class PagePlan:
    """What a page is, known before it is rendered: a site engine can register every page first."""
    path: str  # relative to the site's docs root, e.g. "ereignisse/<id>.md"
    source: str | None = None  # the data file the Edit link opens, relative to the project root
    in_nav: bool = False
    listing: bool = False  # a list of other pages: kept out of the site search, it would outrank them


@dataclass(frozen=True)
class Page:
    path: str
    markdown: str
    source: str | None = None
    in_nav: bool = False
    listing: bool = False

    @property
    def plan(self) -> PagePlan:
        return PagePlan(self.path, self.source, self.in_nav, self.listing)


@dataclass(frozen=True)
class PageGroup:
    """Pages rendered together (a person's page and its list pages, the timeline and its months),
    with their plans worked out beforehand from the same index."""
    plans: tuple[PagePlan, ...]
    make: Callable[[], list[Page]]

    def render(self) -> list[Page]:
        pages = self.make()
        if tuple(page.plan for page in pages) != self.plans:  # a planner and its renderer disagree: a bug
            raise RuntimeError(f"Seitenplan und Seiten weichen ab: {self.plans} / {[p.plan for p in pages]}")
        return pages


def single(plan: PagePlan, make: Callable[[], Page]) -> PageGroup:
    return PageGroup((plan,), lambda: [make()])


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
    markdown = tidy(render(template, **context))
    return Page(path, _not_searched(markdown) if listing else markdown, source, in_nav, listing)


def _not_searched(markdown: str) -> str:
    """A listing says in its front matter that the site search skips it (Material's own key; the theme
    and the hook read it, see site_search.searched): it would outrank the pages it lists."""
    if markdown.startswith("---\n"):
        return "---\n" + _EXCLUDED + markdown[4:]
    return f"---\n{_EXCLUDED}---\n\n{markdown}"


class Views:
    def __init__(self, index: ChronicleIndex) -> None:
        self.index = index

    @cached_property
    def maps(self) -> Maps:
        """The maps of this build: outlines drawn once per frame, shared by the pages."""
        return Maps(self.index)

    @cached_property
    def overview_chart(self) -> str:
        """The SVG overview chart, drawn once for the start page and the timeline."""
        return overview_html(self.index.chronicle)

    def event_item(self, event: Event, here: str, person_id: str | None = None) -> dict[str, Any]:
        """An event in a list. With `person_id` (a person's own list), the note beside that person."""
        index = self.index
        stale = index.stale_label(event)
        return {
            "title": event.title,
            "link": link(here, event_path(event.id)),
            "date": index.date_text(event),
            "short_date": index.short_date_text(event),  # "Mo., 22. Dez. 2025"
            "month_date": index.short_date_text(event, year=False),  # under a month heading: "Mo., 22. Dez."
            "time": index.time_text(event),  # "12:30 Uhr", "abends"
            "iso": event.date.iso(),
            "day_long": index.days_after_election(event),  # "8 Tage nach der Wahl", on the event's page
            "status": event.status,
            # The label beside the event: "geplant, Stand 22. Dezember 2025" for a plan whose date has
            # passed, the status for other plans, nothing for what happened.
            "badge": stale or (None if event.status == "happened" else index.status_label(event)),
            "set_back": event.status != "happened",  # plans and what did not happen: smaller, muted
            "place": event.place,
            "teaser": keep_together(index.teaser(event)),  # "58,16 %" stays on one line
            "note": event.note(person_id) if person_id else None,
        }

    def person(self, person_id: str, here: str, event: Event | None = None) -> dict[str, Any]:
        """A person; for an event, with the role they held on its date (as it reads after the name in a
        sentence: "designierter Präsident Chiles") and the note of this event."""
        person = self.index.people[person_id]
        return {"name": person.name, "description": person.description,
                "link": link(here, person_path(person_id)),
                "role": in_sentence(self.index.role(person_id, event)) if event else person.description,
                "note": event.note(person_id) if event else None}

    def quote(self, event: Event, quote: Quote, here: str) -> dict[str, Any]:
        """A quote as pages show it: the German text; a translation says so and offers the original words
        in their language; the source that reports it by its publisher."""
        source = event.sources[quote.source - 1] if quote.source else None
        return {"text": quote.text, "by": self.person(quote.by, here, event),
                "original": quote.original, "language": quote.language,
                "language_name": languages.german_name(quote.language) if quote.language else None,
                "source": source.publisher if source else None}

    def role(self, role: Role, here: str) -> dict[str, Any]:
        """An office with its span and, where the file names one, what reports it: an event or an address."""
        source = role.source
        event = self.index.by_id.get(source) if source else None
        return {"title": role.title, "span": role_span(role.start, role.end),
                "source_title": event.title if event else None,
                "source_link": link(here, event_path(event.id)) if event else source}

    def figures(self, event: Event) -> list[dict[str, Any]]:
        """The figures of an event by label, in file order; a label whose sources give different
        values says so, and every value keeps its source (nothing is picked, nothing filled in)."""
        labels: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for figure in event.figures:
            source = event.sources[figure.source - 1]
            labels[figure.label].append({"value": keep_together(figure.value), "number": figure.source,
                                         "source": f"{source.publisher}: {source.title}"})
        return [{"label": label, "entries": values,
                 "note": "Die Quellen weichen ab" if len({v["value"] for v in values}) > 1 else None}
                for label, values in labels.items()]

    def country(self, code: str, here: str) -> dict[str, Any]:
        return {"code": code, "name": countries.german_name(code), "dative": countries.dative(code),
                "link": link(here, country_path(code))}

    def topic(self, topic_id: str, here: str) -> dict[str, Any]:
        return {"label": self.index.settings.topics[topic_id], "link": link(here, topic_path(topic_id))}

    def months(self, events: Iterable[Event], here: str) -> list[dict[str, Any]]:
        """Events grouped by the month they start in; vague ones under "Ohne festen Termin".
        `anchor` is the heading's id as Python-Markdown's toc extension makes it."""
        return [{"heading": month_heading(*key), "anchor": month_anchor(*key), "in_month": key != UNSCHEDULED,
                 "events": [self.event_item(e, here) for e in group]}
                for key, group in month_groups(events, self.index.is_unscheduled)]


def search_data(filters: Iterable[tuple[str, str]] = (), meta: dict[str, str] | None = None,
                sort: dict[str, str] | None = None) -> dict[str, Any]:
    """What the site search needs: filter values, result metadata and sort keys."""
    return {"filters": list(filters), "meta": sorted((meta or {}).items()), "sort": sorted((sort or {}).items())}


UNSCHEDULED: MonthKey = (0, 0)  # the group of events without a month of their own, listed last


def month_groups(events: Iterable[Event], unscheduled: Callable[[Event], bool]) -> list[tuple[MonthKey, list[Event]]]:
    """(year, month) and its events, in order; events with only a year or a range over more than a
    month (`unscheduled`) form one group UNSCHEDULED after all months."""
    groups: dict[MonthKey, list[Event]] = defaultdict(list)
    for event in events:
        groups[month_key(event, unscheduled)].append(event)
    return [(key, groups[key]) for key in sorted(groups, key=lambda ym: (ym == UNSCHEDULED, ym))]


def month_key(event: Event, unscheduled: Callable[[Event], bool]) -> MonthKey:
    """The group an event is listed under: its first month, or UNSCHEDULED."""
    return UNSCHEDULED if unscheduled(event) else (event.date.first.year, event.date.first.month)


def month_anchor(year: int, month: int) -> str:
    """The id Python-Markdown's toc extension gives the month's heading."""
    return slugify(month_heading(year, month), "-")


def month_heading(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month]} {year}" if (year, month) != UNSCHEDULED else "Ohne festen Termin"


def month_span(first: Event, last: Event) -> str:
    """`Dezember 2025 – März 2026`: the months a page of a long list covers."""
    start, end = (str(e.date.first.year) if e.date.precision == YEAR
                  else f"{MONTH_NAMES[e.date.first.month]} {e.date.first.year}" for e in (first, last))
    return start if start == end else f"{start} – {end}"


def role_span(start, end) -> str:
    if end is None:
        return f"seit {format_span(start, None)}"
    return f"{format_span(start, None)} bis {format_span(end, None)}"
