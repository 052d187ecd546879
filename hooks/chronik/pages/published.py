"""What the published files share: their paths, absolute addresses, stable ids, revision dates.

Everything here is derived from the data alone, never from the clock, so that two builds of
the same data are byte for byte the same and a feed reader or calendar sees an entry change
only when its data changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import markdown

from ..sources.markdown_safety import EXTENSIONS
from ..chronicle.model import Event, Settings

if TYPE_CHECKING:
    from ..chronicle.index import ChronicleIndex

# Paths of the pages, relative to the docs root; published as folders (see `page_url`).
TIMELINE = "zeitleiste.md"
PEOPLE_INDEX = "personen/index.md"
COUNTRIES_INDEX = "laender/index.md"
TOPICS_INDEX = "themen/index.md"


def event_path(event_id: str) -> str:
    return f"ereignisse/{event_id}.md"


def person_path(person_id: str) -> str:
    return f"personen/{person_id}.md"


def country_path(code: str) -> str:
    return f"laender/{code.lower()}.md"


def topic_path(topic_id: str) -> str:
    return f"themen/{topic_id}.md"


def timeline_month_path(year: int, month: int) -> str:
    """One month of a split timeline; (0, 0) holds the events without a month of their own."""
    return f"zeitleiste/{year}-{month:02d}.md" if month else "zeitleiste/ohne-festen-termin.md"


def listing_page_path(first_page: str, number: int) -> str:
    """Page 2, 3, … of a long list whose first page is `first_page` (e.g. personen/<id>.md)."""
    return f"{first_page.removesuffix('.md')}/seite-{number}.md"


def people_letter_path(slug: str) -> str:
    return f"personen/verzeichnis/{slug}.md"


# Paths of the extra files, relative to the site root; none can clash with a page's folder.
# Material for MkDocs fetches `sitemap.xml` beside the target of every `<link rel="alternate">`
# (meant for language versions) on every page view. Beside a feed in the root that is the site's
# sitemap, which grows with the chronicle (1.4 MB at 10,000 events); so the feeds live in feeds/
# next to an empty sitemap (FEEDS_SITEMAP) that costs a reader a few bytes.
FEEDS_DIR = "feeds"
FEEDS_SITEMAP = f"{FEEDS_DIR}/sitemap.xml"
SITE_FEED = f"{FEEDS_DIR}/chronik.xml"
CALENDAR_ALL = "kalender/alle.ics"
CALENDAR_PLANNED = "kalender/geplant.ics"
DATA_JSON = "daten/ereignisse.json"
DATA_SCHEMA = "daten/ereignisse.schema.json"
DATA_CSV = "daten/ereignisse.csv"


def person_feed_path(person_id: str) -> str:
    return f"{FEEDS_DIR}/person-{person_id}.xml"


def country_feed_path(code: str) -> str:
    return f"{FEEDS_DIR}/land-{code.lower()}.xml"


def own_feed_title(index: ChronicleIndex, name: str) -> str:
    """The title of a person's or a country's feed (also in the head of their page)."""
    return f"{index.settings.title}: {name}"


@dataclass(frozen=True)
class SiteFile:
    """A file of the site besides the pages: path relative to the site root, exact bytes."""

    path: str
    content: bytes


class SiteFilesError(ValueError):
    """The settings lack what the published files need; the message is German."""


def site_url(settings: Settings) -> str:
    """The site's public address, ending with "/": feeds and calendars need absolute links."""
    if not settings.site_url:
        raise SiteFilesError("`site_url` fehlt in mkdocs.yml; Feeds, Kalender und Daten brauchen die öffentliche "
                             "Adresse der Website, z. B. https://example.org/chronik/.")
    return settings.site_url


def page_url(settings: Settings, page_path: str) -> str:
    """`ereignisse/x.md` -> `https://…/ereignisse/x/`: pages are published as folders with an
    index.html (MkDocs' use_directory_urls, and the addresses the README promises)."""
    return site_url(settings) + page_folder(page_path)


def page_folder(page_path: str) -> str:
    """The folder a page is published as, relative to the site root: `personen/x.md` -> `personen/x/`."""
    path = page_path.removesuffix(".md")
    return path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"


def file_url(settings: Settings, path: str) -> str:
    return site_url(settings) + path


def tag_uri(settings: Settings, specific: str) -> str:
    """A permanent id (RFC 4151): `tag:<host>,<election year>:<specific>`. It stays the same as long as the
    site's host and the election year do, whatever else changes (title, path below the host)."""
    return f"tag:{host(settings)},{settings.election.year}:{specific}"


def host(settings: Settings) -> str:
    return urlsplit(site_url(settings)).hostname or ""


def revised(event: Event) -> dt.date:
    """When an event's entry last changed, judged by its data: the newest date of a source or a
    correction (the first day it can mean); without either, the first day of the event."""
    dates = [s.date.first for s in event.sources if s.date is not None]
    dates += [c.date.first for c in event.corrections]
    return max(dates) if dates else event.date.first


def revision(event: Event) -> int:
    """A counter that rises with every source and every correction added to an event: 0 for an event
    with one source and no corrections. A changed date or status needs a new source or a correction
    (docs/mitmachen.md), so it rises then; it is the calendar's SEQUENCE."""
    return len(event.sources) - 1 + len(event.corrections)


def midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


_renderer = markdown.Markdown(extensions=EXTENSIONS)


# Text that Markdown turns into nothing but paragraphs: no inline markup, no entity, no block
# start, no hard line break. Most summaries are such prose; they skip the Markdown renderer.
_MARKUP = re.compile(r"[\\`*_\[\]<>&#!{}~|=\r\t]|^(?:\d+[.)]|[-+> ])|  $", re.MULTILINE)


def _paragraphs(text: str) -> list[str] | None:
    """The paragraphs of plain prose, or None when the text needs the Markdown renderer."""
    if _MARKUP.search(text):
        return None
    return [part.strip("\n") for part in re.split(r"\n[ \t]*\n\s*", text.strip("\n")) if part.strip()]


@lru_cache(maxsize=65536)  # each summary is needed by several feeds, calendars and JSON-LD
def markdown_to_html(text: str) -> str:
    """A contributor's Markdown (already checked to contain only Markdown's own markup) as HTML."""
    paragraphs = _paragraphs(text)
    if paragraphs is not None:  # exactly what Python-Markdown makes of plain prose (tests compare both)
        return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    _renderer.reset()
    return _renderer.convert(text)


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """A contributor's Markdown as plain text, for summaries, calendars and structured data."""
    paragraphs = _paragraphs(text)
    if paragraphs is not None:
        return _normalise_space("\n\n".join(paragraph.replace("\n", " ") for paragraph in paragraphs))
    parser = _TextOnly()
    parser.feed(markdown_to_html(text))
    parser.close()
    return _normalise_space("".join(parser.parts))


def _normalise_space(text: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]*\n\s*", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text)).strip()


class _TextOnly(HTMLParser):
    _BLOCKS = frozenset({"p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "div"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", " "))
