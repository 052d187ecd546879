"""Under `mkdocs build`, the second process turns generated pages into HTML for MkDocs (hooks/chronicle.py,
`_SharedPage`): the site must be exactly what MkDocs renders on its own, messages included.

The builds run in this process, with the worker made to claim every page it can, so that the tests do not
depend on which side happens to be faster."""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from chronik.sources import loading
from chronik.sources.claims import Claims
from conftest import SOURCE_DATE_EPOCH, comparable_site, copy_project

BROKEN_LINK = "ereignisse/2025-12-14-kast-gewinnt-stichwahl.md"
PER_PROCESS = "ereignisse/2025-12-23-kast-trifft-noboa.md"
# Another hook after the chronicle's, as a third-party plugin would be: it changes the Markdown of two pages,
# one with a link MkDocs warns about, one differently in each process.
OTHER_HOOK = f"""
import os

def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "{BROKEN_LINK}":
        return markdown + "\\n\\n[Verweis](gibt-es-nicht.md)\\n"
    if page.file.src_uri == "{PER_PROCESS}":
        return markdown + f"\\n\\nProzess {{os.getpid()}}\\n"
    return markdown
"""


@pytest.fixture
def worker_takes_all(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    monkeypatch.setattr(Claims, "front_takes", lambda self, index: False)
    yield
    gc.unfreeze()  # the hook freezes what a build holds; this process lives on


def _with_other_hook(project: Path) -> Path:
    (project / "other_hook.py").write_text(OTHER_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - hooks/chronicle.py\n", "  - hooks/chronicle.py\n  - other_hook.py\n"), encoding="utf-8")
    return project


def _build_here(project: Path, site: Path, strict: bool = True) -> None:
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict))


def test_pages_converted_in_the_second_process_give_the_same_site(
        site: Path, tmp_path: Path, worker_takes_all, caplog: pytest.LogCaptureFixture) -> None:
    project = copy_project(tmp_path / "project")
    shared = tmp_path / "site"
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        _build_here(project, shared)
    taken = [record.getMessage() for record in caplog.records if "in HTML umgewandelt" in record.getMessage()]
    assert len(taken) == 1 and " 0 Seiten" not in taken[0], taken
    expected = comparable_site(site)
    assert [path for path, content in comparable_site(shared).items() if expected.get(path) != content] == []
    assert sorted(comparable_site(shared)) == sorted(expected)


def test_data_files_checked_ahead_in_the_second_process_give_the_same_site(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    monkeypatch.setattr(loading, "_AHEAD_FROM", 1)  # the shipped chronicle has fewer files than that
    monkeypatch.setattr(Claims, "front_takes_next", lambda self: None)  # the other process checks every file
    results = []
    monkeypatch.setattr(loading.CheckingAhead, "results", lambda self, original=loading.CheckingAhead.results:
                        results.append(original(self)) or results[-1])
    project = copy_project(tmp_path / "project")
    try:
        _build_here(project, tmp_path / "site")
    finally:
        gc.unfreeze()
    assert len(results) == 1 and len(results[0]) == len(list((project / "events").glob("*.yaml"))) + len(
        list((project / "people").glob("*.yaml")))
    assert comparable_site(tmp_path / "site") == comparable_site(site)


def test_a_page_whose_conversion_warns_or_differs_is_rendered_by_mkdocs_itself(
        tmp_path: Path, worker_takes_all, caplog: pytest.LogCaptureFixture) -> None:
    project = _with_other_hook(copy_project(tmp_path / "project"))
    site = tmp_path / "site"
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        _build_here(project, site, strict=False)
    # The warning appears once, from this process (and so counts under strict), not lost in the worker.
    warnings = [record for record in caplog.records if "gibt-es-nicht.md" in record.getMessage()]
    assert [record.levelno for record in warnings] == [logging.WARNING]
    page = (site / BROKEN_LINK.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert 'href="gibt-es-nicht.md"' in page
    # The worker's Markdown differed (its own process id): MkDocs rendered this process's.
    page = (site / PER_PROCESS.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert f"Prozess {os.getpid()}" in page
    taken = next(record.getMessage() for record in caplog.records if "in HTML umgewandelt" in record.getMessage())
    assert " 0 Seiten" not in taken


def test_strict_counts_a_warning_of_a_page_the_worker_declined(tmp_path: Path, worker_takes_all) -> None:
    project = _with_other_hook(copy_project(tmp_path / "project"))
    from mkdocs.exceptions import Abort
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        _build_here(project, tmp_path / "site")
