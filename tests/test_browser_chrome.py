"""The frame around the text, as readers see it: a main menu for readers, the pages for contributors in
the footer, a page foot to report an error or edit the page (legible in both colour schemes), the header's
title whole on a phone, addresses that break after a slash."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import heading
from conftest import PROJECT
from test_browser_search import search, search_box  # noqa: F401 - a fixture

pytestmark = pytest.mark.browser

EVENT = "ereignisse/2025-12-14-kast-gewinnt-stichwahl/"
CONTRIBUTOR_PAGES = {"Mitmachen": "Mitmachen", "Quellenregeln": "Quellenregeln"}  # footer link -> heading
PHONE = {"width": 390, "height": 844}

# The colours a reader sees: an element's text colour over the first opaque background behind it, with
# partly transparent colours (Material's greys) laid over what lies beneath them.
COLOURS = """element => {
  const parse = text => (text.match(/[0-9.]+/g) || []).map(Number);
  const over = (top, below) => {
    const a = top.length > 3 ? top[3] : 1;
    return [0, 1, 2].map(i => top[i] * a + below[i] * (1 - a));
  };
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour.length > 3 && colour[3] === 0) continue;
    layers.push(colour);
    if (colour.length === 3 || colour[3] === 1) break;
  }
  let background = [255, 255, 255];
  for (const layer of layers.reverse()) background = over(layer, background);
  const icon = element.querySelector("svg");
  return {text: over(parse(getComputedStyle(element).color), background),
          icon: icon ? over(parse(getComputedStyle(icon).fill), background) : null, background};
}"""


def luminance(rgb: list[float]) -> float:
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: list[float], other: list[float]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast([0, 0, 0], [255, 255, 255]) == pytest.approx(21)
    assert contrast([118, 118, 118], [255, 255, 255]) == pytest.approx(4.54, abs=0.01)


def test_the_main_menu_serves_readers_and_the_footer_leads_to_the_pages_for_contributors(page, base_url: str) -> None:
    for viewport in ({"width": 1280, "height": 800}, PHONE):
        page.set_viewport_size(viewport)
        page.goto(base_url)
        menus = page.locator(".md-tabs, .md-nav--primary").all_inner_texts()
        assert "Zeitleiste" in " ".join(menus)
        for label in CONTRIBUTOR_PAGES:
            assert label not in " ".join(menus), (viewport, label)
    for label, title in CONTRIBUTOR_PAGES.items():
        page.goto(base_url + EVENT)
        page.locator("footer").get_by_role("link", name=label, exact=True).click()
        assert heading(page) == title


@pytest.mark.parametrize("query", ["yaml", "pull request"])  # found only these pages before
def test_the_manuals_for_contributors_are_not_in_readers_search_results(search_box, query: str) -> None:
    found = search(search_box, query)
    assert not set(found) & set(CONTRIBUTOR_PAGES.values()), found


def test_an_event_page_ends_with_a_link_to_report_an_error_with_its_address_filled_in(page, base_url: str) -> None:
    page.goto(base_url + EVENT)
    report = page.locator("article").get_by_role("link", name="Fehler melden")
    article = page.locator("article").bounding_box()
    assert report.bounding_box()["y"] > article["y"] + article["height"] / 2  # at the foot, not by the headline
    target = urlsplit(report.get_attribute("href"))
    assert f"{target.scheme}://{target.netloc}{target.path}" == "https://github.com/chronik-chile/chronik/issues/new"
    query = parse_qs(target.query)
    form = yaml.safe_load((PROJECT / ".github" / "ISSUE_TEMPLATE" / query["template"][0]).read_text(encoding="utf-8"))
    fields = {item.get("id") for item in form["body"]}
    assert "seite" in fields  # GitHub fills the field named by its id
    assert query["seite"] == ["https://chronik-chile.github.io/chronik/" + EVENT]
    assert query["title"] == ["Fehler: Kast gewinnt die Stichwahl"]
    page.goto(base_url + "personen/jose-antonio-kast/")
    assert page.get_by_role("link", name="Fehler melden").count() == 0  # events only


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_edit_link_sits_at_the_foot_and_is_legible_in_both_colour_schemes(page, base_url: str,
                                                                              scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + EVENT)
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    edit = page.get_by_role("link", name="Diese Seite bearbeiten")
    headline = page.locator("article h1").bounding_box()
    assert edit.bounding_box()["y"] > headline["y"] + 500  # under the text, not beside the headline
    colours = edit.evaluate(COLOURS)
    assert contrast(colours["text"], colours["background"]) >= 4.5, colours
    assert contrast(colours["icon"], colours["background"]) >= 4.5, colours


def test_the_header_title_is_whole_on_a_phone_and_long_on_a_desktop(page, base_url: str) -> None:
    settings = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    short, long = settings["extra"]["chronicle"]["short_title"], settings["site_name"]
    title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    for viewport, shown in ((PHONE, short), ({"width": 1280, "height": 800}, long)):
        page.set_viewport_size(viewport)
        for path in ("", EVENT, "personen/jose-antonio-kast/"):
            page.goto(base_url + path)
            assert title.inner_text().strip() == shown
            clipped = title.evaluate("e => e.scrollWidth > e.clientWidth")
            assert not clipped, (viewport, path)


def test_long_addresses_break_after_a_slash_not_inside_a_word(page, base_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(base_url + "daten/")
    addresses = page.locator(".chronik-adresse")
    assert addresses.count() >= 6
    for index in range(addresses.count()):
        # The text of each line the address is laid out in: every line but the last ends with a slash.
        lines = addresses.nth(index).evaluate("""e => {
          const range = document.createRange(), lines = new Map();
          const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            for (let i = 0; i < node.length; i++) {
              range.setStart(node, i); range.setEnd(node, i + 1);
              const top = Math.round(range.getBoundingClientRect().top);
              lines.set(top, (lines.get(top) || "") + node.data[i]);
            }
          }
          return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(entry => entry[1]);
        }""")
        assert len(lines) >= 2, lines  # long enough to need a break at 390 px
        assert all(line.endswith("/") for line in lines[:-1]), lines
