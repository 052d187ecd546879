"""„Meintest du …?“: misspelled names get the right suggestion, real words get none (shipped chronicle)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from browser import heading
from test_browser_search import DIALOG, SEARCH_PAGE, open_search, search, titles

pytestmark = pytest.mark.browser

HINT = ".chronik-suche__vorschlaege"

# Slips as readers make them: a letter missing, doubled or swapped, a wrong vowel, Spanish names
# spelt the German way, and the same in several words.
SLIPS = {
    "kats": "José Antonio Kast", "Kasst": "José Antonio Kast", "Jose Antonio Kats": "José Antonio Kast",
    "Botschelet": "Michelle Bachelet", "Batschelet": "Michelle Bachelet", "bachelt": "Michelle Bachelet",
    "Nobua": "Daniel Noboa", "Nboa": "Daniel Noboa", "Jery": "José Jerí", "Milley": "Javier Milei",
    "Balenzuela": "Cristián Valenzuela", "Cristian Balensuela": "Cristián Valenzuela", "Dasa": "José Luis Daza",
    "Frey": "Eduardo Frei Ruiz-Tagle", "Ruis Tagle": "Eduardo Frei Ruiz-Tagle", "Pako": "Diego Paco",
    "Argentinia": "Argentinien", "Ekuador": "Ecuador", "Spanein": "Spanien", "Wirtschat": "Wirtschaft",
    "Sicherheti": "Sicherheit", "Migrazion": "Migration",
}
# Words of the chronicle's own texts and of its subject that are not names.
WORDS = ["Reise", "Treffen", "Regierung", "Wahlkampf", "Präsident", "Minister", "Haushalt", "Besuch", "Interview",
         "Kabinett", "Gipfel", "Rede", "Gesetz", "Partei", "Senat", "Kongress", "Botschafter", "Diplomat", "fast",
         "hast", "drei", "Zahl", "Spalten", "Vereidigung", "Pressekonferenz", "Staatsbesuch", "Grenze",
         "Polizei", "Kupfer", "Lithium", "Handel", "Abkommen", "Woche", "Quelle", "Zitat", "Ereignis", "Kas", "xy"]


def suggestions(page, queries: list[str]) -> dict[str, list[str]]:
    """What the suggestion code (chronik/mkdocs/theme/assets/vorschlaege.js) offers for each query, with the site's names."""
    return page.evaluate("""async (queries) => {
        const module = await import('./assets/vorschlaege.js');
        const list = module.entries(await (await fetch('./suche/namen.json')).json());
        return Object.fromEntries(queries.map(q => [q, module.suggest(q, list).map(s => s.name)]));
    }""", queries)


def settled(page, query: str, scope: str = DIALOG) -> list[str]:
    """The suggestions once the search has decided on them for `query`."""
    page.locator(f'{scope} {HINT}[data-fuer="{query}"]').wait_for(state="attached")
    return page.locator(f"{scope} {HINT} a").all_inner_texts()


def test_slips_of_names_suggest_the_name(page, base_url: str) -> None:
    page.goto(base_url)
    found = suggestions(page, list(SLIPS))
    assert {query: names[:1] for query, names in found.items()} == {q: [name] for q, name in SLIPS.items()}
    assert all(len(names) == 1 for names in found.values())  # a near miss brings no far one along


def test_real_words_suggest_nothing(page, base_url: str) -> None:
    page.goto(base_url)
    assert {query: names for query, names in suggestions(page, WORDS).items() if names} == {}


@pytest.mark.parametrize("query, name, address", [
    ("kats", "José Antonio Kast", "personen/jose-antonio-kast/"),
    ("Botschelet", "Michelle Bachelet", "personen/michelle-bachelet/"),
    ("nobua", "Daniel Noboa", "personen/daniel-noboa/"),
])
def test_the_dialog_asks_did_you_mean_and_one_click_searches(page, base_url: str, query: str, name: str,
                                                             address: str) -> None:
    open_search(page, base_url)
    search(page, query)
    assert settled(page, query) == [name]
    hint = page.locator(f"{DIALOG} {HINT}")
    assert hint.inner_text() == f"Meinten Sie {name} (Person)?"
    assert hint.locator("a").get_attribute("href") == base_url + address
    hint.locator("a").click()
    page.locator(f"{DIALOG} .chronik-suche__meldung").filter(has_text=f"„{name}“").wait_for()
    assert titles(page)[0] == name
    assert page.locator(f"{DIALOG} .chronik-suche__eingabe").input_value() == name
    assert settled(page, name) == []


def test_the_search_page_suggests_too_and_the_link_leads_to_the_page(page, base_url: str) -> None:
    page.goto(base_url + "suche/?q=Jery")
    assert settled(page, "Jery", SEARCH_PAGE) == ["José Jerí"]
    href = page.locator(f"{SEARCH_PAGE} {HINT} a").get_attribute("href")
    page.goto(href)
    assert heading(page) == "José Jerí"


@pytest.mark.parametrize("query", ["Reise", "Regierung", "humanitären", "kast", "xylophon"])
def test_no_suggestion_for_words_or_for_names_that_were_found(page, base_url: str, query: str) -> None:
    open_search(page, base_url)
    search(page, query)
    assert settled(page, query) == []
    assert page.locator(f"{DIALOG} {HINT}").is_hidden()


def test_the_names_list_holds_names_kinds_and_addresses_of_existing_pages(page, base_url: str, site: Path) -> None:
    names = json.loads((site / "suche" / "namen.json").read_text(encoding="utf-8"))
    assert sorted(names) == ["laender/", "personen/", "themen/"]
    assert all(isinstance(text, str) for rows in names.values() for row in rows for text in row)
    assert ["", "José Antonio Kast", "José Antonio Kast Rist"] in names["personen/"]  # the address follows
    assert ["", "Eduardo Frei Ruiz-Tagle"] in names["personen/"]  # "Eduardo Frei" adds no word
    assert ["pe", "Peru", "Perú"] in names["laender/"]
    page.goto(base_url)
    entries = page.evaluate("""async () => {
        const module = await import('./assets/vorschlaege.js');
        return module.entries(await (await fetch('./suche/namen.json')).json());
    }""")
    assert len(entries) == sum(len(row) - 1 for rows in names.values() for row in rows)
    for entry in entries:
        assert (site / entry["path"] / "index.html").exists(), entry
    assert {entry["kind"] for entry in entries} == {"Person", "Land", "Thema"}
