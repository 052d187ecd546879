"""The site's files besides its pages: feeds, calendars and open data, as (path, bytes).

Any site engine can publish them as they are; with MkDocs, hooks/chronicle.py adds them in
`on_files`. They need the site's public address (`site_url`) for their absolute links.
"""

from __future__ import annotations

from .feeds import HeadLinks, build_feeds
from .ical import build_calendars
from .model import Chronicle
from .open_data import build_open_data
from .published import SiteFile, SiteFilesError, site_url

__all__ = ["HeadLinks", "SiteFile", "SiteFilesError", "build_site_files"]


def build_site_files(chronicle: Chronicle) -> list[SiteFile]:
    """Every extra file, in a fixed order. Raises SiteFilesError without `site_url`."""
    site_url(chronicle.settings)  # fail once, with the German message, before building anything
    files = [*build_feeds(chronicle), *build_calendars(chronicle), *build_open_data(chronicle)]
    paths = [file.path for file in files]
    assert len(paths) == len(set(paths)), "two site files share a path"
    return files
