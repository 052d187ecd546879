"""The site as a reader sees it (issue 12): news on the first screen, a timeline that reads like
a chronicle, compact event pages, finished edges, no horizontal scrolling on a phone."""

from __future__ import annotations

import re

import pytest

from browser import heading
from chronik.chronicle.dates import format_span, latest as newest_date


pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCREENS = {"desktop": DESKTOP, "phone": PHONE}
ENTRY = "li:has(> .chronik-eintrag__datum)"
# One page of every kind a reader meets.
PAGE_TYPES = {
    "start": "", "timeline": "zeitleiste/", "event": "ereignisse/2025-12-23-kast-trifft-noboa/",
    "person": "personen/jose-antonio-kast/", "country": "laender/us/", "topic": "themen/aussenpolitik/",
    "people": "personen/", "countries": "laender/", "topics": "themen/", "about": "ueber/", "data": "daten/",
    "contribute": "mitmachen/", "search": "suche/?q=kast", "404": "404.html",
}


def on_first_screen(page, locator, viewport: dict) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


@pytest.mark.parametrize("screen", SCREENS)
def test_the_first_screen_says_what_this_is_how_current_and_the_newest_events(page, base_url: str, screen: str,
                                                                          shipped_chronicle) -> None:
    viewport = SCREENS[screen]
    page.set_viewport_size(viewport)
    page.goto(base_url)
    article = page.locator("article")
    assert on_first_screen(page, article.locator("h1 + p"), viewport)  # the editors' lead (issue 25)
    # The "Stand" of the start page: the date of the newest source.
    newest = newest_date(e.newest_source_date for e in shipped_chronicle.events if e.newest_source_date)
    stand = article.get_by_text(f"Stand: {format_span(newest, None)}")
    assert on_first_screen(page, stand, viewport)
    latest = page.locator("#zuletzt + ul > li")
    assert latest.count() >= 3
    # After the lead: on a desktop the newest two entries whole and the third begun, on a phone the newest
    # begun (titles of the grown chronicle are longer than the seed's).
    shown = 2 if screen == "desktop" else 0
    assert latest.nth(shown).bounding_box()["y"] < viewport["height"]
    for number in range(3):
        entry = latest.nth(number)
        assert number >= shown or on_first_screen(page, entry, viewport), (screen, number, entry.bounding_box())
        # weekday and date, with the year where no month heading names it: "Fr., 20. März 2026"
        assert re.fullmatch(r"(Mo|Di|Mi|Do|Fr|Sa|So)\., [0-9]{1,2}\. \S+ 20[0-9]{2}", entry.locator("time").inner_text())
        assert entry.locator("abbr").count() == 0  # no "Tag 9" that reads as an error
        assert len(entry.locator(".chronik-eintrag__teaser").inner_text()) > 20
    # Plans follow the news; the chart and the counts come after.
    plans = page.locator("#als-nachstes-geplant").bounding_box()["y"]
    assert latest.nth(0).bounding_box()["y"] < plans < page.locator(".chronik-verlauf").bounding_box()["y"]


@pytest.mark.parametrize("screen", SCREENS)
def test_the_timeline_has_a_date_column_a_teaser_and_a_way_to_the_newest(page, base_url: str, screen: str,
                                                                        shipped_chronicle) -> None:
    page.set_viewport_size(SCREENS[screen])
    page.goto(base_url + "zeitleiste/")
    assert page.locator("article h2", has_text="Dezember 2025").is_visible()
    entries = page.locator(f"article {ENTRY}")
    assert entries.count() == len(shipped_chronicle.events)
    for number in range(entries.count()):
        entry = entries.nth(number)
        date = entry.locator(".chronik-eintrag__datum").bounding_box()
        title = entry.locator(".chronik-eintrag__text strong a").bounding_box()
        teaser = entry.locator(".chronik-eintrag__teaser")
        assert 0 < len(teaser.inner_text()) <= 162
        if screen == "desktop":  # a date column beside the text
            assert date["x"] + date["width"] <= title["x"] and abs(date["y"] - title["y"]) < 10
        else:  # stacked: date above the title
            assert date["y"] + date["height"] <= title["y"] + 1
    # What happened carries no status label; every entry has one only when it is not a fact.
    assert page.locator(".chronik-status").count() == sum(e.status != "happened" for e in shipped_chronicle.events)
    assert page.locator(".chronik-eintrag__ort", has_text="Quito").first.is_visible()
    page.get_by_role("link", name="Zu den neuesten Ereignissen ↓").click()
    newest = max(e.date.first for e in shipped_chronicle.events)
    month = ["januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober",
             "november", "dezember"][newest.month - 1]
    assert page.url.endswith(f"#{month}-{newest.year}")


def test_the_timeline_is_readable_without_script(browser, base_url: str, shipped_chronicle) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "zeitleiste/")
    assert page.locator(f"article {ENTRY}").count() == len(shipped_chronicle.events)
    assert page.locator(".chronik-eintrag__teaser").first.is_visible()
    context.close()


