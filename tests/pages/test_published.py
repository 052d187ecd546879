"""published.py: paths, absolute addresses, permanent ids and revision dates of the published files."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chronik.chronicle.dates import parse_partial_date
from chronik.chronicle.model import Correction, Event, Settings, Source
from chronik.pages.published import (SiteFilesError, country_feed_path, country_path, event_path, file_url, host,
                               markdown_to_html, midnight_utc, page_folder, page_url, person_feed_path, person_path,
                               plain_text, revised, revision, site_url, tag_uri, topic_path)

SETTINGS = Settings(title="Testchronik", country="AR", president_elect="ana-perez", election=dt.date(2023, 11, 19),
                    inauguration=dt.date(2023, 12, 10), topics={}, site_url="https://example.org/chronik/")


def _event(*sources: str | None, corrections: tuple[str, ...] = ()) -> Event:
    return Event(id="2023-11-19-wahl", path="events/2023-11-19-wahl.yaml", title="Wahl",
                 date=parse_partial_date("2023-11-19"), summary="S", countries=("AR",),
                 sources=tuple(Source("Zeitung", "Bericht", parse_partial_date(d) if d else None) for d in sources),
                 corrections=tuple(Correction(parse_partial_date(d), "Ort ergänzt.") for d in corrections))


def test_page_paths_and_the_folders_they_are_published_as() -> None:
    paths = [event_path("x"), person_path("ana"), country_path("AR"), topic_path("wahl")]
    assert paths == ["ereignisse/x.md", "personen/ana.md", "laender/ar.md", "themen/wahl.md"]
    assert [page_folder(p) for p in paths] == ["ereignisse/x/", "personen/ana/", "laender/ar/", "themen/wahl/"]
    assert page_folder("index.md") == "" and page_folder("personen/index.md") == "personen/"
    assert page_folder("zeitleiste.md") == "zeitleiste/"
    assert (person_feed_path("ana"), country_feed_path("AR")) == ("feeds/person-ana.xml", "feeds/land-ar.xml")


def test_absolute_addresses_come_from_site_url() -> None:
    assert page_url(SETTINGS, "ereignisse/x.md") == "https://example.org/chronik/ereignisse/x/"
    assert page_url(SETTINGS, "index.md") == "https://example.org/chronik/"
    assert file_url(SETTINGS, "feeds/chronik.xml") == "https://example.org/chronik/feeds/chronik.xml"
    assert host(SETTINGS) == "example.org"


def test_without_site_url_the_published_files_say_what_is_missing() -> None:
    settings = dataclasses.replace(SETTINGS, site_url=None)
    with pytest.raises(SiteFilesError, match=r"^`site_url` fehlt in mkdocs.yml; .* z. B. https://example.org/chronik/"):
        site_url(settings)


def test_tag_uris_depend_on_host_and_election_year_only() -> None:
    assert tag_uri(SETTINGS, "ereignis/x") == "tag:example.org,2023:ereignis/x"
    moved = dataclasses.replace(SETTINGS, title="Neu", site_url="https://example.org/anders/")
    assert tag_uri(moved, "ereignis/x") == tag_uri(SETTINGS, "ereignis/x")


def test_an_entry_is_revised_by_its_newest_source_or_correction() -> None:
    assert revised(_event(None)) == dt.date(2023, 11, 19)  # no dated source: the event's first day
    assert revised(_event("2023-11-20", "2023-12")) == dt.date(2023, 12, 1)  # a month counts from its first day
    assert revised(_event("2023-11-20", corrections=("2024-01-05",))) == dt.date(2024, 1, 5)
    assert [revision(e) for e in (_event(None), _event("2023-11-20", "2023-12"),
                                  _event(None, corrections=("2024-01-05", "2024-02-01")))] == [0, 1, 2]


def test_midnight_utc() -> None:
    assert midnight_utc(dt.date(2023, 12, 10)).isoformat() == "2023-12-10T00:00:00+00:00"


def test_markdown_becomes_html_and_plain_text() -> None:
    text = "Milei gewinnt **klar**.\n\nMassa [räumt ein](https://example.org/a) &amp; gratuliert."
    assert markdown_to_html(text) == ('<p>Milei gewinnt <strong>klar</strong>.</p>\n<p>Massa '
                                      '<a href="https://example.org/a">räumt ein</a> &amp; gratuliert.</p>')
    assert plain_text(text) == "Milei gewinnt klar.\n\nMassa räumt ein & gratuliert."
    assert plain_text("- eins\n- zwei") == "eins\n\nzwei"
