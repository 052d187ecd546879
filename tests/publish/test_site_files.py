"""site_files.py: every file besides the pages, in a fixed order, each path once."""

from __future__ import annotations

import dataclasses

import pytest

from chronik.chronicle.index import index_chronicle
from chronik.pages.published import SiteFilesError
from chronik.publish.site_files import build_site_files
from conftest import CHRONICLES, load_case


def _chronicle(case: str = "valid-trip", site_url: str | None = "https://example.org/chronik/"):
    chronicle = load_case(CHRONICLES / case).chronicle
    return dataclasses.replace(chronicle, settings=dataclasses.replace(chronicle.settings, site_url=site_url))


def test_every_site_file_in_a_fixed_order() -> None:
    chronicle = _chronicle()
    paths = [file.path for file in build_site_files(index_chronicle(chronicle))]
    people = sorted(chronicle.people)
    countries = sorted({code.lower() for event in chronicle.events for code in event.countries})
    assert paths == ["feeds/chronik.xml", *(f"feeds/person-{p}.xml" for p in people),
                     *(f"feeds/land-{c}.xml" for c in countries), "feeds/sitemap.xml",
                     "kalender/alle.ics", "kalender/geplant.ics",
                     "daten/ereignisse.json", "daten/ereignisse.schema.json", "daten/ereignisse.csv",
                     "suche/namen.json"]
    assert [file.path for file in build_site_files(index_chronicle(chronicle))] == paths


def test_the_sitemap_beside_the_feeds_is_empty() -> None:
    files = {file.path: file.content for file in build_site_files(index_chronicle(_chronicle()))}
    assert files["feeds/sitemap.xml"] == (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                                          b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


def test_every_file_is_bytes_that_name_the_site() -> None:
    for file in build_site_files(index_chronicle(_chronicle())):
        assert isinstance(file.content, bytes) and file.content, file.path
        if file.path not in ("feeds/sitemap.xml", "suche/namen.json"):  # the names list: relative addresses
            assert b"https://example.org/chronik/" in file.content, file.path


def test_without_site_url_nothing_is_built() -> None:
    with pytest.raises(SiteFilesError, match="`site_url` fehlt in mkdocs.yml"):
        build_site_files(index_chronicle(_chronicle(site_url=None)))
