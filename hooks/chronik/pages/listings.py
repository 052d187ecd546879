"""Lists that must not grow with the chronicle: long event lists split into pages, the people index.

The events of a person, country or topic (more than LISTING_PAGE_SIZE): oldest first, like the
timeline, LISTING_PAGE_SIZE to a page, grouped by year. The first page is the person's, country's
or topic's own page; pages 2, 3, … are `<page>/seite-N.md`. Each page says which events it holds
and links to every other page with the months it covers, so the newest events are one click away.
The people index (more than PEOPLE_INDEX_SPLIT people): `personen/index.md` lists the letters,
one page `personen/verzeichnis/<buchstabe>.md` per letter (letters beyond A–Z: `weitere`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

from ..chronicle.model import Event
from .published import PEOPLE_INDEX, listing_page_path, people_letter_path
from .views import Page, PagePlan, Views, link, month_span, render_page

LISTING_PAGE_SIZE = 100  # more events of one person, country or topic: grouped by year, 100 to a page
PEOPLE_INDEX_SPLIT = 500  # more people: personen/index.md lists the letters, one page per letter

Chunks = list[tuple[str, list[Event]]]  # (page path, its events) for each page of a list


def paginate(first_page: str, events: list[Event]) -> Chunks:
    """A list of events as pages of LISTING_PAGE_SIZE, oldest first."""
    chunks = [events[start:start + LISTING_PAGE_SIZE] for start in range(0, len(events), LISTING_PAGE_SIZE)]
    return [(first_page if number == 1 else listing_page_path(first_page, number), chunk)
            for number, chunk in enumerate(chunks or [[]], 1)]


def list_plans(first_page: str, events: list[Event], source: str | None = None) -> tuple[PagePlan, ...]:
    """The pages of a list: the first is the person's, country's or topic's own page, then listings."""
    return (PagePlan(first_page, source), *(PagePlan(path, listing=True) for path, _ in paginate(first_page, events)[1:]))


class Listings:
    def __init__(self, views: Views) -> None:
        self.views = views
        self.index = views.index

    def paged(self, chunks: Chunks, index: int, person_id: str | None = None) -> dict[str, Any] | None:
        """Page `index` of a list split into pages: its events by year and the links to the other pages."""
        if len(chunks) == 1:
            return None
        here, events = chunks[index]
        years: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for event in events:
            years[event.date.first.year].append(self.views.event_item(event, here, person_id))
        return {
            "number": index + 1, "total": len(chunks), "size": LISTING_PAGE_SIZE,
            "first": index * LISTING_PAGE_SIZE + 1, "last": index * LISTING_PAGE_SIZE + len(events),
            "count": sum(len(chunk) for _, chunk in chunks),
            "years": [{"year": year, "events": items} for year, items in years.items()],
            "previous": link(here, chunks[index - 1][0]) if index else None,
            "next": link(here, chunks[index + 1][0]) if index + 1 < len(chunks) else None,
            "pages": [{"number": number, "link": link(here, path), "current": number == index + 1,
                       "span": month_span(chunk[0], chunk[-1])}
                      for number, (path, chunk) in enumerate(chunks, 1)],
        }

    def more_pages(self, chunks: Chunks, name: str, prefix: str, first: str,
                   quotes: Callable[[list[Event], str], list[dict[str, Any]]] | None = None,
                   person_id: str | None = None) -> list[Page]:
        """Pages 2, 3, … of a long list: listings, outside the navigation and the search."""
        return [render_page(path, "listing.md.j2", listing=True, name=name, prefix=prefix,
                            back=link(path, first), paged=self.paged(chunks, index, person_id),
                            quotes=quotes(chunk, path) if quotes else [])
                for index, (path, chunk) in enumerate(chunks) if index]

    def people_index_plans(self) -> tuple[PagePlan, ...]:
        return (PagePlan(PEOPLE_INDEX, in_nav=True, listing=True),
                *(PagePlan(people_letter_path(slug), listing=True) for slug in self._letter_pages()))

    def _letter_pages(self) -> dict[str, list[str]]:
        """Page slug -> its letters (letters beyond A–Z share one); none while one page holds everyone."""
        slugs: dict[str, list[str]] = defaultdict(list)
        if len(self.index.people) > PEOPLE_INDEX_SPLIT:
            for letter in self.index.people_by_letter:
                slugs[letter.lower() if "A" <= letter <= "Z" else "weitere"].append(letter)
        return slugs

    def people_index_pages(self) -> list[Page]:
        people = self.index.people
        slugs = self._letter_pages()
        if not slugs:
            return [render_page(PEOPLE_INDEX, "people_index.md.j2", in_nav=True, listing=True,
                                letters=self._people_by_letter(PEOPLE_INDEX))]
        pages = [render_page(PEOPLE_INDEX, "people_index_letters.md.j2", in_nav=True, listing=True,
                             total=len(people), letters=[
                                 {"label": " ".join(letters), "link": link(PEOPLE_INDEX, people_letter_path(slug)),
                                  "count": sum(len(self.index.people_by_letter[letter]) for letter in letters)}
                                 for slug, letters in slugs.items()])]
        for slug, letters in slugs.items():
            here = people_letter_path(slug)
            pages.append(render_page(here, "people_index.md.j2", listing=True, title=" ".join(letters),
                                     overview=link(here, PEOPLE_INDEX),
                                     letters=self._people_by_letter(here, letters)))
        return pages

    def _people_by_letter(self, here: str, only: list[str] | None = None) -> list[dict[str, Any]]:
        return [{"letter": letter, "people": [self.views.person(person.id, here) | {
                    "sort_name": person.sort_name, "count": len(self.index.by_person[person.id])}
                    for person in people]}
                for letter, people in self.index.people_by_letter.items() if only is None or letter in only]
