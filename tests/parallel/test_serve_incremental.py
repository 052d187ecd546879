"""`./dev serve` rebuilds only what changed (`mkdocs serve --dirty`); what it serves after an edit must be
exactly what a clean build of the edited data gives: the changed pages, the listings and the feeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import SOURCE_DATE_EPOCH, copy_project

EVENT = "events/2025-12-14-kast-gewinnt-stichwahl.yaml"
PERSON = "people/michelle-bachelet.yaml"
COMPARED = (".html", ".xml", ".ics", ".json", ".csv")


def _serve_build(project: Path, site: Path, first: bool) -> None:
    """One build as `mkdocs serve --dirty` makes it, in this process, with the hook's state kept."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    hook = config.plugins["hooks/chronicle.py"]
    with hook.on_files.__self__.session.search_lock:  # the search index follows in the background; wait for it
        pass
    return hook


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.suffix in COMPARED and "pagefind" not in path.parts and "assets" not in path.parts}


def test_a_dirty_rebuild_after_edits_equals_a_clean_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    project = copy_project(tmp_path / "project")
    served = tmp_path / "served"
    hook = _serve_build(project, served, first=True)
    before = _files(served)
    event, person = project / EVENT, project / PERSON
    event.write_text(event.read_text(encoding="utf-8").replace("Kast gewinnt die Stichwahl", "Kast siegt"),
                     encoding="utf-8")
    person.write_text(person.read_text(encoding="utf-8").replace("description: ", "description: Heute "),
                      encoding="utf-8")
    rendered = []
    monkeypatch.setattr(hook, "on_post_page", lambda output, page, config, original=hook.on_post_page:
                        rendered.append(page.file.src_uri) or original(output, page, config))
    _serve_build(project, served, first=False)
    clean = tmp_path / "clean"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(clean)], cwd=project,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True, capture_output=True)
    after, expected = _files(served), _files(clean)
    assert set(expected) <= set(after)
    assert [path for path in expected if after[path] != expected[path]] == []
    changed = {path for path in expected if before.get(path) != expected[path]}
    assert {"ereignisse/2025-12-14-kast-gewinnt-stichwahl/index.html", "zeitleiste/index.html",
            "personen/michelle-bachelet/index.html", "feeds/chronik.xml", "kalender/alle.ics"} <= changed
    # Only what changed was rendered again: not the pages of unrelated events.
    assert "ereignisse/2025-12-23-kast-trifft-noboa.md" not in rendered
    assert "ereignisse/2025-12-14-kast-gewinnt-stichwahl.md" in rendered


PART = "events/2025-12-23-kast-trifft-noboa.yaml"  # part of the trip to Ecuador, with people, countries, topics


@pytest.mark.parametrize("edit", [
    ("title: Kast trifft Daniel Noboa in Quito", "title: Kast und Noboa in Quito"),
    ("  Am Dienstag, dem 23. Dezember,", "  Am Dienstag, den 23. Dezember,"),  # the first sentence
    ("place: Quito", "place: Guayaquil"),
    ("countries: [EC, CL, VE, PE]", "countries: [EC, CL, PE]"),  # a country loses the event
    ("\ncountries:", "\nstatus: cancelled\ncountries:"),  # a status other than the default
], ids=["titel", "erster-satz", "ort", "land", "status"])
def test_an_edit_of_one_event_renders_its_neighbourhood_and_equals_a_clean_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: tuple[str, str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    project = copy_project(tmp_path / "project")
    served = tmp_path / "served"
    hook = _serve_build(project, served, first=True)
    before = _files(served)
    part = project / PART
    text = part.read_text(encoding="utf-8")
    assert edit[0] in text
    part.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    _serve_build(project, served, first=False)
    clean = tmp_path / "clean"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(clean)], cwd=project,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True, capture_output=True)
    after, expected = _files(served), _files(clean)
    assert [path for path in expected if after.get(path) != expected[path]] == []
    assert any(before.get(path) != expected[path] for path in expected)
    # The edit touched one event: far fewer page groups were rendered again than the site has.
    page_cache = hook.on_files.__self__.session.page_cache  # the adapter's, kept for the serve session
    assert 0 < page_cache.rendered < page_cache.groups // 2


def _clean_build(project: Path, site: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True, capture_output=True)
    return _files(site)


def test_break_fix_and_edit_each_give_what_a_clean_build_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the data is broken every page shows the problems; after the fix, every page (hand-written ones
    too: ueber/, suche/) is what a clean build gives, and so after the next edit."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    project = copy_project(tmp_path / "project")
    served = tmp_path / "served"
    _serve_build(project, served, first=True)
    broken = project / "events" / "2026-01-01-kaputt.yaml"
    broken.write_text('title: "kaputt\n', encoding="utf-8")
    _serve_build(project, served, first=False)
    pages = {path: content for path, content in _files(served).items() if path.endswith(".html")}
    assert {"ueber/index.html", "suche/index.html", "ereignisse/2025-12-14-kast-gewinnt-stichwahl/index.html",
            "personen/jose-antonio-kast/index.html", "laender/cl/index.html", "themen/wahl/index.html"} <= set(pages)
    assert [path for path, content in pages.items() if b"events/2026-01-01-kaputt.yaml:" not in content] == []
    broken.unlink()
    _serve_build(project, served, first=False)
    expected = _clean_build(project, tmp_path / "clean")
    assert [path for path in expected if _files(served).get(path) != expected[path]] == []
    event = project / EVENT
    event.write_text(event.read_text(encoding="utf-8").replace("Kast gewinnt die Stichwahl", "Kast siegt"),
                     encoding="utf-8")
    _serve_build(project, served, first=False)
    expected = _clean_build(project, tmp_path / "clean-after-edit")
    assert [path for path in expected if _files(served).get(path) != expected[path]] == []
