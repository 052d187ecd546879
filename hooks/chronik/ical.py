"""Calendars to subscribe to (RFC 5545, written with the icalendar library).

`kalender/alle.ics` holds every event, `kalender/geplant.ics` the plans: events that have not
(yet) happened as far as the sources say – planned, possible, postponed and cancelled ones, so a
subscriber sees a plan change its status instead of just vanishing.

- UID: `<event id>@<host of site_url>`, stable as long as the file name (the id) is.
- Dates are all-day dates and honour precision: a day is that day, a range runs to its last
  day inclusive, a month-only date covers the whole month (DTEND is exclusive, so the first of the
  next month). Year-only dates are left out: a bar across a whole year helps nobody.
- An event with a clock time (`time: "12:30"`) starts then, in the zone of `extra.chronicle.timezone`
  (without it, as floating local time), with no end: the sources do not say how long it took. A part
  of the day (`evening`) stays an all-day event with the word in its description: an hour would be
  invented.
- A plan whose date has passed says how old it is in its title: `(geplant, Stand 22. Dezember 2025)`.
- STATUS: happened and planned -> CONFIRMED, tentative and postponed -> TENTATIVE, cancelled ->
  CANCELLED; postponed events say so in the title, because their date no longer holds.
- SEQUENCE: `published.revision` – one more for every further source and every correction.
- DTSTAMP and LAST-MODIFIED: `published.revised` – the newest source or correction, not the build time.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar

from .dates import YEAR
from .index import ChronicleIndex
from .model import Event
from .text import fold
from .published import (CALENDAR_ALL, CALENDAR_PLANNED, SiteFile, event_path, host, midnight_utc, page_url,
                        plain_text, revised, revision)

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


def _calendar(index: ChronicleIndex, name: str, events, vevents: dict[str, icalendar.Event]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Chronik//{index.settings.title}//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # the same, for clients that predate RFC 7986
    calendar.add("source", page_url(index.settings, "index.md"))
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    for event in events:
        if event.id in vevents:
            calendar.add_component(vevents[event.id])
    calendar.add_missing_timezones()  # a VTIMEZONE for every TZID used (RFC 5545 3.6.5)
    return calendar.to_ical()


def _vevent(index: ChronicleIndex, event: Event) -> icalendar.Event:
    settings = index.settings
    url = page_url(settings, event_path(event.id))
    stamp = midnight_utc(revised(event))
    stale = index.stale_label(event)
    when = " · ".join(filter(None, [index.date_text(event), index.time_text(event)]))
    lines = [f"{when} · {stale or index.status_label(event)}", plain_text(event.summary), url]
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.id}@{host(settings)}")
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", stamp)
    vevent.add("sequence", revision(event))
    start = _start_time(event, settings.timezone)
    if start is not None:
        vevent.add("dtstart", start)
    else:
        vevent.add("dtstart", event.date.first)
        vevent.add("dtend", (event.end or event.date).last + dt.timedelta(days=1))
    vevent.add("summary", calendar_title(event) + (f" ({stale})" if stale else ""))
    vevent.add("description", "\n\n".join(lines))
    vevent.add("status", CALENDAR_STATUS[event.status])
    vevent.add("transp", "TRANSPARENT")  # a chronicle's events never make a reader busy
    vevent.add("url", url)
    if event.place:
        vevent.add("location", event.place)
    if event.topics:
        vevent.add("categories", [settings.topics[topic_id] for topic_id in event.topics])
    return vevent


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
