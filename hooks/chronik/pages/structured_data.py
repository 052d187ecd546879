"""schema.org structured data (JSON-LD) for event and person pages, so search engines understand them.

The result is a `<script type="application/ld+json">` element for the page's Markdown. Its JSON
escapes `<`, `>` and `&` (as \\u003c …): whatever a contributor writes, it can never end the
script element or start another one.
"""

from __future__ import annotations

import json
from typing import Any

from ..chronicle import countries
from ..chronicle.model import Chronicle, Event, Person
from .published import event_path, page_url, person_path, plain_text
from ..chronicle.roles import role_on

SCHEMA_ORG = "https://schema.org"
# schema.org's EventScheduled means "is taking place or has taken place as scheduled". A merely
# possible (tentative) event has no fitting value, so it gets none.
EVENT_STATUS = {
    "happened": f"{SCHEMA_ORG}/EventScheduled",
    "planned": f"{SCHEMA_ORG}/EventScheduled",
    "postponed": f"{SCHEMA_ORG}/EventPostponed",
    "cancelled": f"{SCHEMA_ORG}/EventCancelled",
}
WIKIDATA = "https://www.wikidata.org/wiki/"


def event_data(chronicle: Chronicle, event: Event, parent: Event | None = None) -> dict[str, Any]:
    """schema.org Event; `parent` is the event it is part of (`part_of`), if any."""
    settings = chronicle.settings
    data: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": "Event", "name": event.title,
                            "description": plain_text(event.summary), "startDate": event.date.iso()}
    if event.end is not None:
        data["endDate"] = event.end.iso()
    if event.status in EVENT_STATUS:
        data["eventStatus"] = EVENT_STATUS[event.status]
    location = _location(event)
    if location:
        data["location"] = location
    if event.people:  # with the role each held on the event's date
        data["attendee"] = [_person_ref(chronicle, chronicle.people[pid])
                            | {"jobTitle": role_on(chronicle.people[pid], event.date.first)}
                            for pid in event.people]
    if parent is not None:
        data["superEvent"] = _drop_none({"@type": "Event", "name": parent.title,
                                         "url": _url(chronicle, event_path(parent.id))})
    data |= _drop_none({"url": _url(chronicle, event_path(event.id))})
    if settings.licence and settings.licence.url:
        data["license"] = settings.licence.url
    return data


def person_data(chronicle: Chronicle, person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": SCHEMA_ORG} | _person_ref(chronicle, person)
    data["description"] = person.description
    if person.aliases:
        data["alternateName"] = list(person.aliases)
    if person.countries:
        data["nationality"] = [{"@type": "Country", "name": countries.german_name(code)} for code in person.countries]
    return data


def script_element(data: dict[str, Any]) -> str:
    """JSON-LD as one line of raw HTML, safe inside <script> whatever the strings contain."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{text}</script>'


def _location(event: Event) -> dict[str, Any] | None:
    """The place as written; its country only where the event has a single one (with several, the
    data does not say which of them the place lies in). Without a place, a single country."""
    country = ({"@type": "Country", "name": countries.german_name(event.countries[0])}
               if len(event.countries) == 1 else None)
    if event.place:
        place: dict[str, Any] = {"@type": "Place", "name": event.place}
        if country:
            place["address"] = {"@type": "PostalAddress", "addressCountry": event.countries[0]}
        return place
    return country


def _person_ref(chronicle: Chronicle, person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": person.name}
    data |= _drop_none({"url": _url(chronicle, person_path(person.id))})
    if person.wikidata:
        data["sameAs"] = WIKIDATA + person.wikidata
    return data


def _url(chronicle: Chronicle, path: str) -> str | None:
    """The page's absolute address; none where site_url is not set (then relative ones would mislead)."""
    return page_url(chronicle.settings, path) if chronicle.settings.site_url else None


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}
