"""The MkDocs adapter: the only module that imports MkDocs.

It reads the data on every build (never at import: `mkdocs serve` does not reload
hook modules), logs every problem, stops the build on errors, and hands what
`chronik.site.build_site` made to MkDocs: pages as in-memory files, site files,
fragments for the hand-written pages, a feed link in every page's head.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from chronik.fragments import MarkerError
from chronik.loading import load_chronicle
from chronik.problems import build_report, count_summary
from chronik.settings import SettingsError, build_date, settings_from_config
from chronik.site import SiteBuild, build_site
from chronik.site_files import SiteFilesError
from chronik.site_search import SearchIndexError, build_index, mark_searchable

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Under "mkdocs.", so that `--strict` counts our warnings.
log = logging.getLogger("mkdocs.hooks.chronicle")
# The hand-written start page and search page are not searched: lists would outrank the pages
# they list, and the search page would find itself. Generated listings say so themselves.
_NOT_SEARCHED = {"index.md", "suche.md"}
_current: SiteBuild | None = None  # the build in progress, set in on_files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        settings = settings_from_config({"extra": dict(config.extra), "site_url": config.site_url})
    except SettingsError as error:
        for problem in error.problems:
            log.error(problem.format())
        raise PluginError("Die Einstellungen der Chronik in mkdocs.yml sind fehlerhaft.") from None
    if settings.repository and not config.edit_uri:
        config.edit_uri = settings.edit_uri  # every Edit button derives from the one repository setting
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _current
    _current = None
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    for file in files:
        if file.edit_uri:  # edit_uri is the repository's edit address, so say where docs/ lies
            file.edit_uri = f"{docs}/{file.edit_uri}"
    settings = settings_from_config({"extra": dict(config.extra), "site_url": config.site_url})
    result = load_chronicle(root, settings, build_date())
    for problem in build_report(result.problems):  # past plans as one line; `./dev check` lists each
        (log.error if problem.is_error else log.info)(problem.format())
    if result.chronicle is None:
        raise PluginError(f"Die Daten der Chronik enthalten {count_summary(result.problems)}; "
                          "siehe die Meldungen oben.")
    try:
        site = build_site(result.chronicle)
    except SiteFilesError as error:
        raise PluginError(str(error)) from None
    for page in site.pages:
        file = File.generated(config, page.path, content=page.markdown,
                              inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV)
        file.edit_uri = page.source  # the YAML file a reader's correction belongs in
        files.append(file)
    for site_file in site.files:
        files.append(File.generated(config, site_file.path, content=site_file.content))
    _current = site
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "chronik:" not in markdown or _current is None:
        return markdown
    try:
        return _current.expand(markdown, page.file.src_uri)
    except MarkerError as error:
        raise PluginError(str(error)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _current is None:
        return output
    # One feed link in <head>: a person's or a country's own feed, on other pages the whole chronicle's.
    output = output.replace("</head>", _current.head_links.for_page(page.file.src_uri) + "</head>", 1)
    if page.file.src_uri in _NOT_SEARCHED or page.file.src_uri in _current.listings:
        return output
    try:
        return mark_searchable(output)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_post_build(config: MkDocsConfig) -> None:
    try:
        log.info(f"Suchindex: {build_index(Path(config.site_dir))}")
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
