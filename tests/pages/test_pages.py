"""Page generation from model values, without files or MkDocs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re

import pytest

from chronik.chronicle.dates import parse_partial_date
from chronik.pages import listings as listings_module
from chronik.pages import pages as pages_module
from chronik.pages import timeline as timeline_module
from chronik.chronicle.model import Chronicle, Event, Person, Quote, Settings, Source
from chronik.pages.fragments import MarkerError, expand_markers
from chronik.pages.views import write_pages
from conftest import generated_fragments, generated_pages
from chronik.publish.search_names import _address
from chronik.pages.search_marks import NAME_SORT, name_rank, name_weight

SETTINGS = Settings(title="Test", country="CL", president_elect="ana-perez", election=dt.date(2025, 12, 14),
                    inauguration=dt.date(2026, 3, 11), topics={"wahl": "Wahl"})
HOSTILE = '<script>alert(1)</script> {{ 7*7 }} {% if x %} *fett* [x](javascript:alert(1)) & #'


NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"  # a listing's front matter


def event(event_id: str, date: str, **fields) -> Event:
    values = dict(title="Titel", summary="Text.", countries=("CL",), sources=(Source("Zeitung", "Bericht"),))
    values.update(fields)
    return Event(id=event_id, path=f"events/{event_id}.yaml", date=parse_partial_date(date), **values)


def chronicle(*events: Event, today: dt.date = dt.date(2026, 1, 15)) -> Chronicle:
    people = {"ana-perez": Person("ana-perez", "people/ana-perez.yaml", "Ana Pérez", "Gewählt", "Pérez, Ana")}
    return Chronicle(SETTINGS, tuple(sorted(events, key=lambda e: e.sort_key)), people, today)


def pages_of(chron: Chronicle) -> dict[str, str]:
    return {page.path: page.markdown for page in generated_pages(chron)}


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
    first = generated_pages(chronicle(*events))
    second = generated_pages(chronicle(*reversed(events)))
    assert first == second


def test_vague_dates_sort_by_their_start_and_long_or_year_only_ones_stand_apart() -> None:
    pages = pages_of(chronicle(event("2026-01-monat", "2026-01", title="Monat"),
                               event("2026-01-31-tag", "2026-01-31", title="Tag"),
                               event("2026-01-01-erster", "2026-01-01", title="Erster"),
                               event("2026-jahr", "2026", title="Jahr"),
                               event("2025-12-lang", "2025-12", title="Lang", end=parse_partial_date("2026-03"))))
    timeline = pages["zeitleiste.md"]
    # A month-only date starts on the first: before that day's events and the rest of the month.
    assert timeline.index("[Monat]") < timeline.index("[Erster]") < timeline.index("[Tag]")
    unscheduled = timeline.split("## Ohne festen Termin", 1)[1]
    assert "[Jahr]" in unscheduled and "[Lang]" in unscheduled and "[Tag]" not in unscheduled
    assert "## Dezember 2025" not in timeline  # the long range does not stand under its first month


def test_an_event_page_says_how_many_days_after_the_election_it_lay_as_readers_count() -> None:
    pages = pages_of(chronicle(event("2025-12-14-wahl", "2025-12-14"), event("2025-12-22-x", "2025-12-22"),
                               event("2025-12-15-y", "2025-12-15"), event("2025-12-01-vorher", "2025-12-01")))
    assert " · am Wahltag" in pages["ereignisse/2025-12-14-wahl.md"]
    assert " · 8\u00a0Tage nach der Wahl" in pages["ereignisse/2025-12-22-x.md"]  # 22 Dec is 8 days after 14 Dec
    assert " · 1\u00a0Tag nach der Wahl" in pages["ereignisse/2025-12-15-y.md"]
    assert "Wahl" not in pages["ereignisse/2025-12-01-vorher.md"].split("chronik-kopf", 1)[1].split("\n")[0]
    assert "Tag 9" not in "".join(pages.values())  # the old counter, read as an error, is gone


def test_an_overdue_plan_tells_readers_how_old_its_source_is() -> None:
    source = Source("Zeitung", "Bericht", date=parse_partial_date("2025-12-22"))
    pages = pages_of(chronicle(event("2026-01-05-plan", "2026-01-05", status="planned", sources=(source,))))
    assert ("Dieser Plan gibt den Stand der neuesten Quelle vom 22. Dezember 2025 wieder. Das Datum ist vorbei"
            in pages["ereignisse/2026-01-05-plan.md"])


def test_start_page_fragments_split_latest_and_upcoming_at_today() -> None:
    fragments = generated_fragments(chronicle(event("2026-01-10-vorbei", "2026-01-10", title="Vorbei"),
                                          event("2026-02-01-plan", "2026-02-01", title="Plan", status="planned")))
    assert "[Vorbei]" in fragments["neueste"] and "[Plan]" not in fragments["neueste"]
    assert "[Plan]" in fragments["geplant"]
    assert fragments["zahlen"] == "**2** Ereignisse · **1** Person · **1** Land\n"


def test_markers_are_replaced_with_links_rebased_to_the_page() -> None:
    text = expand_markers("A\n<!-- chronik: liste -->\n", {"liste": "- [X](ereignisse/x.md)\n"}, "ordner/seite.md")
    assert text == "A\n- [X](../ereignisse/x.md)\n\n"


def test_an_unknown_marker_is_an_error_naming_the_page() -> None:
    with pytest.raises(MarkerError) as error:
        expand_markers("<!-- chronik: gibtsnicht -->", {"zahlen": ""}, "index.md")
    assert error.value.args[0] == "index.md: unbekannter Platzhalter `chronik: gibtsnicht`; bekannt sind: zahlen"


def test_pages_can_be_written_to_a_folder(tmp_path) -> None:
    written = write_pages(generated_pages(chronicle(event("2025-12-20-x", "2025-12-20"))), tmp_path)
    assert (tmp_path / "ereignisse" / "2025-12-20-x.md").read_text(encoding="utf-8").startswith(
        '---\ndescription: "Text."\nog_type: article\n---\n\n# Titel\n')
    assert len(written) == len(list(tmp_path.rglob("*.md")))


def test_a_source_address_cannot_break_out_of_its_link() -> None:
    source = Source("Zeitung", "Bericht", url="https://x.org/a)[y](javascript:alert(1)")
    page = pages_of(chronicle(event("2025-12-20-x", "2025-12-20", sources=(source,))))["ereignisse/2025-12-20-x.md"]
    assert "[Bericht](https://x.org/a%29%5By%5D%28javascript:alert%281%29)" in page


def test_a_source_without_address_links_to_the_sourcing_note_when_there_is_one() -> None:
    sources = (Source("Zeitung", "Bericht"), Source("Zeitung", "Online", url="https://x.org/a"))
    chron = chronicle(event("2025-12-20-x", "2025-12-20", sources=sources))
    without = pages_of(chron)["ereignisse/2025-12-20-x.md"]
    assert "Warum ohne Link?" not in without
    noted = dataclasses.replace(chron, settings=dataclasses.replace(SETTINGS, sourcing_note="ueber.md#quellen"))
    page = pages_of(noted)["ereignisse/2025-12-20-x.md"]
    assert "1. <span id=\"quelle-1\"></span>Zeitung: Bericht ([Warum ohne Link?](../ueber.md#quellen))" in page
    assert page.count("Warum ohne Link?") == 1  # not for the source with an address


def test_settings_refuse_a_sourcing_note_outside_the_docs() -> None:
    from chronik.sources.settings import SettingsError, read_config, settings_from_config
    from conftest import PROJECT
    config = read_config(PROJECT)
    assert settings_from_config(config).sourcing_note == "ueber.md#der-ausgangsartikel"
    for bad in ("https://x.org/", "../geheim.md", "ueber.md#<b>", 3):
        chronicle_settings = dict(config["extra"]["chronicle"], sourcing_note=bad)
        with pytest.raises(SettingsError) as error:
            settings_from_config({"site_url": "https://example.org/", "extra": {"chronicle": chronicle_settings}})
        assert error.value.problems[0].message.startswith("`extra.chronicle.sourcing_note` ist keine Seite"), bad


# Pages that do not grow with the chronicle ----------------------------------------------

def many_events(count: int, **fields) -> list[Event]:
    """`count` events, a few a day from 1 December 2025 on."""
    start = dt.date(2025, 12, 1)
    return [event(f"{day.isoformat()}-e{index}", day.isoformat(), title=f"Ereignis {index}", **fields)
            for index in range(count) for day in [start + dt.timedelta(days=index // 3)]]


def assert_links_resolve(pages: dict[str, str]) -> None:
    for path, markdown in pages.items():
        for target in re.findall(r"\]\(([^)]+\.md)\)", markdown):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) in pages, (path, target)


def event_lines(markdown: str) -> list[str]:
    return re.findall(r"^- .*?\[.*\]\([^)]*ereignisse/[^)]+\.md\)", markdown, re.MULTILINE)


def test_a_small_chronicle_keeps_one_timeline_page_and_one_page_per_list() -> None:
    built = generated_pages(chronicle(*many_events(listings_module.LISTING_PAGE_SIZE, people=("ana-perez",),
                                               topics=("wahl",))))
    assert [page.path for page in built if not page.path.startswith("ereignisse/")] == [
        "personen/ana-perez.md", "laender/cl.md", "themen/wahl.md",
        "zeitleiste.md", "personen/index.md", "laender/index.md", "themen/index.md"]
    pages = {page.path: page.markdown for page in built}
    assert len(event_lines(pages["zeitleiste.md"])) == len(event_lines(pages["personen/ana-perez.md"])) == 100
    assert "Seite 1 von" not in pages["personen/ana-perez.md"] + pages["laender/cl.md"] + pages["themen/wahl.md"]
    timeline = pages_of(chronicle(*many_events(timeline_module.TIMELINE_SPLIT)))["zeitleiste.md"]
    assert len(event_lines(timeline)) == timeline_module.TIMELINE_SPLIT


def test_above_the_threshold_the_timeline_is_an_overview_of_month_pages() -> None:
    built = generated_pages(chronicle(*many_events(timeline_module.TIMELINE_SPLIT + 1), event("2026-jahr", "2026")))
    pages = {page.path: page for page in built}
    months = [path for path in pages if path.startswith("zeitleiste/")]
    assert months == ["zeitleiste/2025-12.md", "zeitleiste/2026-01.md", "zeitleiste/2026-02.md",
                      "zeitleiste/2026-03.md", "zeitleiste/ohne-festen-termin.md"]
    overview = pages["zeitleiste.md"].markdown
    assert event_lines(overview) == []  # only months with counts
    assert "- [Dezember](zeitleiste/2025-12.md) – 93 Ereignisse" in overview
    assert "## Ohne festen Termin\n\n- [alle Ereignisse](zeitleiste/ohne-festen-termin.md) – 1 Ereignis" in overview
    assert sum(len(event_lines(pages[path].markdown)) for path in months) == timeline_module.TIMELINE_SPLIT + 2
    assert pages["zeitleiste.md"].in_nav and not any(pages[path].in_nav for path in months)
    assert all(pages[path].listing for path in ["zeitleiste.md", *months])
    assert_links_resolve({path: page.markdown for path, page in pages.items()})


def test_listings_and_only_listings_keep_out_of_the_search_by_their_front_matter(monkeypatch) -> None:
    monkeypatch.setattr(listings_module, "LISTING_PAGE_SIZE", 4)
    built = generated_pages(chronicle(*many_events(timeline_module.TIMELINE_SPLIT + 1, people=("ana-perez",))))
    listings = [page for page in built if page.listing]
    assert {"zeitleiste.md", "zeitleiste/2026-01.md", "personen/index.md", "personen/ana-perez/seite-2.md",
            "laender/index.md", "themen/index.md"} <= {page.path for page in listings}
    for page in built:
        front_matter = page.markdown.split("\n---\n", 1)[0]
        assert ("search:\n  exclude: true" in front_matter) is page.listing, page.path
        assert page.markdown.count("search:") == page.listing, page.path  # one front matter, not two


def test_month_pages_link_to_the_previous_and_next_month_and_the_overview() -> None:
    pages = pages_of(chronicle(*many_events(timeline_module.TIMELINE_SPLIT + 1)))
    months = [path for path in pages if path.startswith("zeitleiste/")]
    for index, path in enumerate(months):
        links = {posixpath.normpath(posixpath.join("zeitleiste", target))
                 for target in re.findall(r"\]\(([^)]+\.md)\)", pages[path]) if "ereignisse/" not in target}
        expected = {"zeitleiste.md"} | {months[other] for other in (index - 1, index + 1) if 0 <= other < len(months)}
        assert links == expected, path
    assert pages["zeitleiste/2026-01.md"].startswith(
        f"{NOT_SEARCHED}# Zeitleiste: Januar 2026\n\n[← Dezember 2025](2025-12.md) · [Alle Monate](../zeitleiste.md) · "
        "[Februar 2026 →](2026-02.md)")


def test_long_lists_of_a_person_country_or_topic_are_paginated_and_no_page_exceeds_the_page_size(monkeypatch) -> None:
    monkeypatch.setattr(listings_module, "LISTING_PAGE_SIZE", 4)
    quote = (Quote("ana-perez", "Ein Satz"),)
    built = generated_pages(chronicle(*many_events(10, people=("ana-perez",), topics=("wahl",), quotes=quote)))
    pages = {page.path: page for page in built}
    for first in ("personen/ana-perez.md", "laender/cl.md", "themen/wahl.md"):
        more = [f"{first.removesuffix('.md')}/seite-{number}.md" for number in (2, 3)]
        assert [path for path in pages if path.startswith(first.removesuffix(".md") + "/")] == more
        assert [len(event_lines(pages[path].markdown)) for path in (first, *more)] == [4, 4, 2], first
        assert not pages[first].listing and all(pages[path].listing and not pages[path].in_nav for path in more)
        assert "**Seite 1 von 3** (Ereignisse 1–4 von 10, älteste zuerst)" in pages[first].markdown
        assert "**Seite 3 von 3** (Ereignisse 9–10 von 10, älteste zuerst) · [← vorherige Seite](seite-2.md)" \
            in pages[more[1]].markdown
    person = pages["personen/ana-perez.md"].markdown
    assert "### 2025" in person and "[nächste Seite →](ana-perez/seite-2.md)" in person
    assert person.count("> „Ein Satz“") == 4  # the quotes of this page's events
    assert pages["personen/ana-perez/seite-2.md"].markdown.startswith(
        f"{NOT_SEARCHED}# Ana Pérez: Ereignisse, Seite 2\n\n[Zurück zu Ana Pérez](../ana-perez.md)")
    assert_links_resolve({path: page.markdown for path, page in pages.items()})


def test_a_person_page_lists_the_newest_plans_and_says_how_many_earlier_ones_the_timeline_has(monkeypatch) -> None:
    monkeypatch.setattr(pages_module, "PLANS_COUNT", 3)
    plans = many_events(5, people=("ana-perez",), status="planned")
    person = {page.path: page for page in generated_pages(chronicle(*plans))}["personen/ana-perez.md"].markdown
    listed = person.split("## Geplant, möglich oder nicht zustande gekommen", 1)[1]
    assert "Die neuesten 3; 2 frühere stehen in der Zeitleiste." in listed
    assert [title for title in re.findall(r"\[(Ereignis \d)\]", listed)] == ["Ereignis 2", "Ereignis 3", "Ereignis 4"]


def test_a_long_people_index_has_one_page_per_letter(monkeypatch) -> None:
    monkeypatch.setattr(listings_module, "PEOPLE_INDEX_SPLIT", 2)
    people = {pid: Person(pid, f"people/{pid}.yaml", name, "Beschreibung", sort)
              for pid, name, sort in [("ana-perez", "Ana Pérez", "Pérez, Ana"), ("eva-ohm", "Eva Öhm", "Öhm, Eva"),
                                      ("luis-ortiz", "Luis Ortiz", "Ortiz, Luis"), ("zed", "7even", "7even")]}
    everyone = event("2025-12-20-x", "2025-12-20", people=tuple(people))
    chron = Chronicle(SETTINGS, (everyone,), people, dt.date(2026, 1, 15))
    pages = {page.path: page for page in generated_pages(chron)}
    letters = [path for path in pages if path.startswith("personen/verzeichnis/")]
    assert letters == ["personen/verzeichnis/weitere.md", "personen/verzeichnis/o.md", "personen/verzeichnis/p.md"]
    index = pages["personen/index.md"].markdown
    assert "- [O](verzeichnis/o.md) – 2 Personen" in index and "ortiz" not in index.lower()
    assert "[Öhm, Eva](../eva-ohm.md)" in pages["personen/verzeichnis/o.md"].markdown
    assert all(pages[path].listing and not pages[path].in_nav for path in letters)
    assert_links_resolve({path: page.markdown for path, page in pages.items()})


def test_a_persons_names_weigh_more_the_more_events_they_have() -> None:
    weights = [name_weight(events, 1000) for events in (0, 1, 2, 10, 100, 500)]
    assert weights == sorted(weights) and len(set(weights)) == len(weights)
    assert 6 <= weights[0] and weights[-1] < 10 == name_weight(1000, 1000) == name_weight(3, 1000, president_elect=True)


def test_person_and_country_pages_carry_their_name_weight_as_a_sort_key_in_text_order(shipped_chronicle) -> None:
    ranks = [name_rank(name_weight(events, 1000)) for events in (0, 1, 10, 100, 1000)]
    assert ranks == sorted(ranks) and ranks[0] == "0800" and ranks[-1] == "1000"  # text order is number order
    pages = {page.path: page.markdown for page in generated_pages(shipped_chronicle)}
    sort_keys = {path: re.findall(r'data-pagefind-sort="([^"]+)"', markdown) for path, markdown in pages.items()}
    assert sort_keys["personen/jose-antonio-kast.md"] == [f"{NAME_SORT}:1000"]
    assert all(keys == [f"{NAME_SORT}:1000"] for path, keys in sort_keys.items() if re.match(r"laender/[a-z]{2}\.md$", path))
    assert all(keys == [] for path, keys in sort_keys.items() if not path.startswith(("personen/", "laender/")))


def test_the_names_list_writes_out_only_addresses_that_do_not_follow_from_the_name() -> None:
    assert _address("jose-antonio-kast", "José Antonio Kast") == ""
    assert _address("jose-perez-2", "José Pérez") == "-2"
    assert _address("amtsuebergabe", "Amtsübergabe") == "amtsuebergabe"
    assert _address("ana-maria", "Ana") == "-maria"
    assert _address("kast", "José Antonio Kast") == "kast"
    assert _address("strasse", "Straße") == ""
