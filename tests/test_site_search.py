"""What the site search indexes of a page: its content, without the lists of other pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronik.markdown_safety import find_offences
from chronik.site_search import MATERIAL_ARTICLE, NOT_SEARCHED, SearchIndexError, mark_searchable

START, END = NOT_SEARCHED


def _page(body: str) -> str:
    return f"<html><body><nav>Menü</nav>{MATERIAL_ARTICLE}{body}</article></body></html>"


def test_each_pair_of_markers_becomes_one_element_the_search_skips() -> None:
    html = mark_searchable(_page(f"<h1>Ana</h1>{START}<h2>Ereignisse</h2><ul><li>a</li></ul>{END}<p>b</p>"
                                 f"{START}<ul><li>c</li></ul>{END}"))
    assert 'data-pagefind-body>' in html and "data-chronik-suche" not in html
    assert re.findall(r"<div data-pagefind-ignore>(.*?)</div>", html) == ["<h2>Ereignisse</h2><ul><li>a</li></ul>",
                                                                         "<ul><li>c</li></ul>"]
    assert "<p>b</p>" in html.split("</div>")[1]  # what lies between two lists is still searched


@pytest.mark.parametrize("body", [START, END, END + START, START + START + END + END])
def test_markers_out_of_pairs_stop_the_build(body: str) -> None:
    with pytest.raises(SearchIndexError, match="nicht paarweise"):
        mark_searchable(_page(body))


@pytest.mark.parametrize("marker", NOT_SEARCHED)
def test_contributor_text_cannot_write_a_marker(marker: str) -> None:
    # Otherwise an event's summary could hide the rest of its page from the search or unbalance it.
    assert find_offences(f"Text.\n\n{marker}\n\nMehr.")


def test_person_country_and_topic_pages_keep_their_lists_out_of_the_search(site: Path) -> None:
    for page, listed in [("personen/michelle-bachelet", "Kast trifft Michelle Bachelet"),
                         ("laender/cl", "Kast gewinnt die Stichwahl"),
                         ("themen/amtsuebergabe", "Amtsübernahme von José Antonio Kast")]:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        content = html.split("data-pagefind-body", 1)[1].split("</article>", 1)[0]
        searched, ignored = content.split("<div data-pagefind-ignore>", 1)
        assert listed not in searched and listed in ignored, page
        assert "data-chronik-suche" not in html, page
