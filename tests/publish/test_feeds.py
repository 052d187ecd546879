"""Atom feeds (RFC 4287): parsed back as a feed reader does, and checked element by element."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from chronik.chronicle.index import index_chronicle
from chronik.chronicle.dates import parse_partial_date
from chronik.publish.feeds import FEED_ENTRIES, OWN_FEED_ENTRIES, build_feeds
from chronik.chronicle.model import Chronicle, Correction, Event, Person, Settings, Source
from conftest import CHRONICLES, PROJECT, load_case

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://chronik-chile.github.io/chronik/"
SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={"wahl": "Wahl"}, site_url="https://example.org/c/")
HOSTILE = 'Ende</title></entry><entry><title>x & <script>alert(1)</script> ]]> \x01 „Zitat“'


def event(event_id: str, date: str, **fields) -> Event:
    values = dict(title="Titel", summary="Text.", countries=("CL",), people=("ana-perez",),
                  sources=(Source("Zeitung", "Bericht", parse_partial_date("2025-12-20")),))
    values.update(fields)
    return Event(id=event_id, path=f"events/{event_id}.yaml", date=parse_partial_date(date), **values)


def chronicle(*events: Event, today: dt.date = dt.date(2026, 1, 15)) -> Chronicle:
    people = {"ana-perez": Person("ana-perez", "people/ana-perez.yaml", "Ana Pérez", "Gewählt", "Pérez, Ana",
                                  countries=("CL",))}
    return Chronicle(SETTINGS, tuple(sorted(events, key=lambda e: e.sort_key)), people, today)


def feeds_of(chron: Chronicle) -> dict[str, bytes]:
    return {f.path: f.content for f in build_feeds(index_chronicle(chron))}


def _shipped_feeds(site: Path) -> list[Path]:
    feeds = sorted(path for path in (site / "feeds").glob("*.xml") if path.name != "sitemap.xml")
    assert site / "feeds" / "chronik.xml" in feeds
    return feeds


def test_beside_the_feeds_lies_an_empty_sitemap(site: Path) -> None:
    # Material fetches sitemap.xml beside every <link rel="alternate"> target on each page view.
    assert b"<url>" not in (site / "feeds" / "sitemap.xml").read_bytes()
    assert b"<url>" in (site / "sitemap.xml").read_bytes()


def test_every_shipped_feed_parses_and_has_what_rfc_4287_requires(site: Path) -> None:
    people = sorted(p.stem for p in (PROJECT / "people").glob("*.yaml"))
    feeds = _shipped_feeds(site)
    assert {f"person-{p}.xml" for p in people} <= {f.name for f in feeds}
    assert (site / "feeds" / "land-cl.xml") in feeds
    for path in feeds:
        content = path.read_bytes()
        assert content.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed'), path.name
        parsed = feedparser.parse(content)
        assert not parsed.bozo, (path.name, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.id and parsed.feed.title and parsed.feed.updated and parsed.feed.author
        _check_structure(ET.fromstring(content), path.name)
        for entry in parsed.entries:
            assert entry.id and entry.title and entry.updated and entry.link and entry.summary, path.name


def _check_structure(feed: ET.Element, name: str) -> None:
    """RFC 4287 4.1.1/4.1.2: exactly one id, title, updated each; an author for the feed (so every entry
    has one); per entry a link rel=alternate (it has no content src) and timestamps as RFC 3339."""
    assert feed.tag == f"{ATOM}feed"
    for element in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{element}")) == 1, (name, element)
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith("/" + name)
    stamps = [feed.find(f"{ATOM}updated").text]
    for entry in feed.findall(f"{ATOM}entry"):
        for element in ("id", "title", "updated", "content"):
            assert len(entry.findall(f"{ATOM}{element}")) == 1, (name, element)
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(SITE_URL + "ereignisse/")
        stamps.append(entry.find(f"{ATOM}updated").text)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", stamp) for stamp in stamps), stamps


def test_the_whole_chronicles_feed_lists_every_event_newest_first_with_stable_ids(site: Path) -> None:
    events = [e.id for e in load_case(PROJECT).chronicle.events]
    parsed = feedparser.parse((site / "feeds" / "chronik.xml").read_bytes())
    assert [entry.id for entry in parsed.entries] == \
        [f"tag:chronik-chile.github.io,2025:ereignis/{event_id}" for event_id in reversed(events)]
    assert [entry.link for entry in parsed.entries] == [f"{SITE_URL}ereignisse/{i}/" for i in reversed(events)]
    assert parsed.feed.rights == "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)"


def test_a_persons_and_a_countrys_feed_hold_exactly_their_events(site: Path) -> None:
    chron = load_case(PROJECT).chronicle
    bachelet = feedparser.parse((site / "feeds" / "person-michelle-bachelet.xml").read_bytes())
    # What her page lists: the events she was at and, marked, those that only mention her.
    present = {f"{SITE_URL}ereignisse/{e.id}/" for e in chron.events if "michelle-bachelet" in e.people}
    mentioned = {f"{SITE_URL}ereignisse/{e.id}/" for e in chron.events if "michelle-bachelet" in e.mentioned}
    assert present and mentioned
    assert {e.link for e in bachelet.entries} == present | mentioned
    assert {e.link for e in bachelet.entries if e.title.startswith("Erwähnung: ")} == mentioned
    assert all("Die Person dieses Feeds war nicht dabei." in e.content[0].value
               for e in bachelet.entries if e.link in mentioned)
    peru = feedparser.parse((site / "feeds" / "land-pe.xml").read_bytes())
    assert {e.link for e in peru.entries} == {f"{SITE_URL}ereignisse/{e.id}/" for e in chron.events
                                              if "PE" in e.countries}
    assert peru.feed.title == "Chiles Machtwechsel 2025/26: Peru"


def test_pages_name_their_feed_in_the_head_and_visibly(site: Path) -> None:
    person = (site / "personen" / "michelle-bachelet" / "index.html").read_text(encoding="utf-8")
    assert ('<link rel="alternate" type="application/atom+xml" title="Feed: Chiles Machtwechsel 2025/26: '
            'Michelle Bachelet" href="../../feeds/person-michelle-bachelet.xml">') in person
    assert re.search(r'<a href="../../feeds/person-michelle-bachelet.xml">Feed abonnieren</a>', person)
    country = (site / "laender" / "cl" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../feeds/land-cl.xml">' in country.split("</head>")[0]
    assert '<a href="../../feeds/land-cl.xml">Feed abonnieren</a>' in country
    start = (site / "index.html").read_text(encoding="utf-8")
    assert ('<link rel="alternate" type="application/atom+xml" title="Feed: Chiles Machtwechsel 2025/26" '
            'href="feeds/chronik.xml">') in start
    assert '<a href="feeds/chronik.xml">Feed abonnieren</a>' in start
    for page in sorted(site.rglob("*.html")):
        if page.name != "404.html":  # MkDocs renders it without the page hooks
            head = page.read_text(encoding="utf-8").split("</head>")[0]
            assert head.count('rel="alternate"') == 1, page  # Material fetches a sitemap for each


def test_updated_comes_from_the_newest_source_or_correction_never_from_the_clock() -> None:
    corrected = event("2025-12-20-a", "2025-12-20", corrections=(Correction(parse_partial_date("2026-01-03"), "x"),))
    plain = event("2025-12-21-b", "2025-12-21", sources=(Source("Z", "B", parse_partial_date("2025-12-22")),
                                                         Source("Z", "C", parse_partial_date("2025-12")),))
    undated = event("2026-02-01-c", "2026-02-01", sources=(Source("Z", "B"),))
    first = feeds_of(chronicle(corrected, plain, undated, today=dt.date(2026, 1, 15)))
    assert first == feeds_of(chronicle(corrected, plain, undated, today=dt.date(2030, 1, 1)))
    parsed = feedparser.parse(first["feeds/chronik.xml"])
    assert [(e.id.rsplit("/", 1)[1], e.updated) for e in parsed.entries] == [
        ("2026-02-01-c", "2026-02-01T00:00:00Z"),  # no dated source: the event's own first day
        ("2025-12-21-b", "2025-12-22T00:00:00Z"),
        ("2025-12-20-a", "2026-01-03T00:00:00Z"),
    ]
    assert parsed.feed.updated == "2026-02-01T00:00:00Z"


def test_a_person_named_nowhere_gets_no_feed_but_one_only_mentioned_does() -> None:
    lonely = chronicle(event("2025-12-20-a", "2025-12-20", people=()))
    assert "feeds/person-ana-perez.xml" not in feeds_of(lonely)  # no empty feed to subscribe to
    named = chronicle(event("2025-12-20-a", "2025-12-20", people=(), mentioned=("ana-perez",)))
    parsed = feedparser.parse(feeds_of(named)["feeds/person-ana-perez.xml"])
    assert not parsed.bozo and [e.title for e in parsed.entries] == ["Erwähnung: Titel"]


def test_an_empty_feed_is_still_valid() -> None:
    empty = feedparser.parse(feeds_of(chronicle())["feeds/chronik.xml"])  # a new chronicle's
    assert not empty.bozo and empty.entries == [] and empty.feed.updated == "2025-12-14T00:00:00Z"


def test_contributor_text_cannot_break_the_xml() -> None:
    hostile = event("2025-12-20-a", "2025-12-20", title=HOSTILE, place=HOSTILE.replace("\x01", ""),
                    summary="**fett** & [Link](https://example.org/?a=1&b=2)")
    content = feeds_of(chronicle(hostile))["feeds/chronik.xml"]
    ET.fromstring(content)
    parsed = feedparser.parse(content)
    assert not parsed.bozo
    entry = parsed.entries[0]
    assert entry.title == HOSTILE.replace("\x01", "")  # XML 1.0 cannot carry control characters
    assert len(parsed.entries) == 1
    assert '<a href="https://example.org/?a=1&amp;b=2">Link</a>' in entry.content[0].value
    assert entry.content[0].value.startswith("<p><strong>20. Dezember 2025</strong> · Ende&lt;/title&gt;")
    assert entry.content[0].value.count("Link</a>") == 1  # the text once: no plain-text summary beside it


@pytest.mark.parametrize("case", ["valid-escaping", "valid-precision", "valid-trip"])
def test_fixture_chronicles_give_valid_feeds(case: str) -> None:
    chron = load_case(CHRONICLES / case).chronicle
    chron = dataclasses.replace(chron, settings=dataclasses.replace(chron.settings, site_url=SITE_URL))
    for path, content in feeds_of(chron).items():
        parsed = feedparser.parse(content)
        assert not parsed.bozo, (case, path)
        _check_structure(ET.fromstring(content), path)


def test_the_whole_feed_carries_the_newest_hundred_a_person_or_country_feed_the_newest_ten() -> None:
    assert (FEED_ENTRIES, OWN_FEED_ENTRIES) == (100, 10)  # docs/daten.md names both numbers
    many = [event(f"2025-12-{1 + n % 28:02d}-e{n:03d}", f"2025-12-{1 + n % 28:02d}") for n in range(FEED_ENTRIES + 20)]
    files = feeds_of(chronicle(*many))
    newest = [e.id for e in sorted(many, key=lambda e: e.sort_key, reverse=True)]
    for path, limit in [("feeds/chronik.xml", FEED_ENTRIES), ("feeds/person-ana-perez.xml", OWN_FEED_ENTRIES),
                        ("feeds/land-cl.xml", OWN_FEED_ENTRIES)]:
        parsed = feedparser.parse(files[path])
        assert len(parsed.entries) == limit, path
        assert [entry.id.rsplit("/", 1)[1] for entry in parsed.entries] == newest[:limit], path
