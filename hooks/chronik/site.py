"""The one entry point of a build: a chronicle in, everything the site needs out.

    chronicle -> index (once) -> pages, site files, fragments, head links

The MkDocs hook and `chronik pages` both call `build_site`; neither builds pages on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .feeds import HeadLinks
from .fragments import build_fragments, expand_markers
from .index import ChronicleIndex, index_chronicle
from .model import Chronicle
from .pages import build_pages
from .published import SiteFile
from .site_files import build_site_files
from .views import Page, Views, write_pages


@dataclass(frozen=True)
class SiteBuild:
    index: ChronicleIndex
    pages: list[Page]
    files: list[SiteFile]  # feeds, calendars, open data: ready-made bytes
    fragments: dict[str, str]  # pieces for the hand-written pages, by marker name
    head_links: HeadLinks

    @cached_property
    def listings(self) -> frozenset[str]:
        """Generated pages that list other pages: kept out of the site search, they would outrank them."""
        return frozenset(page.path for page in self.pages if page.listing)

    def write_pages(self, folder: Path) -> list[Path]:
        """The generated pages as Markdown files below `folder` (for other site engines or inspection)."""
        return write_pages(self.pages, folder)

    def expand(self, markdown: str, page_path: str) -> str:
        """A hand-written page with its `<!-- chronik: name -->` markers filled in (MarkerError if unknown)."""
        return expand_markers(markdown, self.fragments, page_path)


def build_site(chronicle: Chronicle) -> SiteBuild:
    """Everything generated for one build, each part computed once. Raises SiteFilesError without `site_url`."""
    index = index_chronicle(chronicle)
    views = Views(index)
    return SiteBuild(index=index, pages=build_pages(views), files=build_site_files(index),
                     fragments=build_fragments(views), head_links=HeadLinks(index))
