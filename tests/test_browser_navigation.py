"""What readers do, in a real browser: move from the start page to events, people and countries."""

from __future__ import annotations

import pytest

from browser import heading

pytestmark = pytest.mark.browser


def test_from_the_start_page_through_timeline_event_person_and_country(page, base_url: str) -> None:
    page.goto(base_url)
    assert heading(page) == "Chiles Machtwechsel 2025/26"
    page.get_by_role("link", name="Zeitleiste", exact=True).first.click()
    assert heading(page) == "Zeitleiste"
    page.locator("article").get_by_role("link", name="Kast trifft Michelle Bachelet").click()
    assert heading(page) == "Kast trifft Michelle Bachelet"
    assert page.get_by_text("22. Dezember 2025, mittags · 8 Tage nach der Wahl · Santiago").is_visible()
    page.locator("article").get_by_role("link", name="Michelle Bachelet", exact=True).first.click()
    assert heading(page) == "Michelle Bachelet"
    assert "/personen/michelle-bachelet/" in page.url
    page.locator("article").get_by_role("link", name="Kast trifft Michelle Bachelet").click()
    page.locator("article").get_by_role("link", name="Chile", exact=True).click()
    assert heading(page) == "Chile"
    assert page.locator("article").get_by_role("link", name="José Antonio Kast", exact=True).is_visible()


def test_a_trip_links_its_parts_both_ways(page, base_url: str) -> None:
    page.goto(base_url + "ereignisse/2025-12-22-reise-nach-ecuador/")
    page.locator("article").get_by_role("link", name="Kast trifft Daniel Noboa in Quito").click()
    assert heading(page) == "Kast trifft Daniel Noboa in Quito"
    assert page.get_by_role("heading", name="Gehört zu").is_visible()
    page.locator("article").get_by_role("link", name="Kast reist nach Ecuador, mit Zwischenstopp in Lima").click()
    assert "/ereignisse/2025-12-22-reise-nach-ecuador/" in page.url


def test_on_a_phone_the_menu_leads_to_the_people_index(page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url)
    assert page.locator(".md-tabs").is_hidden()  # on a phone the tabs give way to the menu
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary").get_by_role("link", name="Personen", exact=True).click()
    assert heading(page) == "Personen"
    page.get_by_role("link", name="Kast, José Antonio").click()
    assert heading(page) == "José Antonio Kast"
    # Nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_edit_link_opens_the_events_yaml_file(page, base_url: str) -> None:
    page.goto(base_url + "ereignisse/2025-12-14-kast-gewinnt-stichwahl/")
    edit = page.get_by_role("link", name="Diese Seite bearbeiten")
    assert edit.get_attribute("href") == \
        "https://github.com/chronik-chile/chronik/edit/main/events/2025-12-14-kast-gewinnt-stichwahl.yaml"