def test_an_event_page_is_title_date_summary_then_compact_facts(page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + "ereignisse/2025-12-23-kast-trifft-noboa/")
    article = page.locator("article")
    assert article.get_by_text("23. Dezember 2025, 11:00 Uhr · 9 Tage nach der Wahl · Quito, Palacio de Carondelet")\
        .is_visible()
    people = article.locator("p", has_text="Personen:")
    assert people.get_by_role("link", name="Daniel Noboa").is_visible()
    assert "(Präsident Ecuadors)" in people.inner_text()
    assert "Länder:" in people.inner_text() and "Themen:" in people.inner_text()
    headings = article.locator("h2").all_inner_texts()
    assert not {"Personen", "Länder", "Themen", "Zitate"} & set(headings)
    # Title, date line and summary come before the facts; the facts are one compact paragraph.
    summary_top = article.locator("> p").first.bounding_box()["y"]
    assert summary_top < people.bounding_box()["y"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_titles_are_strong_and_quotes_in_body_text_colour(page, base_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "ereignisse/2025-12-22-kast-trifft-bachelet/")
    style = "e => [getComputedStyle(e).color, parseInt(getComputedStyle(e).fontWeight)]"
    h1_colour, h1_weight = page.locator("article h1").evaluate(style)
    h2_colour, h2_weight = page.locator("article h2").first.evaluate(style)
    body_colour, _ = page.locator("article > p").first.evaluate(style)
    quote_colour, _ = page.locator("article blockquote").first.evaluate(style)
    assert h1_weight >= h2_weight and h1_weight >= 700
    assert h1_colour == body_colour  # full text colour, not Material's grey
    assert quote_colour == body_colour
    # the speaker, as they were on that day
    speaker = "— José Antonio Kast, designierter Präsident Chiles · Quelle: "
    assert page.locator("article blockquote").first.inner_text().splitlines()[-1].startswith(speaker)


def test_no_page_type_scrolls_sideways_on_a_phone(page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    for name, path in PAGE_TYPES.items():
        page.goto(base_url + path)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
        tables = page.evaluate("[...document.querySelectorAll('article table')].map(t => t.scrollWidth)")
        assert all(width <= PHONE["width"] for width in tables), (name, tables)


def test_without_script_the_search_page_offers_links(page, base_url: str) -> None:
    """The <noscript> text is HTML with working links, not Markdown (Chromium driven by Playwright
    still parses <noscript> as text, so its content is parsed and followed here)."""
    page.goto(base_url + "suche/")
    links = page.evaluate("""() => {
        const html = document.querySelector('article noscript').textContent;
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return {text: doc.body.textContent, links: [...doc.links].map(a => [a.textContent, a.getAttribute('href')])};
    }""")
    assert links["text"].startswith("Die Suche braucht JavaScript.") and "](" not in links["text"]
    assert [name for name, _ in links["links"]] == ["Zeitleiste", "Personen", "Länder", "Themen"]
    for name, href in links["links"]:
        page.goto(base_url + "suche/" + href)
        assert heading(page) == name


def test_the_404_page_is_german_with_search_and_ways_back(page, base_url: str) -> None:
    page.goto(base_url + "404.html")
    assert heading(page) == "Seite nicht gefunden"
    page.get_by_label("Die Chronik durchsuchen").fill("jeri")
    page.get_by_role("button", name="Suchen").click()
    page.locator("#chronik-suchseite .chronik-suche__titel").first.wait_for()
    assert page.locator("#chronik-suchseite .chronik-suche__titel").first.inner_text() == "José Jerí"
    page.goto(base_url + "404.html")
    page.get_by_role("link", name="Zur Zeitleiste").click()
    assert heading(page) == "Zeitleiste"
    page.goto(base_url + "404.html")
    page.get_by_role("link", name="Zur Startseite").click()
    assert heading(page) == "Chiles Machtwechsel 2025/26"


def test_the_edit_link_is_labelled_and_only_where_there_is_a_source(page, base_url: str) -> None:
    page.goto(base_url + "ereignisse/2025-12-14-kast-gewinnt-stichwahl/")
    edit = page.get_by_role("link", name="Seite bearbeiten")
    assert edit.is_visible() and edit.get_attribute("href").endswith("/events/2025-12-14-kast-gewinnt-stichwahl.yaml")
    page.goto(base_url + "suche/")
    assert page.locator("a[rel=edit]").count() == 0


def test_finished_edges(page, base_url: str) -> None:
    page.goto(base_url)
    assert "Made with" not in page.locator("footer").inner_text()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    icon = page.locator(".chronik-verlauf summary").evaluate("e => getComputedStyle(e, '::before').display")
    assert icon == "none"  # no pencil on the weekly figures
    page.goto(base_url + "laender/us/")
    first = page.locator("article h1 ~ p").first.inner_text()
    assert re.match(r"[0-9]+ Ereignisse? mit Bezug zu den Vereinigten Staaten[.,]", first) and "ISO" not in first
