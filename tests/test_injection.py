"""Nothing a contributor writes runs as script: proven in a real browser on every page.

tests/fixtures/injection/ carries attack text in every text field, in the forms that pass the
checker (raw HTML is refused before it gets this far). The built site must show that text as
text, open no dialog, and run no script, also when the payload is searched for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from browser import serve
from conftest import FIXTURES, SITE_PATH, mkdocs_build
from projects import fixture_project

pytestmark = pytest.mark.browser
CASE = FIXTURES / "injection"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(CASE, tmp_path_factory.mktemp("hostile"))
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site, SITE_PATH) as url:
        yield url


def content_pages(site: Path) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in site.rglob("index.html")
                  if path.parent != site and "pagefind" not in path.parts) + [""]


def test_every_page_shows_the_payload_as_text_and_runs_nothing(page, hostile_site: Path, hostile_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = content_pages(hostile_site)
    assert len(pages) > 8
    for path in pages:
        page.goto(hostile_url + path.removeprefix("./"))
        page.mouse.move(200, 300)  # would trigger onmouseover handlers, if any existed
        injected = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(element =>
            [...element.attributes].filter(attribute => attribute.name.startsWith('on')
                || /^\\s*javascript:/i.test(attribute.value)).map(attribute => element.tagName + ' ' + attribute.name))""")
        assert injected == [], path
        assert page.locator("article img, article svg[onload], article iframe").count() == 0, path
    assert dialogs == []


def test_the_payload_is_visible_as_typed(page, hostile_url: str) -> None:
    page.goto(hostile_url + "ereignisse/2025-12-20-angriff/")
    heading = page.locator("article h1").inner_text()
    assert heading.startswith("Treffen &#60;script&#62;alert(1)&#60;/script&#62; &lt;img src=x onerror=alert(1)&gt;")
    assert ('" onmouseover="alert(1)" {{ 7*7 }} {% raw %} javascript:alert(1) [x](javascript:alert(1)) '
            '[r]: javascript:alert(1) PAYLOAD') in heading
    body = page.locator("article").inner_text()
    assert "<script>alert(1)</script> im Code" in body
    assert "<script>alert(1)</script> eingerückter Code" in body
    assert "{{ 7*7 }}" in body and "49" not in body
    assert page.title().startswith("Treffen ")
    # The pieces of issue 11: a note beside a name, a mentioned person, figures in a raw-HTML table.
    assert "Notiz &#60;script&#62;alert(1)&#60;/script&#62; &lt;img src=x onerror=alert(1)&gt;" in body
    table = page.locator("article .chronik-zahlen table")
    assert table.locator("td").first.inner_text() == (
        'Wert &#60;script&#62;alert(1)&#60;/script&#62; &lt;img src=x onerror=alert(1)&gt; " onmouseover="alert(1)" '
        "{{ 7*7 }} {% raw %} javascript:alert(1) [x](javascript:alert(1)) [r]: javascript:alert(1) PAYLOAD")
    assert "Die Quellen weichen ab" in table.locator("th[scope=row]").inner_text()


def test_the_map_names_a_hostile_place_as_typed(page, hostile_url: str) -> None:
    page.goto(hostile_url + "ereignisse/2025-12-20-angriff/")
    label = page.locator("article figure.chronik-karte svg text").first.text_content()
    assert label == ('Ort &#60;script&#62;alert(1)&#60;/script&#62; &lt;img src=x onerror=alert(1)&gt; " '
                     'onmouseover="alert(1)" {{ 7*7 }} {% raw %} javascript:alert(1) [x](javascript:alert(1)) '
                     '[r]: javascript:alert(1) PAYLOAD')
    assert page.locator("article figure.chronik-karte title").first.text_content().startswith("Karte: Ort &#60;script")


def test_the_feed_link_in_the_head_names_the_person_as_typed(page, hostile_url: str) -> None:
    page.goto(hostile_url + "personen/ana-perez/")
    feed = page.locator('head link[rel="alternate"]')
    assert feed.count() == 1
    assert feed.get_attribute("href") == "../../feeds/person-ana-perez.xml"
    assert feed.get_attribute("title") == (
        'Feed: Testchronik: Ana Pérez &#60;script&#62;alert(1)&#60;/script&#62; &lt;img src=x onerror=alert(1)&gt; '
        '" onmouseover="alert(1)" {{ 7*7 }} {% raw %} javascript:alert(1) [x](javascript:alert(1)) '
        '[r]: javascript:alert(1) PAYLOAD')


def test_searching_for_the_payload_runs_nothing(page, hostile_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url)
    page.keyboard.press("/")
    for query in ("alert", "script", "onerror", "PAYLOAD"):
        page.fill(".chronik-suche .chronik-suche__eingabe", query)
        page.locator(".chronik-suche .chronik-suche__meldung", has_text=f"„{query}“").wait_for()
        page.wait_for_timeout(300)
        assert page.locator(".chronik-suche__ergebnisse img, .chronik-suche__ergebnisse script").count() == 0
        marks_only = page.evaluate("""() => [...document.querySelectorAll('.chronik-suche__auszug *')]
            .every(element => element.tagName === 'MARK')""")
        assert marks_only
    assert dialogs == []
