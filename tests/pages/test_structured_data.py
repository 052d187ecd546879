"""schema.org JSON-LD on event and person pages: parsed back from the built HTML, and never able to end
its <script> element, whatever a contributor writes."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chronik.chronicle.dates import parse_partial_date
from chronik.chronicle.model import Chronicle, Event, Licence, Person, Settings, Source
from conftest import generated_pages
from chronik.pages.structured_data import event_data, person_data, script_element
from conftest import PROJECT, load_case

SITE_URL = "https://chronik-chile.github.io/chronik/"
SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={}, site_url="https://example.org/c/",
                    licence=Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"))
BREAKOUT = '</script><script>alert(1)</script><!-- & </SCRIPT > <\u2028'


class _Scripts(HTMLParser):
    """The JSON-LD blocks of a page, as a browser's HTML parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def json_ld(html: str) -> list[dict]:
    parser = _Scripts()
    parser.feed(html)
    return [json.loads(block) for block in parser.blocks]


def test_every_event_page_describes_its_event(site: Path) -> None:
    chron = load_case(PROJECT).chronicle
    for event in chron.events:
        [data] = json_ld((site / "ereignisse" / event.id / "index.html").read_text(encoding="utf-8"))
        assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
        assert (data["name"], data["startDate"]) == (event.title, event.date.iso())
        assert data["url"] == f"{SITE_URL}ereignisse/{event.id}/"
        assert [a["name"] for a in data.get("attendee", [])] == [chron.people[p].name for p in event.people]
        assert all(a["url"].startswith(SITE_URL + "personen/") for a in data.get("attendee", []))
        assert data["description"] and "license" in data


def test_an_event_with_place_range_and_status(site: Path) -> None:
    [noboa] = json_ld((site / "ereignisse" / "2025-12-23-kast-trifft-noboa" / "index.html").read_text("utf-8"))
    assert noboa["eventStatus"] == "https://schema.org/EventScheduled"
    assert noboa["location"] == {"@type": "Place", "name": "Quito, Palacio de Carondelet"}
    assert noboa["superEvent"] == {"@type": "Event", "name": "Kast reist nach Ecuador, mit Zwischenstopp in Lima",
                                   "url": f"{SITE_URL}ereignisse/2025-12-22-reise-nach-ecuador/"}
    [trip] = json_ld((site / "ereignisse" / "2025-12-22-reise-nach-ecuador" / "index.html").read_text("utf-8"))
    assert (trip["startDate"], trip["endDate"]) == ("2025-12-22", "2025-12-23")
    # Tentative events have no eventStatus (schema.org has no value for "possible"): test_event_status.


def test_every_person_page_describes_its_person(site: Path) -> None:
    chron = load_case(PROJECT).chronicle
    for person in chron.people.values():
        [data] = json_ld((site / "personen" / person.id / "index.html").read_text(encoding="utf-8"))
        assert (data["@type"], data["name"], data["description"]) == ("Person", person.name, person.description)
        assert data["url"] == f"{SITE_URL}personen/{person.id}/"
        assert data.get("alternateName", []) == list(person.aliases)


def event(**fields) -> Event:
    values = dict(id="2026-01-20-x", path="events/2026-01-20-x.yaml", title="Titel", date=parse_partial_date("2026-01-20"),
                  summary="Text mit *Markdown* und [Link](https://example.org/).", countries=("CL",),
                  people=("ana-perez",), sources=(Source("Zeitung", "Bericht"),))
    values.update(fields)
    return Event(**values)


def chronicle(*events: Event, wikidata: str | None = "Q42", name: str = "Ana Pérez") -> Chronicle:
    people = {"ana-perez": Person("ana-perez", "people/ana-perez.yaml", name, "Gewählt", "Pérez, Ana",
                                  aliases=("A. P.",), countries=("CL",), wikidata=wikidata)}
    return Chronicle(SETTINGS, events, people, dt.date(2026, 1, 15))


@pytest.mark.parametrize(("status", "expected"), [
    ("happened", "https://schema.org/EventScheduled"),
    ("planned", "https://schema.org/EventScheduled"),
    ("tentative", None),
    ("postponed", "https://schema.org/EventPostponed"),
    ("cancelled", "https://schema.org/EventCancelled"),
])
def test_event_status(status: str, expected: str | None) -> None:
    assert event_data(chronicle(), event(status=status)).get("eventStatus") == expected


def test_location_names_the_country_only_when_there_is_one() -> None:
    one = event_data(chronicle(), event(place="Quito", countries=("EC",)))
    assert one["location"] == {"@type": "Place", "name": "Quito",
                               "address": {"@type": "PostalAddress", "addressCountry": "EC"}}
    two = event_data(chronicle(), event(place="Quito", countries=("EC", "CL")))
    assert two["location"] == {"@type": "Place", "name": "Quito"}
    assert event_data(chronicle(), event(countries=("PE",)))["location"] == {"@type": "Country", "name": "Peru"}
    assert "location" not in event_data(chronicle(), event(countries=("PE", "CL")))


def test_a_person_with_wikidata_is_the_same_as_its_item() -> None:
    data = person_data(chronicle(), chronicle().people["ana-perez"])
    assert data == {"@context": "https://schema.org", "@type": "Person", "name": "Ana Pérez",
                    "url": "https://example.org/c/personen/ana-perez/", "sameAs": "https://www.wikidata.org/wiki/Q42",
                    "description": "Gewählt", "alternateName": ["A. P."],
                    "nationality": [{"@type": "Country", "name": "Chile"}]}
    attendee = event_data(chronicle(), event())["attendee"][0]
    assert attendee["sameAs"] == "https://www.wikidata.org/wiki/Q42"
    assert "sameAs" not in person_data(chronicle(wikidata=None), chronicle(wikidata=None).people["ana-perez"])


def test_contributor_text_can_never_end_the_script_element() -> None:
    chron = chronicle(event(title=BREAKOUT, place=BREAKOUT), name=BREAKOUT)
    pages = {page.path: page.markdown for page in generated_pages(chron)}
    for path in ("ereignisse/2026-01-20-x.md", "personen/ana-perez.md"):
        [element] = re.findall(r'<script type="application/ld\+json">.*</script>', pages[path])
        inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
        assert not re.search(r"[<>&]", inner)
        [data] = json_ld(element)
        assert data["name"] == BREAKOUT
    assert "\\u003c/script\\u003e" in script_element({"x": "</script>"})
