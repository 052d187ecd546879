"""Site search with Pagefind: mark what to index in the built HTML, then build the index.

Pagefind reads the finished site and writes a chunked index to `pagefind/`; readers
download only the chunks their query needs. It folds accents, so `jeri` finds `Jerí`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Material for MkDocs wraps each page's content in this element (theme-specific on purpose:
# the one place search depends on the theme's HTML).
MATERIAL_ARTICLE = '<article class="md-content__inner md-typeset">'


class SearchIndexError(RuntimeError):
    pass


def mark_searchable(html: str, weight: float | None = None) -> str:
    """Index only the page's content: not the header, navigation or footer (the Edit link,
    overrides/partials/actions.html, marks itself). `weight` below 1 ranks a page lower."""
    if MATERIAL_ARTICLE not in html:
        raise SearchIndexError("Der Inhaltsbereich der Seite wurde nicht gefunden; hat sich das Theme geändert?")
    weighted = f' data-pagefind-weight="{weight}"' if weight is not None else ""
    return html.replace(MATERIAL_ARTICLE, MATERIAL_ARTICLE[:-1] + f" data-pagefind-body{weighted}>", 1)


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
