"""Site search with Pagefind: mark what to index in the built HTML, then build the index.

Pagefind writes a chunked index to `pagefind/`; readers download only the chunks their
query needs. It folds accents, so `jeri` finds `Jerí`.

During a build, `SearchIndexer` hands each rendered page to a Pagefind service process as soon
as MkDocs has rendered it, so that indexing runs on another core while MkDocs renders the next
page; after the build only the index files are left to write. `build_index` indexes a finished
site folder from disk instead (for sites that were not rendered in this process).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import math
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from pagefind.service import PagefindService

BUNDLE_DIR = "pagefind"
# Material for MkDocs wraps each page's content in this element (theme-specific on purpose:
# the one place search depends on the theme's HTML).
MATERIAL_ARTICLE = '<article class="md-content__inner md-typeset">'
MATERIAL_EDIT_BUTTON = 'class="md-content__button md-icon"'
LEAST_NAME_WEIGHT = 6  # see name_weight


def name_weight(events: int, all_events: int, president_elect: bool = False) -> float:
    """How much a person's names count (Pagefind's `data-pagefind-weight`, 0 to 10): from 9 to 10 by their
    share of the chronicle's events on a log scale, 10 for the president-elect. Among people who match a
    query alike, the one with more events ranks first, where Pagefind alone prefers the shorter page;
    names still count far more than headings (up to 7) and text (1)."""
    if president_elect or events >= all_events:
        return 10.0
    return round(LEAST_NAME_WEIGHT + (10 - LEAST_NAME_WEIGHT) * math.log1p(events) / math.log1p(all_events), 2)


class SearchIndexError(RuntimeError):
    pass


def mark_searchable(html: str) -> str:
    """Index only the page's content: not the header, navigation, footer or Edit link."""
    if MATERIAL_ARTICLE not in html:
        raise SearchIndexError("Der Inhaltsbereich der Seite wurde nicht gefunden; hat sich das Theme geändert?")
    html = html.replace(MATERIAL_ARTICLE, MATERIAL_ARTICLE[:-1] + " data-pagefind-body>", 1)
    return html.replace(MATERIAL_EDIT_BUTTON, MATERIAL_EDIT_BUTTON + " data-pagefind-ignore")


class SearchIndexer:
    """One Pagefind index, fed page by page from a background thread's event loop."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._pending: list[concurrent.futures.Future[Any]] = []
        self._service = self._wait(_launch_service())  # the Pagefind binary, as a process
        self._index = self._wait(self._service.create_index())

    def add(self, html: str, url: str) -> None:
        """Queue a rendered page for indexing; returns at once. `url` as readers reach it, e.g. `/personen/x/`."""
        self._pending.append(asyncio.run_coroutine_threadsafe(
            self._index.add_html_file(content=html, url=url), self._loop))

    def finish(self, site_dir: Path) -> str:
        """Wait for every queued page, write the index below `site_dir`, stop the service."""
        try:
            indexed = sum(1 for future in self._pending if future.result(timeout=1800).get("page_word_count"))
            shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)  # Pagefind would keep stale chunks
            self._wait(self._index.write_files(output_path=str((site_dir / BUNDLE_DIR).resolve())))
        except Exception as error:  # the service reports failures as exceptions of its own kinds
            raise SearchIndexError(f"Pagefind ist gescheitert: {error}") from None
        finally:
            self.close()
        return f"Indexed {indexed} pages"

    def close(self) -> None:
        """Stop the service without writing anything (also after a failed build)."""
        if self._thread.is_alive():
            try:
                self._wait(self._service.close())
            except Exception:  # already stopped, or failed: nothing left to clean up
                pass
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)

    def _wait(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=1800)


async def _launch_service() -> PagefindService:
    return await PagefindService().launch()  # constructed inside the loop: it binds to the running loop


def build_index(site_dir: Path) -> str:
    """Run Pagefind over the built site; return its summary line. Raises SearchIndexError."""
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)  # Pagefind would keep stale chunks
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE_DIR],
        capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind ist gescheitert:\n{result.stdout}\n{result.stderr}")
    indexed = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line]
    return "; ".join(indexed)
