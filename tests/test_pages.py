"""Page generation from model values, without files or MkDocs."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import pytest

from chronik.dates import parse_partial_date
from chronik.model import Chronicle, Event, Person, Settings, Source
from chronik.pages import build_fragments, build_pages, expand_markers, write_pages

SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={"wahl": "Wahl"})
HOSTILE = '<script>alert(1)</script> {{ 7*7 }} {% if x %} *fett* [x](javascript:alert(1)) & #'


def event(event_id: str, date: str, **fields) -> Event:
    values = dict(title="Titel", summary="Text.", countries=("CL",), sources=(Source("Zeitung", "Bericht"),))
    values.update(fields)
    return Event(id=event_id, path=f"events/{event_id}.yaml", date=parse_partial_date(date), **values)


def chronicle(*events: Event, today: dt.date = dt.date(2026, 1, 15)) -> Chronicle:
    people = {"ana-perez": Person("ana-perez", "people/ana-perez.yaml", "Ana Pérez", "Gewählt", "Pérez, Ana")}
    return Chronicle(SETTINGS, tuple(sorted(events, key=lambda e: e.sort_key)), people, today)


def pages_of(chron: Chronicle) -> dict[str, str]:
    return {page.path: page.markdown for page in build_pages(chron)}


def test_plain_text_from_contributors_is_shown_as_typed_never_as_markup_or_template() -> None:
    pages = pages_of(chronicle(event("2025-12-20-x", "2025-12-20", title=HOSTILE, place=HOSTILE)))
    page = pages["ereignisse/2025-12-20-x.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert r"\{\{ 7\*7 \}\}" in page and "49" not in page
    assert r"\[x\](javascript:alert(1))" in page
    assert r"\#" in page


def test_every_link_between_generated_pages_resolves() -> None:
    chron = chronicle(event("2025-12-20-reise", "2025-12-20", people=("ana-perez",), topics=("wahl",)),
                      event("2025-12-21-teil", "2025-12-21", part_of="2025-12-20-reise", countries=("CL", "PE")))
    pages = pages_of(chron)
    for path, markdown in pages.items():
        for target in re.findall(r"\]\(([^)]+\.md)\)", markdown):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) in pages, (path, target)


def test_the_same_chronicle_gives_the_same_pages_in_the_same_order() -> None:
    events = [event(f"2025-12-{day:02d}-e", f"2025-12-{day:02d}", people=("ana-perez",)) for day in range(14, 31)]
    first = build_pages(chronicle(*events))
    second = build_pages(chronicle(*reversed(events)))
    assert first == second


def test_dates_of_lower_precision_come_after_the_days_of_their_month() -> None:
    pages = pages_of(chronicle(event("2026-01-monat", "2026-01", title="Monat"),
                               event("2026-01-31-tag", "2026-01-31", title="Tag"),
                               event("2026-jahr", "2026", title="Jahr")))
    timeline = pages["zeitleiste.md"]
    assert timeline.index("[Tag]") < timeline.index("[Monat]") < timeline.index("[Jahr]")
    assert "## 2026 (Monat unbekannt)" in timeline


def test_day_of_the_transition_counts_the_election_day_as_day_one() -> None:
    pages = pages_of(chronicle(event("2025-12-14-wahl", "2025-12-14"), event("2025-12-22-x", "2025-12-22"),
                               event("2025-12-01-vorher", "2025-12-01")))
    assert "Tag 1" in pages["ereignisse/2025-12-14-wahl.md"]
    assert "Tag 9" in pages["ereignisse/2025-12-22-x.md"]
    assert "Tag" not in pages["ereignisse/2025-12-01-vorher.md"].split("\n")[2]


def test_an_overdue_plan_tells_readers_how_old_its_source_is() -> None:
    source = Source("Zeitung", "Bericht", date=parse_partial_date("2025-12-22"))
    pages = pages_of(chronicle(event("2026-01-05-plan", "2026-01-05", status="planned", sources=(source,))))
    assert ("Dieser Plan gibt den Stand der neuesten Quelle vom 22. Dezember 2025 wieder. Das Datum ist vorbei"
            in pages["ereignisse/2026-01-05-plan.md"])


def test_start_page_fragments_split_latest_and_upcoming_at_today() -> None:
    fragments = build_fragments(chronicle(event("2026-01-10-vorbei", "2026-01-10", title="Vorbei"),
                                          event("2026-02-01-plan", "2026-02-01", title="Plan", status="planned")))
    assert "[Vorbei]" in fragments["neueste"] and "[Plan]" not in fragments["neueste"]
    assert "[Plan]" in fragments["geplant"]
    assert fragments["zahlen"] == "**2** Ereignisse · **1** Person · **1** Land\n"


def test_markers_are_replaced_with_links_rebased_to_the_page() -> None:
    text = expand_markers("A\n<!-- chronik: liste -->\n", {"liste": "- [X](ereignisse/x.md)\n"}, "ordner/seite.md")
    assert text == "A\n- [X](../ereignisse/x.md)\n\n"


def test_an_unknown_marker_is_an_error_naming_the_page() -> None:
    with pytest.raises(KeyError) as error:
        expand_markers("<!-- chronik: gibtsnicht -->", {"zahlen": ""}, "index.md")
    assert error.value.args[0] == "index.md: unbekannter Platzhalter `chronik: gibtsnicht`; bekannt sind: zahlen"


def test_pages_can_be_written_to_a_folder(tmp_path) -> None:
    written = write_pages(build_pages(chronicle(event("2025-12-20-x", "2025-12-20"))), tmp_path)
    assert (tmp_path / "ereignisse" / "2025-12-20-x.md").read_text(encoding="utf-8").startswith("# Titel\n")
    assert len(written) == len(list(tmp_path.rglob("*.md")))


def test_a_source_address_cannot_break_out_of_its_link() -> None:
    source = Source("Zeitung", "Bericht", url="https://x.org/a)[y](javascript:alert(1)")
    page = pages_of(chronicle(event("2025-12-20-x", "2025-12-20", sources=(source,))))["ereignisse/2025-12-20-x.md"]
    assert "[Bericht](https://x.org/a%29%5By%5D%28javascript:alert%281%29)" in page
