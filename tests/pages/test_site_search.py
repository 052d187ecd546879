"""What the site search indexes of a page: its content, without the lists of other pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronik.sources.markdown_safety import find_offences
from chronik.pages.search_marks import NOT_SEARCHED, SearchIndexError, ignore_listed, searched

START, END = NOT_SEARCHED


def test_each_pair_of_markers_becomes_one_element_the_search_skips() -> None:
    html = ignore_listed(f"<h1>Ana</h1>{START}<h2>Ereignisse</h2><ul><li>a</li></ul>{END}<p>b</p>"
                         f"{START}<ul><li>c</li></ul>{END}")
    assert "data-chronik-suche" not in html
    assert re.findall(r"<div data-pagefind-ignore>(.*?)</div>", html) == ["<h2>Ereignisse</h2><ul><li>a</li></ul>",
                                                                         "<ul><li>c</li></ul>"]
    assert "<p>b</p>" in html.split("</div>")[1]  # what lies between two lists is still searched


def test_content_without_markers_stays_as_it_is() -> None:
    html = "<h1>Ana</h1><div hidden></div><p>b</p>"
    assert ignore_listed(html) is html


@pytest.mark.parametrize("body", [START, END, END + START, START + START + END + END])
def test_markers_out_of_pairs_stop_the_build(body: str) -> None:
    with pytest.raises(SearchIndexError, match="nicht paarweise"):
        ignore_listed(body)


@pytest.mark.parametrize("meta, expected", [
    ({}, True),
    ({"search": {"boost": 0.2}}, True),
    ({"search": {"exclude": False}}, True),
    ({"search": "aus"}, True),  # not Material's form: the theme ignores it too
    ({"search": {"exclude": True}}, False),
])
def test_front_matter_decides_which_pages_go_to_the_index(meta: dict, expected: bool) -> None:
    assert searched(meta) is expected


@pytest.mark.parametrize("marker", NOT_SEARCHED)
def test_contributor_text_cannot_write_a_marker(marker: str) -> None:
    # Otherwise an event's summary could hide the rest of its page from the search or unbalance it.
    assert find_offences(f"Text.\n\n{marker}\n\nMehr.")


def test_person_country_and_topic_pages_keep_their_lists_out_of_the_search(site: Path) -> None:
    for page, listed in [("personen/michelle-bachelet", "Kast trifft Michelle Bachelet"),
                         ("laender/cl", "Kast gewinnt die Stichwahl"),
                         ("themen/amtsuebergabe", "übernimmt die Präsidentschaft")]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        content = html.split("data-pagefind-body", 1)[1].split("</article>", 1)[0]
        searched, ignored = content.split("<div data-pagefind-ignore>", 1)
        assert listed not in searched and listed in ignored, page
        assert "data-chronik-suche" not in html, page


def test_the_theme_marks_what_is_searched_and_the_front_matter_what_is_not(site: Path) -> None:
    def article(page: str) -> str:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        return re.findall(r'<article class="md-content__inner md-typeset"[^>]*>', html)[0]

    searched_pages = ["ereignisse/2025-12-14-kast-gewinnt-stichwahl", "personen/michelle-bachelet", "laender/cl",
                      "themen/amtsuebergabe", "ueber"]
    for page in searched_pages:
        assert article(page) == '<article class="md-content__inner md-typeset" data-pagefind-body>', page
    assert article("daten") == ('<article class="md-content__inner md-typeset" data-pagefind-body '
                                'data-pagefind-weight="0.2">')  # found, but below the chronicle's pages
    # the start page, listings and the manuals for contributors (reached from the footer)
    for page in ["", "suche", "zeitleiste", "personen", "laender", "themen", "mitmachen", "quellenregeln"]:
        assert article(page) == '<article class="md-content__inner md-typeset">', page
    assert "data-pagefind-body" not in (site / "404.html").read_text(encoding="utf-8")
