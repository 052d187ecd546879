"""Turn a chronicle into pages: (path, Markdown) pairs, ready for any site engine.

All grouping and sorting happens here, explicitly; the templates only loop and format.

No page grows with the whole chronicle. A short chronicle keeps one page per list; past the
thresholds below, lists are split (pages past the first stay outside the navigation, and all
lists are marked `listing`, so the site search skips them):
- the timeline (more than TIMELINE_SPLIT events): `zeitleiste.md` shows the overview chart and
  every month with its count; each month has `zeitleiste/JJJJ-MM.md` (dates known only to the
  year: `zeitleiste/JJJJ.md`) with links to the previous and next month and the overview;
- the events of a person, country or topic (more than LISTING_PAGE_SIZE): oldest first, like
  the timeline, LISTING_PAGE_SIZE to a page, grouped by year (topics: by month). The first page
  is the person's, country's or topic's own page; pages 2, 3, … are `<page>/seite-N.md`. Each
  page says which events it holds and links to every other page with the months it covers, so
  the newest events are one click away. A person's quotes are shown with their events' page;
- the people index (more than PEOPLE_INDEX_SPLIT people): `personen/index.md` lists the letters,
  one page `personen/verzeichnis/<buchstabe>.md` per letter (letters beyond A–Z: `weitere`).
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
from .dates import MONTH_NAMES, YEAR, day_of_transition, format_day, format_span
from .model import Chronicle, Event, Person
# Page addresses live with the other published addresses (published.py); callers may import them from here.
from .published import (CALENDAR_ALL, CALENDAR_PLANNED, COUNTRIES_INDEX, DATA_CSV, DATA_JSON, DATA_SCHEMA,
                        PEOPLE_INDEX, SITE_FEED, TIMELINE, TOPICS_INDEX, country_feed_path, country_path, event_path,
                        person_feed_path, person_path, revised, topic_path)
from .site_search import name_weight
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
# Pages that do not grow with the chronicle. Below these sizes every list stays on one page, as readers
# of a short chronicle expect; above them the list is split, so that no page passes ~300 KB of HTML.
TIMELINE_SPLIT = 300  # more events: zeitleiste.md becomes an overview, one page per month below zeitleiste/
LISTING_PAGE_SIZE = 100  # more events of one person, country or topic: grouped by year, 100 to a page
PEOPLE_INDEX_SPLIT = 500  # more people: personen/index.md lists the letters, one page per letter

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
    listing: bool = False  # a list of other pages: kept out of the site search, it would outrank them


def timeline_month_path(year: int, month: int) -> str:
    """One month of a split timeline; month 0 holds the year's events without a known month."""
    return f"zeitleiste/{year}-{month:02d}.md" if month else f"zeitleiste/{year}.md"


def listing_page_path(first_page: str, number: int) -> str:
    """Page 2, 3, … of a long list whose first page is `first_page` (e.g. personen/<id>.md)."""
    return f"{first_page.removesuffix('.md')}/seite-{number}.md"


