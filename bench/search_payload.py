"""What a reader downloads to search, and what the search index adds to the build.

    python bench/search_payload.py --events 10000 [--query gonzalez] [--material]

Builds a synthetic chronicle (bench/synthetic.py), serves it on 127.0.0.1 and, in the
system's Chromium, opens the search box and types a name query. It counts every byte from
opening the search to the first results (raw, and gzip-compressed as a static host sends
them), and times Pagefind's indexing against the whole `mkdocs build`. With --material it
also builds the same site with Material's built-in search for its index size.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from chronik.publish.search_index import build_index  # noqa: E402
from synthetic import SOURCE_DATE_EPOCH, generate, german  # noqa: E402

SITE_PATH = "/chronik/"


def mkdocs_build(project: Path, site: Path, config: str = "mkdocs.yml") -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(SOURCE_DATE_EPOCH))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
                   cwd=project, env=env, check=True)
    return time.perf_counter() - started


def measure_payload(site: Path, query: str) -> tuple[list[tuple[str, int, int]], list[str]]:
    from playwright.sync_api import sync_playwright
    bodies: list[tuple[str, bytes]] = []
    with serve(site, SITE_PATH) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.on("response", lambda response: bodies.append((response.url, response.body())))
        page.locator(".chronik-suche__knopf").click()
        page.fill(".chronik-suche .chronik-suche__eingabe", query)
        page.locator(".chronik-suche .chronik-suche__titel").first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        titles = page.locator(".chronik-suche .chronik-suche__titel").all_inner_texts()[:3]
        browser.close()
    files = [(url.split(SITE_PATH, 1)[-1], len(body), len(gzip.compress(body, 6))) for url, body in bodies]
    return sorted(files, key=lambda file: -file[2]), titles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--query", action="append",
                        help="Suchbegriff, mehrfach möglich (Standard: gonzalez, ein häufiger Nachname, "
                             "und kast, der in jedem Ereignis steht)")
    parser.add_argument("--material", action="store_true", help="also measure Material's built-in search index")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "chronik"
        generate(project, arguments.events)
        site = project / "site"
        build_seconds = mkdocs_build(project, site)
        started = time.perf_counter()
        build_index(site)
        index_seconds = time.perf_counter() - started
        print(f"Synthetische Chronik: {german(arguments.events)} Ereignisse")
        print(f"  mkdocs build mit Suchindex:        {german(build_seconds, 1)} s")
        print(f"  davon Pagefind (nachgemessen):     {german(index_seconds, 1)} s "
              f"({german(100 * index_seconds / build_seconds)} %)")
        for query in arguments.query or ["gonzalez", "kast"]:
            files, titles = measure_payload(site, query)
            raw, compressed = sum(file[1] for file in files), sum(file[2] for file in files)
            print(f"  „{query}“: Suche öffnen bis erste Treffer: {len(files)} Anfragen, {german(raw / 1000)} KB roh, "
                  f"{german(compressed / 1000)} KB gzip (Ziel: höchstens 250 KB)")
            for name, size, packed in files[:5]:
                print(f"    {german(packed / 1000, 1):>7} KB gzip  {name}")
            print(f"    erste Treffer: {titles}")
        if arguments.material:
            config = project / "material.yml"
            text = (project / "mkdocs.yml").read_text(encoding="utf-8")
            config.write_text(text.replace("plugins: []", "plugins: [search]"), encoding="utf-8")
            material_site = Path(folder) / "material-site"
            mkdocs_build(project, material_site, config.name)
            index = (material_site / "search" / "search_index.json").read_bytes()
            packed = len(gzip.compress(index, 6))
            print(f"  Material-Suche, search_index.json: {german(len(index) / 1e6, 1)} MB roh, "
                  f"{german(packed / 1e6, 1)} MB gzip, vor dem ersten Treffer ganz geladen "
                  f"(Verhältnis gzip Material : Pagefind, letzte Anfrage = {german(packed / compressed, 1)})")


if __name__ == "__main__":
    main()
