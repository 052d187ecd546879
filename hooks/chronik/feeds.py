"""Atom feeds (RFC 4287): the whole chronicle, and one per person and per country.

Entries are events, newest event date first. Each has a permanent id from the event's id, and
`updated` from its data (the newest source or correction, see `published.revised`), never from
the clock: a feed reader shows an entry again only when its data changed.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from . import countries
from .dates import format_span
from .model import Chronicle, Event
from .pages import STATUS_LABELS, country_codes, country_path, event_path, person_path
from .published import (SITE_FEED, SiteFile, country_feed_path, file_url, markdown_to_html, midnight_utc,
                        page_folder, page_url, person_feed_path, plain_text, revised, tag_uri)

# XML 1.0 allows no other control characters; YAML's "\x01" escapes could bring them in.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=jinja2.StrictUndefined,
    autoescape=True,  # XML: every value is escaped
    finalize=lambda value: _NOT_XML.sub("", value) if isinstance(value, str) else value,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


# A feed reader wants what is new, not the archive: at 10,000 events the person feed of the
# president-elect would otherwise be megabytes, fetched by every subscriber every hour.
FEED_ENTRIES = 100


@dataclass(frozen=True)
class Feed:
    path: str  # relative to the site root
    title: str
    subtitle: str
    page: str  # the page the feed belongs to, relative to the docs root
    events: tuple[Event, ...]  # in date order


def feeds(chronicle: Chronicle) -> list[Feed]:
    """Every feed of the chronicle, in a fixed order: the whole chronicle, people, countries."""
    title = chronicle.settings.title
    by_person: dict[str, list[Event]] = defaultdict(list)
    by_country: dict[str, list[Event]] = defaultdict(list)
    for event in chronicle.events:
        for person_id in event.people:
            by_person[person_id].append(event)
        for code in event.countries:
            by_country[code].append(event)
    newest = "das neueste Datum zuerst"
    result = [Feed(SITE_FEED, title, f"Alle Ereignisse der Chronik, {newest}.", "index.md", chronicle.events)]
    result += [Feed(person_feed_path(person.id), f"{title}: {person.name}",
                    f"Ereignisse der Chronik mit {person.name}, {newest}.", person_path(person.id),
                    tuple(by_person[person.id])) for person in chronicle.people.values()]
    result += [Feed(country_feed_path(code), f"{title}: {countries.german_name(code)}",
                    f"Ereignisse der Chronik mit Bezug zu {countries.german_name(code)}, {newest}.",
                    country_path(code), tuple(by_country[code])) for code in country_codes(chronicle)]
    return result


def build_feeds(chronicle: Chronicle) -> list[SiteFile]:
    template = _TEMPLATES.get_template("feed.atom.j2")
    entries: dict[str, dict[str, Any]] = {}  # an event is an entry in several feeds: render it once
    return [SiteFile(feed.path, template.render(feed=_feed_view(chronicle, feed, entries)).encode("utf-8"))
            for feed in feeds(chronicle)]


class HeadLinks:
    """The `<link rel="alternate">` element for each page's <head>: a person's or a country's page
    names its own feed, every other page the whole chronicle's. One per page, with a relative
    address, because Material fetches `sitemap.xml` beside each one (see `published.SITE_FEED`)."""

    def __init__(self, chronicle: Chronicle) -> None:
        title = chronicle.settings.title
        self._site = (SITE_FEED, title)
        self._own = {person_path(p.id): (person_feed_path(p.id), f"{title}: {p.name}")
                     for p in chronicle.people.values()}
        self._own |= {country_path(code): (country_feed_path(code), f"{title}: {countries.german_name(code)}")
                      for code in country_codes(chronicle)}

    def for_page(self, page_path: str) -> str:
        path, title = self._own.get(page_path, self._site)
        href = posixpath.relpath(path, page_folder(page_path) or ".")
        return (f'<link rel="alternate" type="application/atom+xml" title="{html.escape("Feed: " + title)}" '
                f'href="{html.escape(href)}">\n')


def _feed_view(chronicle: Chronicle, feed: Feed, rendered: dict[str, dict[str, Any]]) -> dict[str, Any]:
    settings = chronicle.settings
    newest_first = list(reversed(feed.events))[:FEED_ENTRIES]
    entries = [rendered.get(event.id) or rendered.setdefault(event.id, _entry_view(chronicle, event))
               for event in newest_first]
    newest = max((revised(event) for event in feed.events), default=settings.election)
    licence = settings.licence
    return {
        "id": tag_uri(settings, feed.path.removesuffix(".xml")),
        "title": feed.title,
        "subtitle": feed.subtitle,
        "updated": _timestamp(newest),
        "self": file_url(settings, feed.path),
        "page": page_url(settings, feed.page),
        "author": f"Mitwirkende der Chronik „{settings.title}“",
        "author_uri": page_url(settings, "index.md"),
        "rights": (f"{licence.name} ({licence.url})" if licence.url else licence.name) if licence else None,
        "entries": entries,
    }


def _entry_view(chronicle: Chronicle, event: Event) -> dict[str, Any]:
    settings = chronicle.settings
    date_text = format_span(event.date, event.end, event.approximate)
    facts = [date_text] + ([event.place] if event.place else [])
    status = STATUS_LABELS[event.status] if event.status != "happened" else None
    heading = " · ".join(facts) + (f" · {status}" if status else "")
    return {
        "id": tag_uri(settings, f"ereignis/{event.id}"),
        "title": event.title,
        "updated": _timestamp(revised(event)),
        "link": page_url(settings, event_path(event.id)),
        "categories": [{"term": topic_id, "label": settings.topics[topic_id]} for topic_id in event.topics],
        "summary": f"{heading}. {plain_text(event.summary)}",
        "content": f"<p><strong>{_html(date_text)}</strong>"
                   + "".join(f" · {_html(part)}" for part in facts[1:])
                   + (f" · <em>{_html(status)}</em>" if status else "") + "</p>\n"
                   + markdown_to_html(event.summary),
    }


def _timestamp(day: dt.date) -> str:
    return midnight_utc(day).isoformat().replace("+00:00", "Z")


def _html(text: str) -> str:
    return html.escape(text, quote=False)
