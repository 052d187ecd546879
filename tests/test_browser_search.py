"""Name search as readers use it: typed into the real search box, with or without accents."""

from __future__ import annotations

import pytest

from browser import heading

pytestmark = pytest.mark.browser

RESULT_TITLES = ".pagefind-ui__result-title"
SEARCH_INPUT = ".chronik-suche .pagefind-ui__search-input"


def open_search(page, base_url: str, key: str = "/") -> None:
    page.goto(base_url)
    page.keyboard.press(key)
    page.wait_for_selector(SEARCH_INPUT)


def search(page, query: str, scope: str = ".chronik-suche") -> list[str]:
    """Type a query and return the result titles once Pagefind has answered and loaded them."""
    page.fill(f"{scope} .pagefind-ui__search-input", query)
    page.locator(f"{scope} .pagefind-ui__message").filter(has_text=query).wait_for()
    return loaded_titles(page, scope)


def loaded_titles(page, scope: str = ".chronik-suche") -> list[str]:
    # Pagefind first shows placeholders (". . .") and fills in each result as its data arrives.
    page.wait_for_function(
        "scope => [...document.querySelectorAll(scope + ' .pagefind-ui__result-title')]"
        ".every(title => !title.textContent.includes('. . .'))", arg=scope)
    return page.locator(f"{scope} {RESULT_TITLES}").all_inner_texts()


@pytest.fixture
def search_box(page, base_url: str):
    open_search(page, base_url)
    return page


@pytest.mark.parametrize("query, person", [
    ("kast", "José Antonio Kast"),
    ("bachelet", "Michelle Bachelet"),
    ("frei", "Eduardo Frei Ruiz-Tagle"),
    ("milei", "Javier Milei"),
    ("daza", "José Luis Daza"),
    ("noboa", "Daniel Noboa"),
    ("valenzuela", "Cristián Valenzuela"),
    ("paco", "Diego Paco"),
    ("jeri", "José Jerí"),
    ("JERI", "José Jerí"),
    ("Jerí", "José Jerí"),
    ("ruiz tagle", "Eduardo Frei Ruiz-Tagle"),
    ("Ruiz-Tagle", "Eduardo Frei Ruiz-Tagle"),
    ("cristian valenzuela", "Cristián Valenzuela"),
    ("Kast Rist", "José Antonio Kast"),  # an alias from the person's file
    ("Jeria", "Michelle Bachelet"),  # part of an alias, without its accent-free twin in any text
])
def test_a_name_finds_the_person_first(search_box, query: str, person: str) -> None:
    assert search(search_box, query)[0] == person


def test_an_event_title_carries_its_date(search_box) -> None:
    assert "Kast trifft Daniel Noboa in Quito – 23. Dezember 2025" in search(search_box, "noboa quito")


def test_jose_lists_every_jose(search_box) -> None:
    titles = search(search_box, "jose")
    assert {"José Antonio Kast", "José Jerí", "José Luis Daza"} <= set(titles[:3])


@pytest.mark.parametrize("query", ["Peru", "Perú", "peru"])
def test_a_country_is_found_by_its_german_and_spanish_name(search_box, query: str) -> None:
    assert search(search_box, query)[0] == "🇵🇪 Peru"


def test_results_show_an_excerpt_with_the_match_highlighted(search_box) -> None:
    search(search_box, "humanitären")
    result = search_box.locator(".chronik-suche .pagefind-ui__result").first
    assert result.locator(RESULT_TITLES).inner_text().startswith("Kast trifft Daniel Noboa in Quito")
    assert result.locator(".pagefind-ui__result-excerpt mark").first.inner_text() == "humanitären"


def test_a_filter_narrows_the_results(search_box) -> None:
    everything = search(search_box, "kast")
    search_box.locator(".chronik-suche .pagefind-ui__filter-name", has_text="Land").click()
    search_box.locator(".chronik-suche .pagefind-ui__filter-label", has_text="Argentinien").click()
    search_box.locator(".chronik-suche .pagefind-ui__message", has_text="2 Ergebnisse").wait_for()
    narrowed = loaded_titles(search_box)
    assert sorted(narrowed) == ["Kast trifft Javier Milei in Buenos Aires – 16. Dezember 2025", "🇦🇷 Argentinien"]
    assert len(everything) > len(narrowed)


def test_no_match_is_said_in_german(search_box) -> None:
    assert search(search_box, "xylophon") == []
    assert search_box.locator(".chronik-suche .pagefind-ui__message").inner_text() == "Keine Ergebnisse für xylophon"


def test_the_s_key_opens_escape_closes_and_a_result_leads_to_its_page(page, base_url: str) -> None:
    open_search(page, base_url, key="s")
    search(page, "bachelet")
    page.keyboard.press("Escape")
    assert not page.locator(".chronik-suche").is_visible()
    page.locator(".chronik-suche__knopf").click()
    search(page, "bachelet")
    page.locator(f".chronik-suche {RESULT_TITLES}").first.click()
    assert heading(page) == "Michelle Bachelet"


def test_typing_a_slash_into_a_field_does_not_open_the_search(page, base_url: str) -> None:
    page.goto(base_url + "suche/")
    page.locator("#chronik-suchseite input").type("a/s")
    assert not page.locator(".chronik-suche").is_visible()


def test_a_search_can_be_linked(page, base_url: str) -> None:
    page.goto(base_url + "suche/?q=jeri")
    page.locator("#chronik-suchseite .pagefind-ui__message", has_text="jeri").wait_for()
    assert loaded_titles(page, "#chronik-suchseite")[0] == "José Jerí"
    assert search(page, "milei", scope="#chronik-suchseite")[0] == "Javier Milei"
    assert page.url.endswith("/suche/?q=milei")


def test_search_works_on_a_phone(page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url)
    page.locator(".chronik-suche__knopf").click()
    page.wait_for_selector(SEARCH_INPUT)
    assert search(page, "jeri")[0] == "José Jerí"
    box = page.locator(".chronik-suche").bounding_box()
    assert box["width"] <= 390 and page.evaluate("document.documentElement.scrollWidth") <= 390


def test_only_page_content_is_indexed_not_navigation_footer_or_edit_link(page, base_url: str) -> None:
    page.goto(base_url)
    content = page.evaluate("""async () => {
        const pagefind = await import('./pagefind/pagefind.js');
        const found = await pagefind.search('bachelet');
        const pages = await Promise.all(found.results.map(result => result.data()));
        return pages.find(data => data.meta.title === 'Michelle Bachelet').content;
    }""")
    assert "Ehemalige Präsidentin Chiles" in content
    for outside in ("Seite editieren", "Inhalte unter CC BY", "Über diese Chronik", "Zeitleiste", "Suche"):
        assert outside not in content
