"""Ranking of people who share a first name: the one with more events first, through the site's own UI.

The chronicle is tests/fixtures/search/shared-first-names: the president-elect José Antonio Kast (8 events;
his page names the diplomat once), the diplomat José Antonio Ríos (1 event, with Kast; his page names Kast
once), the journalist José Antonio Vera (2), the economist María José Soto (2) and the deputy María José
Díaz (1), and the Peruvian foreign minister Hugo de Zela (1 event, „Zwischenstopp in Lima mit Außenminister
de Zela“, whose text names him five times). Pagefind alone ranks the shorter page first (Ríos before Kast, Díaz
before Soto) and that event before de Zela's page for „de zela“.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from browser import serve
from conftest import FIXTURES, SITE_PATH, mkdocs_build
from projects import fixture_project
from test_browser_search import open_search, search

pytestmark = pytest.mark.browser

CASE = FIXTURES / "search" / "shared-first-names"


@pytest.fixture(scope="module")
def shared_names_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = fixture_project(CASE, tmp_path_factory.mktemp("shared-first-names"))
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with serve(project / "site", SITE_PATH) as url:
        yield url


@pytest.fixture
def box(page, shared_names_url: str):
    open_search(page, shared_names_url)
    return page


def people(titles: list[str]) -> list[str]:
    return [title for title in titles if title.startswith(("José", "María"))]


@pytest.mark.parametrize("query", ["jose antonio", "José Antonio", "antonio"])
def test_the_president_elect_ranks_before_a_diplomat_of_the_same_name(box, query: str) -> None:
    found = search(box, query)
    assert found[0] == "José Antonio Kast"
    assert set(people(found)[1:3]) == {"José Antonio Vera", "José Antonio Ríos"}


@pytest.mark.parametrize("query", ["maria jose", "María José"])
def test_of_two_equal_matches_the_person_with_more_events_ranks_first(box, query: str) -> None:
    assert people(search(box, query))[:2] == ["María José Soto", "María José Díaz"]


def test_a_shared_first_name_lists_the_president_elect_first(box) -> None:
    found = search(box, "jose")
    assert found[0] == "José Antonio Kast"
    assert len(set(people(found))) == 5


@pytest.mark.parametrize("query, person", [
    ("rios", "José Antonio Ríos"),
    ("José Antonio Ríos", "José Antonio Ríos"),
    ("vera", "José Antonio Vera"),
    ("jose antonio vera", "José Antonio Vera"),
    ("soto", "María José Soto"),
    ("diaz", "María José Díaz"),
    ("María José Díaz", "María José Díaz"),
    ("kast", "José Antonio Kast"),
])
def test_a_full_or_family_name_still_finds_that_person_first(box, query: str, person: str) -> None:
    assert search(box, query)[0] == person


@pytest.mark.parametrize("query", ["de zela", "De Zela", "zela", "Hugo de Zela", "hugo"])
def test_a_person_named_in_an_events_title_ranks_before_that_event(box, query: str) -> None:
    assert search(box, query)[:2] == ["Hugo de Zela", "Zwischenstopp in Lima mit Außenminister de Zela"]



def test_a_word_in_no_name_leaves_pagefinds_order(box) -> None:
    # „Lima“ stands in two event titles and in no one's name: the shorter event first, as Pagefind ranks it.
    assert search(box, "Lima")[:2] == ["Kast reist nach Lima", "Zwischenstopp in Lima mit Außenminister de Zela"]
