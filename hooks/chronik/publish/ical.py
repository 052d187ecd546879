"""Calendars to subscribe to (RFC 5545, content lines written by ics.py).

`kalender/alle.ics` holds every event, `kalender/geplant.ics` the plans: events that have not
(yet) happened as far as the sources say – planned, possible, postponed and cancelled ones, so a
subscriber sees a plan change its status instead of just vanishing.

- UID: `<event id>@<host of site_url>`, stable as long as the file name (the id) is.
- Dates are all-day dates and honour precision: a day is that day, a range runs to its last
  day inclusive, a month-only date covers the whole month (DTEND is exclusive, so the first of the
  next month). Year-only dates are left out: a bar across a whole year helps nobody.
- An event with a clock time (`time: "12:30"`) starts then, in the zone of `extra.chronicle.timezone`,
  written in UTC (so the calendar needs no VTIMEZONE)
  (without it, as floating local time), with no end: the sources do not say how long it took. A part
  of the day (`evening`) stays an all-day event with the word in its description: an hour would be
  invented.
- A plan whose date has passed says how old it is in its title: `(geplant, Stand 22. Dezember 2025)`.
- STATUS: happened and planned -> CONFIRMED, tentative and postponed -> TENTATIVE, cancelled ->
  CANCELLED; postponed events say so in the title, because their date no longer holds.
- DESCRIPTION: date and status, the summary's first sentence (`index.teaser`) and the page's address.
- SEQUENCE: `published.revision` – one more for every further source and every correction.
- DTSTAMP and LAST-MODIFIED: `published.revised` – the newest source or correction, not the build time.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from . import ics
from ..chronicle.dates import YEAR
from ..chronicle.index import ChronicleIndex
from ..chronicle.model import Event
from ..chronicle.text import fold
from ..pages.published import (CALENDAR_ALL, CALENDAR_PLANNED, SiteFile, event_path, host, midnight_utc, page_url,
                        revised, revision)

CALENDAR_STATUS = {
    "happened": "CONFIRMED",
    "planned": "CONFIRMED",
    "tentative": "TENTATIVE",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
_TITLE_PREFIX = {"tentative": "Möglich: ", "postponed": "Verschoben: "}


def build_calendars(index: ChronicleIndex) -> list[SiteFile]:
    title = index.settings.title
    vevents = {event.id: _vevent(index, event) for event in index.events if in_calendar(event)}
    return [
        SiteFile(CALENDAR_ALL, _calendar(index, f"{title}: alle Ereignisse", index.events, vevents)),
        SiteFile(CALENDAR_PLANNED, _calendar(index, f"{title}: Pläne",
                                             [e for e in index.events if e.status != "happened"], vevents)),
    ]


def in_calendar(event: Event) -> bool:
    """Year-only dates are left out of the calendars."""
    return event.date.precision != YEAR and (event.end is None or event.end.precision != YEAR)


def _calendar(index: ChronicleIndex, name: str, events, vevents: dict[str, bytes]) -> bytes:
    return ics.component("VCALENDAR", [
        ("VERSION", "2.0"),
        ("PRODID", f"-//Chronik//{ics.text(index.settings.title)}//DE"),
        ("CALSCALE", "GREGORIAN"),
        ("NAME", ics.text(name)),  # RFC 7986
        ("X-WR-CALNAME", ics.text(name)),  # the same, for clients that predate RFC 7986
        ("REFRESH-INTERVAL;VALUE=DURATION", "P1D"),
        ("SOURCE", page_url(index.settings, "index.md")),
        ("X-PUBLISHED-TTL", "P1D"),
    ], [vevents[event.id] for event in events if event.id in vevents])


def _vevent(index: ChronicleIndex, event: Event) -> bytes:
    settings = index.settings
    url = page_url(settings, event_path(event.id))
    stamp = ics.utc(midnight_utc(revised(event)))
    stale = index.stale_label(event)
    when = " · ".join(filter(None, [index.date_text(event), index.time_text(event)]))
    # The first sentence and the link: a calendar shows a note, the page has the whole text.
    lines = [f"{when} · {stale or index.status_label(event)}", index.teaser(event), url]
    properties = [("SUMMARY", ics.text(calendar_title(event) + (f" ({stale})" if stale else "")))]
    start = _start_time(event, settings.timezone)
    if start is not None:  # an instant: in UTC when the zone is known, so no VTIMEZONE is needed
        properties.append(("DTSTART", ics.utc(start) if start.tzinfo else start.strftime("%Y%m%dT%H%M%S")))
    else:
        properties += [("DTSTART;VALUE=DATE", ics.date(event.date.first)),
                       ("DTEND;VALUE=DATE", ics.date((event.end or event.date).last + dt.timedelta(days=1)))]
    properties += [("DTSTAMP", stamp), ("UID", ics.text(f"{event.id}@{host(settings)}")),
                   ("SEQUENCE", str(revision(event)))]
    if event.topics:
        properties.append(("CATEGORIES", ics.text_list(settings.topics[topic_id] for topic_id in event.topics)))
    properties += [("DESCRIPTION", ics.text("\n\n".join(lines))), ("LAST-MODIFIED", stamp)]
    if event.place:
        properties.append(("LOCATION", ics.text(event.place)))
    properties += [
        ("STATUS", CALENDAR_STATUS[event.status]),
        ("TRANSP", "TRANSPARENT"),  # a chronicle's events never make a reader busy
        ("URL", url),
    ]
    return ics.component("VEVENT", properties)


def calendar_title(event: Event) -> str:
    """`Möglich: Treffen`, but not `Möglich: Möglicher Besuch`: a title that says it already keeps it."""
    prefix = _TITLE_PREFIX.get(event.status, "")
    if prefix and fold(event.title).startswith(fold(prefix.rstrip(": "))):
        return event.title
    return prefix + event.title


def _start_time(event: Event, timezone: str | None) -> dt.datetime | None:
    """The start as a local time for `time: "HH:MM"`; None for all-day events."""
    if event.time is None or ":" not in event.time:
        return None
    hour, minute = int(event.time[:2]), int(event.time[3:])
    zone = zoneinfo.ZoneInfo(timezone) if timezone else None
    return dt.datetime.combine(event.date.first, dt.time(hour, minute), tzinfo=zone)
