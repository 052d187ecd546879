"""The site's files besides its pages: feeds, calendars, open data and the search's names list, as (path, bytes).

Any site engine can publish them as they are; with MkDocs, hooks/chronicle.py adds them in
`on_files`. They need the site's public address (`site_url`) for their absolute links.
"""

from __future__ import annotations

from .feeds import HeadLinks, build_feeds
from .ical import build_calendars
from .index import ChronicleIndex
from .open_data import build_open_data
from .published import FEEDS_SITEMAP, SiteFile, SiteFilesError, site_url
from .search_names import build_search_names

__all__ = ["HeadLinks", "SiteFile", "SiteFilesError", "build_site_files"]


def build_site_files(index: ChronicleIndex) -> list[SiteFile]:
    """Every extra file, in a fixed order. Raises SiteFilesError without `site_url`."""
    site_url(index.settings)  # fail once, with the German message, before building anything
    files = [*build_feeds(index), _empty_sitemap(), *build_calendars(index), *build_open_data(index),
             build_search_names(index)]
    paths = [file.path for file in files]
    assert len(paths) == len(set(paths)), "two site files share a path"
    return files


def _empty_sitemap() -> SiteFile:
    """What Material finds when it looks for a sitemap beside the feeds (see published.py)."""
    return SiteFile(FEEDS_SITEMAP, b'<?xml version="1.0" encoding="UTF-8"?>\n'
                                   b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
