"""Screenshots of the built site as readers see it: desktop 1280×800 and phone 390×844, light and dark.

Builds nothing itself: run `./dev build` first, then

    .venv/bin/python bench/screenshots.py [--site site] [--out bench/bilder] [--all]

Without --all it writes the README's pictures (start page and an event page, desktop and phone,
light, and the start page's map on its own); with --all every main page type in both schemes, for looking at a redesign. Uses the
system's Chromium through Playwright, serves the site on 127.0.0.1; nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

PREFIX = "/chronik/"
README_PAGES = {"start": "", "ereignis": "ereignisse/2025-12-22-reise-nach-ecuador/"}
ALL_PAGES = README_PAGES | {
    "zeitleiste": "zeitleiste/", "person": "personen/daniel-noboa/", "land": "laender/ec/",
    "daten": "daten/", "suche": "suche/?q=bachelet", "404": "404.html",
}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "telefon": {"width": 390, "height": 844}}
MAP = "figure.chronik-karte-reisen svg"  # the start page's map, as drawn on a desktop


def shoot(site: Path, out: Path, pages: dict[str, str], schemes: tuple[str, ...], full: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site, PREFIX) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in schemes:
            for device, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport, color_scheme=scheme, locale="de-DE",
                                              device_scale_factor=1)
                page = context.new_page()
                for name, path in pages.items():
                    page.goto(base + path, wait_until="networkidle")
                    suffix = "" if scheme == "light" else "-dunkel"
                    target = out / f"{name}-{device}{suffix}.png"
                    page.screenshot(path=str(target), full_page=full)
                    written.append(target)
                context.close()
        written.append(_shoot_map(browser, base, out))
        browser.close()
    return written


def _shoot_map(browser, base: str, out: Path) -> Path:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="de-DE", device_scale_factor=1)
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    target = out / "karte-start.png"
    page.locator(MAP).screenshot(path=str(target))
    context.close()
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=PROJECT / "site")
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "bilder")
    parser.add_argument("--all", action="store_true", help="alle Seitenarten, hell und dunkel, ganze Seiten")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        print(f"{args.site}/index.html fehlt: zuerst ./dev build ausführen", file=sys.stderr)
        return 2
    if args.all:
        written = shoot(args.site, args.out, ALL_PAGES, ("light", "dark"), full=True)
    else:
        written = shoot(args.site, args.out, README_PAGES, ("light",), full=False)
    for path in written:
        print(path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
