"""End to end: the real `mkdocs build --strict` of the shipped chronicle, in a temporary folder."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import PROJECT, SITE_PATH, comparable_site, copy_project, mkdocs_build, write_past_plans

def _ids(folder: str) -> list[str]:
    return sorted(path.stem for path in (PROJECT / folder).rglob("*.yaml"))


def test_every_event_and_person_has_a_page(site: Path) -> None:
    for event_id in _ids("events"):
        assert (site / "ereignisse" / event_id / "index.html").is_file(), event_id
    for person_id in _ids("people"):
        assert (site / "personen" / person_id / "index.html").is_file(), person_id


def test_every_country_of_the_seed_has_a_page_with_its_german_name(site: Path) -> None:
    expected = {"cl": "Chile", "ar": "Argentinien", "ec": "Ecuador", "pe": "Peru", "us": "Vereinigte Staaten",
                "es": "Spanien"}
    for code, name in expected.items():
        html = (site / "laender" / code / "index.html").read_text(encoding="utf-8")
        assert f"{name}</h1>" in html, code


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_every_internal_link_resolves(site: Path) -> None:
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # external, or an anchor on the same page
            if parts.path.startswith(SITE_PATH):  # the 404 page links from the site root
                target = (site / unquote(parts.path.removeprefix(SITE_PATH))).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert broken == []


def test_event_page_shows_what_readers_need(site: Path) -> None:
    html = (site / "ereignisse" / "2025-12-22-kast-trifft-bachelet" / "index.html").read_text(encoding="utf-8")
    assert "22. Dezember 2025" in html and "8\u00a0Tage nach der Wahl" in html
    assert "Ich werde sie um Rat bitten" in html
    assert 'href="https://github.com/chronik-chile/chronik/edit/main/events/2025-12-22-kast-trifft-bachelet.yaml"' \
        in html
    assert '<html lang="de"' in html


def test_pages_load_nothing_from_third_parties(site: Path) -> None:
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for match in re.finditer(r'<(script|link|img|iframe)\b[^>]*>', html):
            tag = match.group(0)
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue  # names an address, loads nothing
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), f"{page.relative_to(site)} loads {tag}"


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "again")
    again = tmp_path / "site"
    assert mkdocs_build(project, again).returncode == 0
    first, second = comparable_site(site), comparable_site(again)
    assert len(first) > 100 and any(name.startswith("pagefind/fragment/") for name in first)
    assert any(name.startswith("pagefind/index/") for name in first)
    assert b"filter/de_*.pf_filter" in first["<unstable search files>"]
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_bad_data_stops_the_build_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "events" / "2025-12-24-kaputt.yaml").write_text(
        "titel: Kaputt\ndate: 2025-02-30\ncountries: [NO]\nsummary: x\nsources:\n  - publisher: P\n    title: T\n",
        encoding="utf-8")
    write_past_plans(project, 2)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line.split("-  ", 1)[-1] for line in result.stderr.splitlines() if "2025-12-24-kaputt" in line]
    assert lines == [
        "events/2025-12-24-kaputt.yaml:1: Fehler: Unbekanntes Feld `titel` – Meintest du `title`? Erlaubt sind: "
        "title, date, end, time, approximate, status, place, location, countries, people, mentioned, topics, part_of, "
        "summary, teaser, quotes, figures, sources, corrections.",
        "events/2025-12-24-kaputt.yaml:1: Fehler: Pflichtfeld `title` fehlt – Ergänze `title:` (Überschrift, eine "
        "Zeile, reiner Text).",
        "events/2025-12-24-kaputt.yaml:2: Fehler: `date`: den 30. Februar 2025 gibt es nicht (Februar 2025 hat 28 "
        "Tage) – Schreibe das Datum als JJJJ-MM-TT, JJJJ-MM oder JJJJ.",
        "events/2025-12-24-kaputt.yaml:3: Fehler: `countries[0]` soll ein Ländercode sein, aber YAML liest `NO` als "
        "Wahrheitswert (false) – Setze den Wert in Anführungszeichen: \"NO\".",
    ]
    assert result.stderr.splitlines()[-1].endswith(
        "Die Daten der Chronik enthalten 4 Fehler in 1 Datei; siehe die Meldungen oben.")
    # Plans whose date has passed are one line, not one each: the real errors stand out.
    assert "aber das Datum ist vorbei" not in result.stderr
    past = [line for line in result.stderr.splitlines() if "mit vergangenem Datum" in line]
    assert len(past) == 1 and past[0].endswith(
        "events: Hinweis: 2 Pläne mit vergangenem Datum und ohne neuere Quelle – `./dev check` listet sie einzeln.")


def test_a_chronicles_own_main_html_without_the_packages_blocks_stops_the_build_and_says_why(tmp_path: Path) -> None:
    # Without the package's main.html no page says what to index: Pagefind would index header and menus of every page.
    project = copy_project(tmp_path / "project")
    (project / "eigenes").mkdir()
    (project / "eigenes" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                 "  name: material\n  custom_dir: eigenes\n"),
                      encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "trägt kein `data-pagefind-body`: Die Suche braucht die Vorlage `main.html` von Chronik" in result.stderr


def test_the_package_brings_its_theme_and_assets_and_a_chronicles_own_templates_win(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert not (project / "overrides").exists() and not (project / "docs" / "assets").exists()
    (project / "eigenes" / "partials").mkdir(parents=True)
    (project / "eigenes" / "partials" / "copyright.html").write_text("<p>Eigene Fußzeile</p>\n", encoding="utf-8")
    (project / "eigenes" / "eigen.css").write_text("body {}\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                 "  name: material\n  custom_dir: eigenes\n")
                      + "extra_css:\n  - eigen.css\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    ueber = (site / "ueber" / "index.html").read_text(encoding="utf-8")
    assert "<p>Eigene Fußzeile</p>" in ueber  # the chronicle's own template
    assert "data-pagefind-body" in ueber and 'property="og:title"' in ueber  # the package's main.html
    stylesheets = re.findall(r'<link rel="stylesheet" href="\.\./([^"]+)"', ueber)
    assert stylesheets[-5:] == ["assets/suche.css", "assets/chronik.css", "assets/lesen.css", "assets/rahmen.css",
                               "eigen.css"]
    assert '<script src="../assets/suche.js"></script>' in ueber
    for asset in ("suche.css", "chronik.css", "lesen.css", "rahmen.css", "suche.js", "vorschlaege.js"):
        assert (site / "assets" / asset).read_bytes() == (PROJECT / "hooks/chronik/mkdocs/theme/assets" / asset).read_bytes()
    assert "Seite nicht gefunden" in (site / "404.html").read_text(encoding="utf-8")


def test_a_footer_page_that_does_not_exist_stops_the_build_and_says_which(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      Quellenregeln: quellenregeln.md\n",
                                                                 "      Regeln: regeln.md\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("mkdocs.yml: Fehler: `extra.chronicle.footer`: die Seite docs/regeln.md fehlt – Lege die Seite an oder "
            "nenne eine, die es in docs/ gibt.") in result.stderr
