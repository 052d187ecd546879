"""Atom feeds (RFC 4287): the whole chronicle, and one per person and per country.

Entries are events, newest event date first. Each has a permanent id from the event's id, and
`updated` from its data (the newest source or correction, see `published.revised`), never from
the clock: a feed reader shows an entry again only when its data changed.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..chronicle import countries
from ..chronicle.index import ChronicleIndex
from ..chronicle.model import Event, chronological
from ..chronicle.roles import in_sentence
from ..pages.published import (SITE_FEED, own_feed_title, SiteFile, country_feed_path, country_path, event_path, file_url,
                        markdown_to_html, midnight_utc, page_url, person_feed_path, person_path,
                        revised, tag_uri)
from ..pages.templating import TEMPLATES


# A feed reader wants what is new, not the archive: at 10,000 events the person feed of the
# president-elect would otherwise be megabytes, fetched by every subscriber every hour. A person's or
# a country's feed follows one name, so fewer suffice (jekyll-feed and WordPress default to 10); with
# 100 each, the thousand such feeds of 10,000 events were half of the files beside the pages.
FEED_ENTRIES = 100
OWN_FEED_ENTRIES = 10


@dataclass(frozen=True)
class Feed:
    path: str  # relative to the site root
    title: str
    subtitle: str
    page: str  # the page the feed belongs to, relative to the docs root
    events: tuple[Event, ...]  # in date order
    limit: int  # the newest this many events are its entries
    mentions: frozenset[str] = frozenset()  # ids of events that only mention the feed's person: marked so


def feeds(index: ChronicleIndex) -> list[Feed]:
    """Every feed of the chronicle, in a fixed order: the whole chronicle, people, countries."""
    title = index.settings.title
    newest = "das neueste Datum zuerst"
    result = [Feed(SITE_FEED, title, f"Alle Ereignisse der Chronik, {newest}.", "index.md", index.events,
                   FEED_ENTRIES)]
    # A person's feed carries what their page lists: events with them and events that mention them.
    # Someone named nowhere yet has neither a feed nor a link to one (no empty feeds).
    result += [Feed(person_feed_path(person.id), own_feed_title(index, person.name),
                    f"Ereignisse der Chronik mit {person.name} und solche, die {person.name} erwähnen, {newest}.",
                    person_path(person.id),
                    chronological([*index.by_person[person.id], *index.mentioned_in[person.id]]), OWN_FEED_ENTRIES,
                    frozenset(e.id for e in index.mentioned_in[person.id]))
               for person in index.people.values() if index.by_person[person.id] or index.mentioned_in[person.id]]
    result += [Feed(country_feed_path(code), own_feed_title(index, countries.german_name(code)),
                    f"Ereignisse der Chronik mit Bezug zu {countries.dative(code)}, {newest}.",
                    country_path(code), tuple(index.by_country[code]), OWN_FEED_ENTRIES)
               for code in index.country_codes]
    return result


def build_feeds(index: ChronicleIndex) -> list[SiteFile]:
    template = TEMPLATES.get_template("feed.atom.j2")
    entries: dict[str, Markup] = {}  # an event is an entry in several feeds: render it once
    return [SiteFile(feed.path, template.render(feed=_feed_view(index, feed, entries)).encode("utf-8"))
            for feed in feeds(index)]


def _feed_view(index: ChronicleIndex, feed: Feed, rendered: dict[str, Markup]) -> dict[str, Any]:
    settings = index.settings
    newest_first = list(reversed(feed.events))[:feed.limit]
    entries = [_mention_entry(index, event) if event.id in feed.mentions
               else rendered.get(event.id) or rendered.setdefault(event.id, _entry(index, event))
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


def _entry(index: ChronicleIndex, event: Event) -> Markup:
    """The entry's XML, escaped by its template: the feed template puts it in as it is."""
    return Markup(TEMPLATES.get_template("feed_entry.atom.j2").render(e=_entry_view(index, event)))


def _mention_entry(index: ChronicleIndex, event: Event) -> Markup:
    """An event that only mentions the feed's person, marked as such in its title and first line."""
    view = _entry_view(index, event)
    view["title"] = f"Erwähnung: {event.title}"
    view["content"] = "<p><em>Erwähnung: Die Person dieses Feeds war nicht dabei.</em></p>\n" + view["content"]
    return Markup(TEMPLATES.get_template("feed_entry.atom.j2").render(e=view))


def _entry_view(index: ChronicleIndex, event: Event) -> dict[str, Any]:
    settings = index.settings
    date_text = index.date_text(event)
    facts = [date_text] + [text for text in (index.time_text(event), event.place) if text]
    status = index.stale_label(event) or (index.status_label(event) if event.status != "happened" else None)
    people = [_person_text(index, event, pid) for pid in event.people]
    return {
        "id": tag_uri(settings, f"ereignis/{event.id}"),
        "title": event.title,
        "updated": _timestamp(revised(event)),
        "link": page_url(settings, event_path(event.id)),
        "categories": [{"term": topic_id, "label": settings.topics[topic_id]} for topic_id in event.topics],
        "content": f"<p><strong>{_html(date_text)}</strong>"
                   + "".join(f" · {_html(part)}" for part in facts[1:])
                   + (f" · <em>{_html(status)}</em>" if status else "") + "</p>\n"
                   + markdown_to_html(event.summary)
                   + (f"<p>Personen: {_html('; '.join(people))}</p>\n" if people else ""),
    }


def _person_text(index: ChronicleIndex, event: Event, person_id: str) -> str:
    """`Diego Paco (Gouverneur von Arica; möglicherweise)`: the role on the event's date and the note."""
    details = [in_sentence(index.role(person_id, event))] + ([event.note(person_id)] if event.note(person_id) else [])
    return f"{index.people[person_id].name} ({'; '.join(details)})"


def _timestamp(day: dt.date) -> str:
    return midnight_utc(day).isoformat().replace("+00:00", "Z")


def _html(text: str) -> str:
    return html.escape(text, quote=False)
