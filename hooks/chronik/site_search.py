"""Site search with Pagefind: mark what to index in the built HTML, then build the index.

Pagefind reads the finished site and writes a chunked index to `pagefind/`; readers
download only the chunks their query needs. It folds accents, so `jeri` finds `Jerí`.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
from pathlib import Path

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
