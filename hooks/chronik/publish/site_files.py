"""The site's files besides its pages: feeds, calendars, open data and the search's names list, as (path, bytes).

Any site engine can publish them as they are; with MkDocs, hooks/chronicle.py adds them in
`on_files`. They need the site's public address (`site_url`) for their absolute links.
"""

from __future__ import annotations

from .feeds import build_feeds, feeds
from .ical import build_calendars
from ..chronicle.index import ChronicleIndex
from .open_data import build_open_data
from ..pages.published import (CALENDAR_ALL, CALENDAR_PLANNED, DATA_CSV, DATA_JSON, DATA_SCHEMA, FEEDS_SITEMAP,
                        SiteFile, SiteFilesError, site_url)
from .search_names import SEARCH_NAMES, build_search_names

__all__ = ["SiteFile", "SiteFilesError", "build_site_files", "site_file_paths"]


def site_file_paths(index: ChronicleIndex) -> list[str]:
    """The paths of every extra file, in build order, without building them (a site engine registers
    them first). Raises SiteFilesError without `site_url`."""
    site_url(index.settings)  # fail once, with the German message, before building anything
    paths = [*(feed.path for feed in feeds(index)), FEEDS_SITEMAP, CALENDAR_ALL, CALENDAR_PLANNED,
             DATA_JSON, DATA_SCHEMA, DATA_CSV, SEARCH_NAMES]
    assert len(paths) == len(set(paths)), "two site files share a path"
    return paths


def build_site_files(index: ChronicleIndex) -> list[SiteFile]:
    """Every extra file, in the order of `site_file_paths`. Raises SiteFilesError without `site_url`."""
    paths = site_file_paths(index)
    files = [*build_feeds(index), _empty_sitemap(), *build_calendars(index), *build_open_data(index),
             build_search_names(index)]
    if [file.path for file in files] != paths:  # the list above and its builders disagree: a bug
        raise RuntimeError(f"Dateiplan und Dateien weichen ab: {paths} / {[file.path for file in files]}")
    return files


def _empty_sitemap() -> SiteFile:
    """What Material finds when it looks for a sitemap beside the feeds (see published.py)."""
    return SiteFile(FEEDS_SITEMAP, b'<?xml version="1.0" encoding="UTF-8"?>\n'
                                   b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