def people_letter_path(slug: str) -> str:
    return f"personen/verzeichnis/{slug}.md"


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
        pages += [page for person in self.chronicle.people.values() for page in self._person_pages(person)]
        pages += [page for code in self.country_codes for page in self._country_pages(code)]
        pages += [page for topic_id in self.settings.topics if topic_id in self.by_topic
                  for page in self._topic_pages(topic_id)]
        pages += self._timeline_pages()
        pages += self._people_index_pages()
        pages += [
            self._render(COUNTRIES_INDEX, "countries_index.md.j2", in_nav=True, listing=True,
                         countries=[self._country(code, COUNTRIES_INDEX) | {"count": len(self.by_country[code])}
                                    for code in self.country_codes]),
            self._render(TOPICS_INDEX, "topics_index.md.j2", in_nav=True, listing=True, topics=[
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

    def _person_pages(self, person: Person) -> list[Page]:
        here = person_path(person.id)
        events = self.by_person[person.id]
        companions = Counter(pid for event in events for pid in event.people if pid != person.id)
        event_countries = Counter(code for event in events for code in event.countries)
        chunks = _paginate(here, events)

        def quotes(chunk: list[Event], page: str) -> list[dict[str, Any]]:  # a long list: the quotes of its page
            return [{"text": q.text, "event": self._event_item(event, page)}
                    for event in chunk for q in event.quotes if q.by == person.id]

        first = self._render(
            here, "person.md.j2", source=person.path,
            person=person,
            roles=[{"title": r.title, "span": _role_span(r.start, r.end)} for r in person.roles],
            events=[self._event_item(e, here) for e in chunks[0][1]],
            paged=self._paged(chunks, 0),
            quotes=quotes(chunks[0][1], here),
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
                                     names=[person.name, *person.aliases])
            | {"weight": name_weight(len(events), len(self.events), person.id == self.settings.president_elect)},
        )
        return [first, *self._more_pages(chunks, person.name, "", here, quotes)]

    def _country_pages(self, code: str) -> list[Page]:
        here = country_path(code)
        people = sorted((p for p in self.chronicle.people.values() if code in p.countries),
                        key=lambda p: sort_key(p.sort_name))
        chunks = _paginate(here, self.by_country[code])
        first = self._render(
            here, "country.md.j2",
            country=self._country(code, here),
            spanish_name=countries.spanish_name(code),
            events=[self._event_item(e, here) for e in chunks[0][1]],
            paged=self._paged(chunks, 0),
            people=[self._person(p.id, here) for p in people],
            feed=_link(here, country_feed_path(code)),
            search=self._search_data(filters=[("Land", countries.german_name(code))], meta={"art": "Land"},
                                     names=sorted({countries.german_name(code), countries.spanish_name(code)})),
        )
        name = countries.german_name(code)
        return [first, *self._more_pages(chunks, name, countries.flag(code) + " ", here)]

    def _topic_pages(self, topic_id: str) -> list[Page]:
        here = topic_path(topic_id)
        label = self.settings.topics[topic_id]
        chunks = _paginate(here, self.by_topic[topic_id])
        first = self._render(here, "topic.md.j2", label=label, months=self._months(chunks[0][1], here),
                             paged=self._paged(chunks, 0), search=self._search_data(meta={"art": "Thema"}))
        return [first, *self._more_pages(chunks, label, "Thema: ", here)]

    def _paged(self, chunks: list[tuple[str, list[Event]]], index: int) -> dict[str, Any] | None:
        """Page `index` of a list split into pages: its events by year and the links to the other pages."""
        if len(chunks) == 1:
            return None
        here, events = chunks[index]
        years: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for event in events:
            years[event.date.first.year].append(self._event_item(event, here))
        return {
            "number": index + 1, "total": len(chunks), "size": LISTING_PAGE_SIZE,
            "first": index * LISTING_PAGE_SIZE + 1, "last": index * LISTING_PAGE_SIZE + len(events),
            "count": sum(len(chunk) for _, chunk in chunks),
            "years": [{"year": year, "events": items} for year, items in years.items()],
            "previous": _link(here, chunks[index - 1][0]) if index else None,
            "next": _link(here, chunks[index + 1][0]) if index + 1 < len(chunks) else None,
            "pages": [{"number": number, "link": _link(here, path), "current": number == index + 1,
                       "span": _month_span(chunk[0], chunk[-1])}
                      for number, (path, chunk) in enumerate(chunks, 1)],
        }

    def _more_pages(self, chunks: list[tuple[str, list[Event]]], name: str, prefix: str, first: str,
                    quotes: Any = None) -> list[Page]:
        """Pages 2, 3, … of a long list: listings, outside the navigation and the search."""
        return [self._render(path, "listing.md.j2", listing=True, name=name, prefix=prefix,
                             back=_link(path, first), paged=self._paged(chunks, index),
                             quotes=quotes(chunk, path) if quotes else [])
                for index, (path, chunk) in enumerate(chunks) if index]

    def _timeline_pages(self) -> list[Page]:
        chart = overview_html(self.chronicle)
        if len(self.events) <= TIMELINE_SPLIT:
            return [self._render(TIMELINE, "timeline.md.j2", in_nav=True, listing=True,
                                 months=self._months(self.events), chart=chart)]
        groups = self._month_groups(self.events)
        paths = [timeline_month_path(year, month) for (year, month), _ in groups]
        years: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for path, ((year, month), events) in zip(paths, groups):
            years[year].append({"label": MONTH_NAMES[month] if month else "Monat unbekannt",
                                "link": _link(TIMELINE, path), "count": len(events)})
        pages = [self._render(TIMELINE, "timeline_overview.md.j2", in_nav=True, listing=True, chart=chart,
                              total=len(self.events),
                              years=[{"year": year, "months": months, "count": sum(m["count"] for m in months)}
                                     for year, months in years.items()])]
        for index, ((year, month), events) in enumerate(groups):
            here = paths[index]
            neighbours = {name: {"label": _month_heading(*groups[other][0]), "link": _link(here, paths[other])}
                          for name, other in (("previous", index - 1), ("next", index + 1))
                          if 0 <= other < len(groups)}
            pages.append(self._render(here, "timeline_month.md.j2", listing=True,
                                      heading=_month_heading(year, month), overview=_link(here, TIMELINE),
                                      previous=neighbours.get("previous"), next=neighbours.get("next"),
                                      events=[self._event_item(e, here) for e in events]))
        return pages

    def _people_index_pages(self) -> list[Page]:
        if len(self.chronicle.people) <= PEOPLE_INDEX_SPLIT:
            return [self._render(PEOPLE_INDEX, "people_index.md.j2", in_nav=True, listing=True,
                                 letters=self._people_by_letter(PEOPLE_INDEX))]
        slugs: dict[str, list[str]] = defaultdict(list)  # page -> its letters; letters beyond A–Z share one
        for group in self._people_by_letter(PEOPLE_INDEX):
            letter = group["letter"]
            slugs[letter.lower() if "A" <= letter <= "Z" else "weitere"].append(letter)
        pages = [self._render(PEOPLE_INDEX, "people_index_letters.md.j2", in_nav=True, listing=True,
                              total=len(self.chronicle.people), letters=[
                                  {"label": " ".join(letters), "link": _link(PEOPLE_INDEX, people_letter_path(slug)),
                                   "count": sum(len(self.by_letter[letter]) for letter in letters)}
                                  for slug, letters in slugs.items()])]
        for slug, letters in slugs.items():
            here = people_letter_path(slug)
            pages.append(self._render(here, "people_index.md.j2", listing=True, title=" ".join(letters),
                                      overview=_link(here, PEOPLE_INDEX),
                                      letters=[group for group in self._people_by_letter(here)
                                               if group["letter"] in letters]))
        return pages

    # View pieces
    @staticmethod
    def _search_data(filters: list[tuple[str, str]] = (), meta: dict[str, str] | None = None,
                     names: list[str] = ()) -> dict[str, Any]:
        """What the site search needs: filter values, result metadata, names to rank first."""
        return {"filters": list(filters), "meta": sorted((meta or {}).items()), "names": list(names)}

    def _render(self, path: str, template: str, source: str | None = None, in_nav: bool = False,
                listing: bool = False, **context: Any) -> Page:
        markdown = _TEMPLATES.get_template(template).render(**context)
        return Page(path, _tidy(markdown), source, in_nav, listing)

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
        return f"Tag {day_of_transition(self.settings.election, event.date.first)}"

    def _months(self, events: list[Event] | tuple[Event, ...], here: str = TIMELINE) -> list[dict[str, Any]]:
        """Events grouped by the month they start in; year-only dates form their own group."""
        return [{"heading": _month_heading(year, month), "events": [self._event_item(e, here) for e in group]}
                for (year, month), group in self._month_groups(events)]

    @staticmethod
    def _month_groups(events: Iterable[Event]) -> list[tuple[tuple[int, int], list[Event]]]:
        """(year, month) and its events, in order; month 0 (year-only dates) after the year's December."""
        groups: dict[tuple[int, int], list[Event]] = defaultdict(list)
        for event in events:
            month = 0 if event.date.precision == YEAR else event.date.first.month
            groups[(event.date.first.year, month)].append(event)
        return [(key, groups[key]) for key in sorted(groups, key=lambda ym: (ym[0], ym[1] or 13))]

    @property
    def by_letter(self) -> dict[str, list[Person]]:
        """People by the first letter of their sort name (A–Z without accents; "#" for the rest)."""
        if not hasattr(self, "_by_letter"):
            letters: dict[str, list[Person]] = defaultdict(list)
            for person in sorted(self.chronicle.people.values(), key=lambda p: sort_key(p.sort_name)):
                letter = fold(person.sort_name)[:1].upper()
                letters[letter if letter.isalpha() else "#"].append(person)
            self._by_letter = {letter: letters[letter] for letter in sorted(letters)}
        return self._by_letter

    def _people_by_letter(self, here: str) -> list[dict[str, Any]]:
        return [{"letter": letter, "people": [self._person(person.id, here) | {
                    "sort_name": person.sort_name, "count": len(self.by_person[person.id])} for person in people]}
                for letter, people in self.by_letter.items()]


def _tidy(markdown: str) -> str:
    """At most one blank line in a row and one newline at the end: templates stay readable."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def _link(here: str, target: str) -> str:
    """A relative Markdown link from one page to another; MkDocs checks and rewrites it."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _paginate(first_page: str, events: list[Event]) -> list[tuple[str, list[Event]]]:
    """A list of events as pages of LISTING_PAGE_SIZE, oldest first: (path, events) for each page."""
    chunks = [events[start:start + LISTING_PAGE_SIZE] for start in range(0, len(events), LISTING_PAGE_SIZE)]
    return [(first_page if number == 1 else listing_page_path(first_page, number), chunk)
            for number, chunk in enumerate(chunks or [[]], 1)]


def _month_heading(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month]} {year}" if month else f"{year} (Monat unbekannt)"


def _month_span(first: Event, last: Event) -> str:
    """`Dezember 2025 – März 2026`: the months a page of a long list covers."""
    start, end = (str(e.date.first.year) if e.date.precision == YEAR
                  else f"{MONTH_NAMES[e.date.first.month]} {e.date.first.year}" for e in (first, last))
    return start if start == end else f"{start} – {end}"


def _role_span(start, end) -> str:
    if end is None:
        return f"seit {format_span(start, None)}"
    return f"{format_span(start, None)} bis {format_span(end, None)}"
