"""Turn a chronicle into pages: (path, Markdown) pairs, ready for any site engine.

All grouping and sorting happens here, explicitly; the templates only loop and format.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import jinja2

from . import countries, structured_data
from .chart import overview_html
from .dates import MONTH_NAMES, YEAR, format_day, format_span
from .model import Chronicle, Event, Person
# Page addresses live with the other published addresses (published.py); callers may import them from here.
from .published import (CALENDAR_ALL, CALENDAR_PLANNED, COUNTRIES_INDEX, DATA_CSV, DATA_JSON, DATA_SCHEMA,
                        PEOPLE_INDEX, SITE_FEED, TIMELINE, TOPICS_INDEX, country_feed_path, country_path, event_path,
                        person_feed_path, person_path, revised, topic_path)
from .text import escape_markdown, escape_url, fold, sort_key

STATUS_LABELS = {
    "happened": "stattgefunden",
    "planned": "geplant",
    "tentative": "möglich, unbestätigt",
    "postponed": "verschoben",
    "cancelled": "abgesagt",
}
LATEST_COUNT = 5
UPCOMING_COUNT = 5
COMPANIONS_COUNT = 10

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # we write Markdown; plain text goes through the `md` filter
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_TEMPLATES.filters["md"] = escape_markdown
_TEMPLATES.filters["url"] = escape_url
_TEMPLATES.filters["attr"] = lambda text: html.escape(str(text), quote=True)
_MARKER = re.compile(r"<!--\s*chronik:\s*([a-z-]+)\s*-->")


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site's docs root, e.g. "ereignisse/<id>.md"
    markdown: str
    source: str | None = None  # the data file the Edit link opens, relative to the project root
    in_nav: bool = False


def country_codes(chronicle: Chronicle) -> list[str]:
    """Every country with a page: those of the events and of the people, by German name."""
    codes = {code for event in chronicle.events for code in event.countries}
    codes.update(code for person in chronicle.people.values() for code in person.countries)
    return sorted(codes, key=lambda code: sort_key(countries.german_name(code)))


def build_pages(chronicle: Chronicle) -> list[Page]:
    """Every generated page of the chronicle, in a fixed order."""
    return _Builder(chronicle).pages()


def build_fragments(chronicle: Chronicle) -> dict[str, str]:
    """Generated pieces for hand-written pages, placed by `<!-- chronik: name -->` markers."""
    return _Builder(chronicle).fragments()


def expand_markers(markdown: str, fragments: dict[str, str], page_path: str) -> str:
    """Replace `<!-- chronik: name -->` markers; links in fragments are relative to the docs root."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise KeyError(f"{page_path}: unbekannter Platzhalter `chronik: {name}`; "
                           f"bekannt sind: {', '.join(sorted(fragments))}")
        return _rebase_links(fragments[name], page_path)
    return _MARKER.sub(replace, markdown)


def write_pages(pages: Iterable[Page], folder: Path) -> list[Path]:
    """Write pages as Markdown files below `folder` (for other site engines or inspection)."""
    written = []
    for page in pages:
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
        written.append(target)
    return written


def _rebase_links(markdown: str, page_path: str) -> str:
    prefix = posixpath.relpath(".", posixpath.dirname(page_path) or ".")
    if prefix == ".":
        return markdown
    return re.sub(r"\]\((?!https?:)([^)]+)\)", lambda m: f"]({prefix}/{m.group(1)})", markdown)


