"""The maps (issue 24) as readers see them: on the start page, a country page and an event page, in the light
and the dark scheme, on a desktop and a 390 px phone; readable labels, no overflow, every stop a working link,
nothing loaded from another host (the `page` fixture fails on any such request and on script errors)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
MAPS = {"start": ("", "chronik-karte-reisen"), "country": ("laender/cl/", "chronik-karte-land"),
        "event": ("ereignisse/2025-12-16-kast-trifft-milei/", "chronik-karte-ereignis")}
MAX_BYTES = 60_000


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", MAPS)
def test_the_map_is_there_readable_and_inside_the_page(page, base_url: str, kind: str, screen: str,
                                                       scheme: str) -> None:
    path, css_class = MAPS[kind]
    viewport = SCREENS[screen]
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + path)
    figure = page.locator(f"article figure.{css_class}")
    assert figure.count() == 1
    figure.scroll_into_view_if_needed()
    svg = figure.locator("svg")
    assert svg.is_visible()
    assert svg.get_attribute("role") == "group"
    assert figure.get_attribute("data-pagefind-ignore") is not None
    assert svg.locator("title").first.text_content().startswith("Karte: ")
    assert len(svg.locator("desc").text_content()) > 30
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    # Every label at least 12 px as drawn (font size times the scale the SVG is shown at).
    smallest = page.evaluate(f"""() => Math.min(...[...document.querySelectorAll('figure.{css_class} svg text')]
        .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))""")
    assert smallest >= 12, smallest
    # Stops in the text colour of the scheme, countries lighter: the map follows light and dark.
    colours = page.evaluate(f"""() => {{
        const style = element => getComputedStyle(element);
        const marker = document.querySelector('figure.{css_class} .chronik-karte-orte :is(circle, rect)');
        const land = document.querySelector('figure.{css_class} .chronik-karte-land path');
        return [style(marker).fill, style(land).fill, style(document.querySelector('article')).color];
    }}""")
    marker, land, text = colours
    assert marker == text and land != marker
    assert len(figure.evaluate("f => f.outerHTML").encode()) <= MAX_BYTES


def test_the_maps_differ_between_light_and_dark(page, base_url: str) -> None:
    fills = {}
    for scheme, material in (("light", "default"), ("dark", "slate")):
        page.emulate_media(color_scheme=scheme)
        page.goto(base_url + "laender/cl/")
        page.evaluate("localStorage.clear()")  # Material keeps the first scheme it chose; choose again
        page.reload()
        assert page.locator("body").get_attribute("data-md-color-scheme") == material
        fills[scheme] = page.evaluate("getComputedStyle(document.querySelector('.chronik-karte-land path')).fill")
    assert fills["light"] != fills["dark"]


def test_the_start_map_draws_the_route_in_order_with_planned_stops_apart(page, base_url: str) -> None:
    page.goto(base_url)
    figure = page.locator("article figure.chronik-karte-reisen")
    numbers = [int(text) for text in figure.locator("text.chronik-karte-nummer").all_text_contents()]
    assert numbers == sorted(numbers) and numbers[0] == 1
    assert figure.locator(".chronik-karte-route path").count() >= len(numbers)
    # Planned stops hollow and dashed: the shipped chronicle has none left (tests/pages/test_maps.py draws one).
    items = figure.locator("details ol > li")
    figure.locator("details > summary").click()
    assert items.count() >= numbers[-1]
    assert items.first.inner_text().startswith("1. Buenos Aires: Kast trifft Javier Milei")


@pytest.mark.parametrize("kind", MAPS)
def test_every_stop_links_to_its_event(page, base_url: str, kind: str) -> None:
    path, css_class = MAPS[kind]
    page.goto(base_url + path)
    links = page.locator(f"article figure.{css_class} :is(svg a, li a)")
    hrefs = sorted({link.evaluate("a => new URL(a.getAttribute('href'), document.baseURI).href")
                    for link in links.all()})
    assert hrefs
    for href in hrefs:
        assert "/ereignisse/" in href
        assert page.request.get(href).ok, href


def test_an_event_without_a_place_has_no_map(page, base_url: str) -> None:
    page.goto(base_url + "ereignisse/2025-12-15-rubio-telefoniert-mit-kast/")
    assert page.locator("article figure.chronik-karte").count() == 0
