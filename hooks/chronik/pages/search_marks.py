"""What pages tell the site search: which lists of other pages it skips, how much a person's names weigh,
and whether a page is searched at all (its front matter). The index itself: chronik.publish.search_index."""

from __future__ import annotations

import math
from typing import Any

LEAST_NAME_WEIGHT = 8  # see name_weight: above a heading's 7, so a name outweighs a title that contains it
# Around what a generated page lists of other pages (its events, companions, countries): the reader
# finds those on their own pages, and indexed here they made every person page a hit for every name
# and word of its events (at 10,000 events a third of the index for a name). Templates write these
# markers (macro `not_searched`); `ignore_listed` turns each pair into one ignored element. They
# are raw HTML no contributor text can hold: markdown_safety allows neither `hidden` nor data attributes.
NOT_SEARCHED = ('<div data-chronik-suche="aus" hidden></div>', '<div data-chronik-suche="an" hidden></div>')
_IGNORED = ("<div data-pagefind-ignore>", "</div>")
_MARKED = "data-chronik-suche"  # in both markers


def name_weight(events: int, all_events: int, president_elect: bool = False) -> float:
    """How much a person's names count (Pagefind's `data-pagefind-weight`, 0 to 10): from 8 to 10 by their
    share of the chronicle's events (present or mentioned) on a log scale, 10 for the president-elect.
    Among people who match a query alike, the one with more events ranks first, where Pagefind alone
    prefers the shorter page; names still count more than headings (7) and text (1)."""
    if president_elect or events >= all_events:
        return 10  # written as the other weights: data-pagefind-weight="10"
    return round(LEAST_NAME_WEIGHT + (10 - LEAST_NAME_WEIGHT) * math.log1p(events) / math.log1p(all_events), 2)


NAME_SORT = "name"  # Pagefind's sort key on person and country pages: what the search UI asks first (suche.js)


def name_rank(weight: float) -> str:
    """A page's name weight as its NAME_SORT value: `8.71` -> `0871`, so that text order is number order.
    Sorted by it, Pagefind returns only the pages that have it, heaviest names first."""
    return f"{round(weight * 100):04d}"


class SearchIndexError(RuntimeError):
    pass


def searched(meta: dict[str, Any]) -> bool:
    """Whether a page goes to the index, by its front matter: as theme/main.html decides where
    `data-pagefind-body` goes (Pagefind would skip the page without it, after reading it)."""
    search = meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude"))


def ignore_listed(html: str) -> str:
    """Each pair of NOT_SEARCHED markers in a page's content becomes one element that Pagefind skips."""
    start, end = NOT_SEARCHED
    if _MARKED not in html:  # most pages list nothing: one search, no copy
        return html
    pieces = html.split(start)
    if end in pieces[0] or any(piece.count(end) != 1 for piece in pieces[1:]):
        raise SearchIndexError("Die Markierungen für nicht durchsuchte Listen sind nicht paarweise; "
                               "prüfe die Vorlagen in hooks/chronik/pages/templates/.")
    return _IGNORED[0].join(pieces).replace(end, _IGNORED[1])
