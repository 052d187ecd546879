"""Generated pieces for the hand-written pages in docs/, placed by `<!-- chronik: name -->` markers."""

from __future__ import annotations

import posixpath
import re

from ..chronicle.dates import format_day, format_span
from .published import CALENDAR_ALL, CALENDAR_PLANNED, DATA_CSV, DATA_JSON, DATA_SCHEMA, SITE_FEED, revised
from .views import Views, render_markdown, tidy

LATEST_COUNT = 4
UPCOMING_COUNT = 5
_MARKER = re.compile(r"<!--\s*chronik:\s*([a-z-]+)\s*-->")
_FILES = (
    (SITE_FEED, "Feed (Atom) mit allen Ereignissen"),
    (CALENDAR_ALL, "Kalender (iCalendar) mit allen Ereignissen"),
    (CALENDAR_PLANNED, "Kalender mit den Plänen: geplant, möglich, verschoben, abgesagt"),
    (DATA_JSON, "Alle Ereignisse, Personen, Länder und Themen (JSON)"),
    (DATA_SCHEMA, "Beschreibung der JSON-Datei (JSON Schema)"),
    (DATA_CSV, "Eine Zeile je Ereignis (CSV)"),
)


class MarkerError(ValueError):
    """A hand-written page names a fragment that does not exist; the message is German."""


def build_fragments(views: Views) -> dict[str, str]:
    index = views.index
    settings = index.settings
    here = "index.md"
    # Inline, for links in hand-written pages: `[Issue](<!-- chronik: repository -->/issues/new/choose)`.
    inline = {"repository": settings.repository} if settings.repository else {}
    return inline | {
        "zahlen": render_markdown("fragment_counts.md.j2", events=len(index.events), people=len(index.people),
                                  countries=len(index.country_codes)),
        "stand": render_markdown("fragment_stand.md.j2", as_of=format_span(index.as_of, None) if index.as_of else None),
        "neueste": render_markdown("fragment_events.md.j2",
                                   events=[views.event_item(e, here) for e in index.latest[:LATEST_COUNT]],
                                   empty="Noch keine stattgefundenen Ereignisse verzeichnet."),
        "geplant": render_markdown("fragment_upcoming.md.j2",
                                   events=[views.event_item(e, here) for e in index.upcoming[:UPCOMING_COUNT]],
                                   overdue=[views.event_item(e, here) for e in index.overdue],
                                   today=format_day(index.today)),
        "verlauf": tidy(views.overview_chart),
        "karte": views.maps.travels(here),
        "lizenz": render_markdown("fragment_licence.md.j2", licence=settings.licence),
        "dateien": render_markdown("fragment_files.md.j2", files=[
            {"name": path.rsplit("/", 1)[-1], "path": path, "text": text,
             "address": (settings.site_url or "") + path} for path, text in _FILES]),
        "zitieren": render_markdown("fragment_citation.md.j2", title=settings.title, url=settings.site_url,
                                    updated=format_day(max((revised(e) for e in index.events),
                                                           default=settings.election))),
    }


def expand_markers(markdown: str, fragments: dict[str, str], page_path: str) -> str:
    """Replace `<!-- chronik: name -->` markers; links in fragments are relative to the docs root."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise MarkerError(f"{page_path}: unbekannter Platzhalter `chronik: {name}`; "
                              f"bekannt sind: {', '.join(sorted(fragments))}")
        return _rebase_links(fragments[name], page_path)
    return _MARKER.sub(replace, markdown)


def _rebase_links(markdown: str, page_path: str) -> str:
    prefix = posixpath.relpath(".", posixpath.dirname(page_path) or ".")
    if prefix == ".":
        return markdown
    return re.sub(r"\]\((?!https?:)([^)]+)\)", lambda m: f"]({prefix}/{m.group(1)})", markdown)
