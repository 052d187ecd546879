"""The search index (chronik.publish.search_index): written beside the one readers use and swapped in, so
that `pagefind.js` never answers 404; Pagefind's process leaves no pipe open."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from chronik.publish.search_index import BUNDLE_DIR, SearchIndexer, build_index

PAGE = ('<!doctype html><html lang="de"><head><title>{title}</title></head>'
        '<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>')


def _site(folder: Path, words: str) -> Path:
    for number in range(30):
        page = folder / f"seite-{number}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PAGE.format(title=f"Seite {number}", text=f"{words} {number}"), encoding="utf-8")
    return folder


def _always_there(site: Path, reindex) -> list[str]:
    """Reindex while a reader keeps asking for the index's entry points; what it ever missed."""
    missing: list[str] = []
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            for name in ("pagefind.js", "pagefind-entry.json"):
                if not (site / BUNDLE_DIR / name).is_file():
                    missing.append(name)
    thread = threading.Thread(target=reader)
    thread.start()
    try:
        reindex()
    finally:
        done.set()
        thread.join()
    return missing


def _files(bundle: Path) -> set[str]:
    return {path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file()}


def test_reindexing_a_written_site_never_takes_the_index_away(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "Wahl")
    build_index(site)
    old = _files(site / BUNDLE_DIR)
    _site(site, "Amtsübernahme")
    assert _always_there(site, lambda: build_index(site)) == []
    fresh = _site(tmp_path / "fresh", "Amtsübernahme")
    build_index(fresh)
    assert _files(site / BUNDLE_DIR) == _files(fresh / BUNDLE_DIR) != old  # no stale chunk stays
    assert not list(site.rglob("*.neu"))


def test_the_index_of_a_build_is_swapped_in_too(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "Wahl")
    build_index(site)

    def index_in_process() -> None:
        indexer = SearchIndexer()
        for page in sorted(site.glob("seite-*/index.html")):
            indexer.add(page.read_text(encoding="utf-8").replace("Wahl", "Vereidigung"), f"/{page.parent.name}/")
        indexer.finish(site)
    assert _always_there(site, index_in_process) == []


@pytest.mark.parametrize("finish", [True, False], ids=["geschrieben", "abgebrochen"])
def test_the_indexer_leaves_no_pipe_open(tmp_path: Path, finish: bool) -> None:
    """`python -W error` turns an unclosed file into "Exception ignored … ResourceWarning"."""
    script = f"""
import gc
from pathlib import Path
from chronik.publish.search_index import SearchIndexer
indexer = SearchIndexer()
indexer.add('<html><body><main data-pagefind-body><p>Wahl</p></main></body></html>', '/a/')
if {finish}:
    indexer.finish(Path({str(tmp_path)!r}))
else:
    indexer.close()
del indexer
gc.collect()
print("fertig")
"""
    result = subprocess.run([sys.executable, "-W", "error", "-X", "dev", "-c", script], capture_output=True,
                            text=True, timeout=120, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert result.returncode == 0 and result.stdout.strip() == "fertig", result.stderr
    assert "ResourceWarning" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