class _Builder:
    def __init__(self, chronicle: Chronicle) -> None:
        self.chronicle = chronicle
        self.settings = chronicle.settings
        self.events = chronicle.events
        self.by_id = {event.id: event for event in self.events}
        self.children: dict[str, list[Event]] = defaultdict(list)
        self.by_person: dict[str, list[Event]] = defaultdict(list)
        self.by_country: dict[str, list[Event]] = defaultdict(list)
        self.by_topic: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:  # already in date order, so every list below is too
            if event.part_of:
                self.children[event.part_of].append(event)
            for person_id in event.people:
                self.by_person[person_id].append(event)
            for code in event.countries:
                self.by_country[code].append(event)
            for topic_id in event.topics:
                self.by_topic[topic_id].append(event)
        self.country_codes = country_codes(chronicle)

    # Pages
    def pages(self) -> list[Page]:
        pages = [self._event_page(event) for event in self.events]
        pages += [self._person_page(person) for person in self.chronicle.people.values()]
        pages += [self._country_page(code) for code in self.country_codes]
        pages += [self._topic_page(topic_id) for topic_id in self.settings.topics if topic_id in self.by_topic]
        pages += [
            self._render(TIMELINE, "timeline.md.j2", in_nav=True, months=self._months(self.events),
                         chart=overview_html(self.chronicle)),
            self._render(PEOPLE_INDEX, "people_index.md.j2", in_nav=True, letters=self._people_by_letter()),
            self._render(COUNTRIES_INDEX, "countries_index.md.j2", in_nav=True,
                         countries=[self._country(code, COUNTRIES_INDEX) | {"count": len(self.by_country[code])}
                                    for code in self.country_codes]),
            self._render(TOPICS_INDEX, "topics_index.md.j2", in_nav=True, topics=[
                {"label": label, "link": _link(TOPICS_INDEX, topic_path(topic_id)),
                 "count": len(self.by_topic[topic_id])}
                for topic_id, label in sorted(self.settings.topics.items(), key=lambda item: sort_key(item[1]))
                if topic_id in self.by_topic]),
        ]
        return pages

    def fragments(self) -> dict[str, str]:
        today = self.chronicle.today
        latest = sorted((e for e in self.events if e.status == "happened" and e.date.first <= today),
                        key=lambda e: (e.date.first, e.id), reverse=True)  # vague dates count from their start
        upcoming = [e for e in self.events if e.is_open and (e.end or e.date).last >= today]
        overdue = [e for e in self.events if e.is_open and (e.end or e.date).last < today]
        here = "index.md"
        fragments = {
            "zahlen": _TEMPLATES.get_template("fragment_counts.md.j2").render(
                events=len(self.events), people=len(self.chronicle.people), countries=len(self.country_codes)),
            "neueste": _TEMPLATES.get_template("fragment_events.md.j2").render(
                events=[self._event_item(e, here) for e in latest[:LATEST_COUNT]],
                empty="Noch keine stattgefundenen Ereignisse verzeichnet."),
            "geplant": _TEMPLATES.get_template("fragment_upcoming.md.j2").render(
                events=[self._event_item(e, here) for e in upcoming[:UPCOMING_COUNT]],
                overdue=[self._event_item(e, here) for e in overdue],
                today=format_day(today)),
            "verlauf": overview_html(self.chronicle),
            "lizenz": _TEMPLATES.get_template("fragment_licence.md.j2").render(licence=self.settings.licence),
            "dateien": _TEMPLATES.get_template("fragment_files.md.j2").render(files=[
                {"name": path.rsplit("/", 1)[-1], "path": path, "text": text,
                 "address": (self.settings.site_url or "") + path} for path, text in (
                    (SITE_FEED, "Feed (Atom) mit allen Ereignissen"),
                    (CALENDAR_ALL, "Kalender (iCalendar) mit allen Ereignissen"),
                    (CALENDAR_PLANNED, "Kalender mit den Plänen: geplant, möglich, verschoben, abgesagt"),
                    (DATA_JSON, "Alle Ereignisse, Personen, Länder und Themen (JSON)"),
                    (DATA_SCHEMA, "Beschreibung der JSON-Datei (JSON Schema)"),
                    (DATA_CSV, "Eine Zeile je Ereignis (CSV)"))]),
            "zitieren": _TEMPLATES.get_template("fragment_citation.md.j2").render(
                title=self.settings.title, url=self.settings.site_url,
                updated=format_day(max((revised(e) for e in self.events), default=self.settings.election))),
        }
        return {name: _tidy(markdown) for name, markdown in fragments.items()}

    def _event_page(self, event: Event) -> Page:
        here = event_path(event.id)
        parent = self.by_id.get(event.part_of) if event.part_of else None
        newest = event.newest_source_date
        return self._render(
            here, "event.md.j2", source=event.path,
            event=event,
            date_text=format_span(event.date, event.end, event.approximate),
            day=self._day_label(event),
            status_label=STATUS_LABELS[event.status],
            overdue=event.is_open and (event.end or event.date).last < self.chronicle.today,
            newest_source=format_span(newest, None) if newest else None,
            people=[self._person(pid, here) for pid in event.people],
            countries=[self._country(code, here) for code in event.countries],
            topics=[self._topic(tid, here) for tid in event.topics],
            quotes=[{"text": q.text, "by": self._person(q.by, here)} for q in event.quotes],
            parent=self._event_item(parent, here) if parent else None,
            siblings=[self._event_item(e, here) for e in self.children[parent.id] if e.id != event.id] if parent else [],
            children=[self._event_item(e, here) for e in self.children[event.id]],
            sources=[{"publisher": s.publisher, "title": s.title, "url": s.url, "archive_url": s.archive_url,
                      "date": format_span(s.date, None) if s.date else None} for s in event.sources],
            corrections=[{"date": format_span(c.date, None), "text": c.text} for c in event.corrections],
            json_ld=structured_data.script_element(structured_data.event_data(self.chronicle, event, parent)),
            search=self._search_data(
                filters=[("Person", self.chronicle.people[pid].name) for pid in event.people]
                + [("Land", countries.german_name(code)) for code in event.countries]
                + [("Status", STATUS_LABELS[event.status]), ("Jahr", str(event.date.first.year))],
                meta={"art": "Ereignis", "datum": format_span(event.date, event.end, event.approximate)}),
        )

    def _person_page(self, person: Person) -> Page:
        here = person_path(person.id)
        events = self.by_person[person.id]
        companions = Counter(pid for event in events for pid in event.people if pid != person.id)
        event_countries = Counter(code for event in events for code in event.countries)
        quotes = [{"text": q.text, "event": self._event_item(event, here)}
                  for event in events for q in event.quotes if q.by == person.id]
        return self._render(
            here, "person.md.j2", source=person.path,
            person=person,
            roles=[{"title": r.title, "span": _role_span(r.start, r.end)} for r in person.roles],
            events=[self._event_item(e, here) for e in events],
            quotes=quotes,
            companions=[self._person(pid, here) | {"count": count}
                        for pid, count in sorted(companions.items(),
                                                 key=lambda item: (-item[1], self._person_sort(item[0])))
                        ][:COMPANIONS_COUNT],
            countries=[self._country(code, here) | {"count": count}
                       for code, count in sorted(event_countries.items(),
                                                 key=lambda item: (-item[1], sort_key(countries.german_name(item[0]))))],
            home=[self._country(code, here) for code in person.countries],
            feed=_link(here, person_feed_path(person.id)),
            json_ld=structured_data.script_element(structured_data.person_data(self.chronicle, person)),
            search=self._search_data(filters=[("Person", person.name)], meta={"art": "Person"},
                                     names=[person.name, *person.aliases]),
        )

    def _country_page(self, code: str) -> Page:
        here = country_path(code)
        people = sorted((p for p in self.chronicle.people.values() if code in p.countries),
                        key=lambda p: sort_key(p.sort_name))
        return self._render(
            here, "country.md.j2",
            country=self._country(code, here),
            spanish_name=countries.spanish_name(code),
            events=[self._event_item(e, here) for e in self.by_country[code]],
            people=[self._person(p.id, here) for p in people],
            feed=_link(here, country_feed_path(code)),
            search=self._search_data(filters=[("Land", countries.german_name(code))], meta={"art": "Land"},
                                     names=sorted({countries.german_name(code), countries.spanish_name(code)})),
        )

    def _topic_page(self, topic_id: str) -> Page:
        here = topic_path(topic_id)
        return self._render(here, "topic.md.j2", label=self.settings.topics[topic_id],
                            months=self._months(self.by_topic[topic_id], here),
                            search=self._search_data(meta={"art": "Thema"}))

    # View pieces
    @staticmethod
    def _search_data(filters: list[tuple[str, str]] = (), meta: dict[str, str] | None = None,
                     names: list[str] = ()) -> dict[str, Any]:
        """What the site search needs: filter values, result metadata, names to rank first."""
        return {"filters": list(filters), "meta": sorted((meta or {}).items()), "names": list(names)}

    def _render(self, path: str, template: str, source: str | None = None, in_nav: bool = False,
                **context: Any) -> Page:
        markdown = _TEMPLATES.get_template(template).render(**context)
        return Page(path, _tidy(markdown), source, in_nav)

    def _event_item(self, event: Event, here: str) -> dict[str, Any]:
        return {
            "title": event.title,
            "link": _link(here, event_path(event.id)),
            "date": format_span(event.date, event.end, event.approximate),
            "day": self._day_label(event),
            "status": event.status,
            "status_label": STATUS_LABELS[event.status],
        }

    def _person(self, person_id: str, here: str) -> dict[str, Any]:
        person = self.chronicle.people[person_id]
        return {"name": person.name, "description": person.description,
                "link": _link(here, person_path(person_id))}

    def _person_sort(self, person_id: str) -> tuple[str, str]:
        return sort_key(self.chronicle.people[person_id].sort_name)

    def _country(self, code: str, here: str) -> dict[str, Any]:
        return {"code": code, "name": countries.german_name(code), "flag": countries.flag(code),
                "link": _link(here, country_path(code))}

    def _topic(self, topic_id: str, here: str) -> dict[str, Any]:
        return {"label": self.settings.topics[topic_id], "link": _link(here, topic_path(topic_id))}

    def _day_label(self, event: Event) -> str | None:
        """`Tag 9`: the day of the transition, counting the election day as day 1; only for exact days."""
        if event.date.precision != "day" or event.approximate or event.date.first < self.settings.election:
            return None
        return f"Tag {(event.date.first - self.settings.election).days + 1}"

    def _months(self, events: list[Event] | tuple[Event, ...], here: str = TIMELINE) -> list[dict[str, Any]]:
        """Events grouped by the month they start in; year-only dates form their own group."""
        groups: dict[tuple[int, int], list[Event]] = defaultdict(list)
        for event in events:
            month = 0 if event.date.precision == YEAR else event.date.first.month
            groups[(event.date.first.year, month)].append(event)
        return [{"heading": f"{MONTH_NAMES[month]} {year}" if month else f"{year} (Monat unbekannt)",
                 "events": [self._event_item(e, here) for e in groups[(year, month)]]}
                for year, month in sorted(groups, key=lambda ym: (ym[0], ym[1] or 13))]

    def _people_by_letter(self) -> list[dict[str, Any]]:
        letters: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for person in sorted(self.chronicle.people.values(), key=lambda p: sort_key(p.sort_name)):
            letter = fold(person.sort_name)[:1].upper()
            letter = letter if letter.isalpha() else "#"
            letters[letter].append(self._person(person.id, PEOPLE_INDEX) | {
                "sort_name": person.sort_name, "count": len(self.by_person[person.id])})
        return [{"letter": letter, "people": letters[letter]} for letter in sorted(letters)]


def _tidy(markdown: str) -> str:
    """At most one blank line in a row and one newline at the end: templates stay readable."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def _link(here: str, target: str) -> str:
    """A relative Markdown link from one page to another; MkDocs checks and rewrites it."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _role_span(start, end) -> str:
    if end is None:
        return f"seit {format_span(start, None)}"
    return f"{format_span(start, None)} bis {format_span(end, None)}"
