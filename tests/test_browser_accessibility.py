"""Accessibility in a real browser: axe-core finds nothing on the pages readers use most.

All of axe's rules except the experimental ones (WCAG 2.0–2.2 A and AA, and its best practices), in
Material's light and dark scheme, with every collapsed part (the chart's number table) opened so
that it is checked too.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = {
    "start": "",
    "timeline": "zeitleiste/",
    "event": "ereignisse/2025-12-22-kast-trifft-bachelet/",
    "person": "personen/michelle-bachelet/",
    "country": "laender/cl/",
    "data": "daten/",
    "404": "404.html",
    "search": "suche/?q=bachelet",
}
_axe = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(page, base_url: str, name: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + PAGES[name])
    if name == "search":
        page.locator("#chronik-suchseite .chronik-suche__titel").first.wait_for()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    results = _axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_chart_has_a_name_a_description_and_a_table(page, base_url: str) -> None:
    page.goto(base_url)
    chart = page.get_by_role("img", name="Ereignisse je Woche von der Wahl am 14. Dezember 2025 bis zur "
                                         "Amtsübernahme am 11. März 2026")
    assert chart.is_visible()
    description = page.evaluate("document.getElementById('verlauf-beschreibung').textContent")
    assert description.startswith("Säulendiagramm. Eingezeichnet: ")
    page.get_by_text("Zahlen je Woche").click()
    assert page.get_by_role("cell", name="15.–21. Dezember 2025").is_visible()  # a week from Monday
