"""The one entry point of a build: a chronicle in, everything the site needs out.

    chronicle -> index (once) -> plan (paths of pages and files, fragments, head links)
                              -> pages and site files, rendered from the plan

`build_site` renders everything at once (`chronik pages`, `mkdocs serve`); `plan_site` gives the plan
first, so that `mkdocs build` can register every page and render them on the second core while
MkDocs works (background.py). Neither the hook nor the CLI builds pages on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator

from ..pages.fragments import build_fragments, expand_markers
from ..chronicle.index import ChronicleIndex, index_chronicle
from ..chronicle.model import Chronicle
from ..pages.pages import plan_pages
from ..pages.published import SiteFile
from .site_files import build_site_files, site_file_paths
from ..pages.views import Page, PageGroup, PagePlan, Views, write_pages


@dataclass(frozen=True)
class SitePlan:
    index: ChronicleIndex
    groups: list[PageGroup]
    file_paths: list[str]  # feeds, calendars, open data, in the order `files()` builds them
    fragments: dict[str, str]  # pieces for the hand-written pages, by marker name

    @cached_property
    def page_plans(self) -> list[PagePlan]:
        return [plan for group in self.groups for plan in group.plans]

    def pages(self) -> Iterator[Page]:
        for group in self.groups:
            yield from group.render()

    def files(self) -> list[SiteFile]:
        return build_site_files(self.index)

    def expand(self, markdown: str, page_path: str) -> str:
        """A hand-written page with its `<!-- chronik: name -->` markers filled in (MarkerError if unknown)."""
        return expand_markers(markdown, self.fragments, page_path)


@dataclass(frozen=True)
class SiteBuild:
    """A plan with everything rendered at once (`chronik pages`, tests, benchmarks)."""
    plan: SitePlan
    pages: list[Page]
    files: list[SiteFile]  # feeds, calendars, open data: ready-made bytes

    @property
    def index(self) -> ChronicleIndex:
        return self.plan.index

    @property
    def fragments(self) -> dict[str, str]:
        return self.plan.fragments

    def write_pages(self, folder: Path) -> list[Path]:
        """The generated pages as Markdown files below `folder` (for other site engines or inspection)."""
        return write_pages(self.pages, folder)

    def expand(self, markdown: str, page_path: str) -> str:
        return self.plan.expand(markdown, page_path)


def plan_site(chronicle: Chronicle) -> SitePlan:
    """What the build will make, before it is rendered. Raises SiteFilesError without `site_url`."""
    index = index_chronicle(chronicle)
    views = Views(index)
    return SitePlan(index=index, groups=plan_pages(views), file_paths=site_file_paths(index),
                    fragments=build_fragments(views))


def build_site(chronicle: Chronicle) -> SiteBuild:
    """Everything generated for one build, each part computed once. Raises SiteFilesError without `site_url`."""
    plan = plan_site(chronicle)
    return SiteBuild(plan=plan, pages=list(plan.pages()), files=plan.files())
