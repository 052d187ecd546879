"""Whether a name query lists that person first at scale: the site's search against Pagefind's own order.

    PYTHONPATH=hooks python bench/search_ranking.py --events 10000 [--site /tmp/chronik-10k/site]

Builds a synthetic chronicle (bench/synthetic.py; or takes a built one with --site), serves it on 127.0.0.1 and
asks, in the system's Chromium, for each query (a) Pagefind alone, with the options the site uses, and (b) the
site's search box, and prints where the expected page stands in each and what the box lists first. The
synthetic chronicle names José Antonio Kast, the president-elect, in every event's title; about one in
thirty of its people is another José, each with the alias „José <Nachname>“.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from search_payload import SITE_PATH, mkdocs_build  # noqa: E402
from synthetic import generate, german  # noqa: E402

QUERIES = {"jose": "José Antonio Kast", "Jose Antonio": "José Antonio Kast", "kast": "José Antonio Kast"}
# Where Pagefind alone puts the page (the site's ranking options, as in theme/assets/suche.js).
_PAGEFIND_PLACE = """async ([query, title]) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  await pagefind.options({ ranking: { termSimilarity: 3 } });
  const found = await pagefind.search(query);
  for (let index = 0; index < Math.min(found.results.length, 500); index++) {
    if ((await found.results[index].data()).meta.title === title) return [index + 1, found.results.length];
  }
  return [null, found.results.length];
}"""


def places(site: Path, queries: dict[str, str]) -> list[tuple[str, str, int | None, int, list[str]]]:
    from playwright.sync_api import sync_playwright
    rows = []
    with serve(site, SITE_PATH) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        for query, title in queries.items():
            alone, count = page.evaluate(_PAGEFIND_PLACE, [query, title])
            page.goto(base)
            page.keyboard.press("/")
            page.fill(".chronik-suche .chronik-suche__eingabe", query)
            page.locator(".chronik-suche .chronik-suche__meldung").filter(has_text=f"„{query}“").wait_for(
                timeout=120_000)
            page.locator(".chronik-suche .chronik-suche__titel").first.wait_for()
            shown = page.locator(".chronik-suche .chronik-suche__titel").all_inner_texts()
            rows.append((query, title, alone, count, shown[:3]))
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--site", type=Path, help="a built synthetic chronicle's site folder (skips the build)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = arguments.site
        if site is None:
            project = Path(folder) / "chronik"
            generate(project, arguments.events)
            site = project / "site"
            mkdocs_build(project, site)
        print(f"Namenssuche, synthetische Chronik ({site}):")
        for query, title, alone, count, shown in places(site, QUERIES):
            print(f"  „{query}“ ({german(count)} Treffer): {title} bei Pagefind allein an Stelle "
                  f"{german(alone) if alone else 'über 500'}, in der Suche der Website an Stelle "
                  f"{shown.index(title) + 1 if title in shown else 'über 3'}; zuerst: {shown}")


if __name__ == "__main__":
    main()
