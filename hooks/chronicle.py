"""The MkDocs adapter: the only module that imports MkDocs.

It reads the data on every build (never at import: `mkdocs serve` does not reload
hook modules), logs every problem, stops the build on errors, and hands what
`chronik.site.plan_site` planned to MkDocs: pages as in-memory files, site files,
fragments for the hand-written pages, every searched page to Pagefind. Under `build`, a
second process renders pages and files, then turns generated pages into HTML for MkDocs from
the back while MkDocs works from the front (chronik.background, `_SharedPage`); rendered
pages go to the search index while MkDocs renders the next ones.
"""

from __future__ import annotations

import functools
import gc
import logging
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

import chronik
from chronik.background import SiteRenderer, Sharing
from chronik.error_page import error_page, nav_paths
from chronik.fragments import MarkerError
from chronik.handover import Key, attributes_set_by, collect_log_records, pack, unpack
from chronik.incremental import ChangeTracker, PageCache, modified, unmodified
from chronik.loading import CheckingAhead, FileCache, load_chronicle, start_checking
from chronik.problems import Problem, build_report, count_summary
from chronik.settings import SettingsError, build_date, settings_from_config
from chronik.site import SitePlan, plan_site
from chronik.views import PagePlan
from chronik.site_files import SiteFilesError
from chronik.site_search import NOT_SEARCHED, BuildSearch, SearchIndexError, ignore_listed, searched

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

THEME_DIR = Path(chronik.__file__).parent / "theme"  # Material overrides and the chronicle's assets
STYLESHEETS = ("assets/suche.css", "assets/chronik.css")  # search UI; readable contrast, the overview chart
SCRIPTS = ("assets/suche.js",)  # the search UI (Pagefind); it loads vorschlaege.js itself
log = logging.getLogger("mkdocs.hooks.chronicle")  # under "mkdocs.": `--strict` counts our warnings
# The search page is a frame for the script: nothing on it a reader could correct.
_NOT_EDITABLE = {"suche.md"}
_current: SitePlan | None = None  # the build in progress, set in on_files
# Under `build`, the second process (started in on_nav). Under `serve`, on_files renders everything.
_renderer: SiteRenderer | None = None
_search: BuildSearch | None = None  # Pagefind, fed page by page while MkDocs renders
# Under `serve`, broken data does not stop the build (MkDocs would hold every request until a good
# one): every page shows the problems instead. `build` still fails on them.
_serving = False
_broken: list[Problem] = []  # the current build's problems while serve shows them
_pages_with_lists: set[str] = set()  # pages that list others (NOT_SEARCHED markers): seen in on_page_markdown
# `serve --dirty` (./dev serve): files are read and checked again only when they changed, and only
# pages whose content changed are rendered again; the search index follows in the background.
_dirty = False
_files_cache: FileCache | None = None
_ahead: CheckingAhead | None = None  # under `build`: the data files, checked from on_pre_build on
_changes = ChangeTracker()
_page_cache = PageCache()


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty, _files_cache
    _serving = command == "serve"
    _dirty = _serving and dirty
    _files_cache = FileCache() if _serving else None
    if _dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    # MkDocs warns that a dirty build may leave navigation and links stale. Here it cannot: every
    # generated page whose content changed, and every page that shows fragments, is rendered again,
    # and the navigation lists only hand-written pages and indexes. Under strict, the warning would
    # abort every rebuild.
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _use_package_theme(config)
    try:
        settings = settings_from_config({"extra": dict(config.extra), "site_url": config.site_url})
    except SettingsError:
        return config  # on_files reports every problem, in the terminal or, under serve, in the browser
    if settings.repository and not config.edit_uri:
        config.edit_uri = settings.edit_uri  # every Edit button derives from the one repository setting
    return config


def _use_package_theme(config: MkDocsConfig) -> None:
    """The chronicle's templates and assets come with the package: its theme folder joins the theme's search
    path right after a chronicle's own `custom_dir` (whose templates still win), before Material's; MkDocs
    copies the assets in it like the theme's own, and every page loads them."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css[:0] = [path for path in STYLESHEETS if path not in config.extra_css]
    scripts = {str(script) for script in config.extra_javascript}  # strings or ExtraScriptValue
    config.extra_javascript[:0] = [path for path in SCRIPTS if path not in scripts]


def on_pre_build(config: MkDocsConfig) -> None:
    """Under `build`, a second process starts checking the data files while MkDocs lists its own."""
    global _ahead
    _stop_background()
    if not _serving:
        _ahead = start_checking(Path(config.config_file_path).parent)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _current, _ahead
    _current = None
    _pages_with_lists.clear()
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    for file in files:
        if file.src_uri in _NOT_EDITABLE:
            file.edit_uri = None
        elif file.edit_uri:  # edit_uri is the repository's edit address, so say where docs/ lies
            file.edit_uri = f"{docs}/{file.edit_uri}"
    try:
        settings = settings_from_config({"extra": dict(config.extra), "site_url": config.site_url})
    except SettingsError as error:
        for problem in error.problems:
            (log.info if _serving else log.error)(problem.format())  # an error would abort strict serve
        if _serving:
            return _show_in_browser(error.problems, files, config)
        raise PluginError("Die Einstellungen der Chronik in mkdocs.yml sind fehlerhaft.") from None
    result = load_chronicle(root, settings, build_date(), cache=_files_cache, ahead=_ahead)
    _ahead = None
    for problem in build_report(result.problems):  # past plans as one line; `./dev check` lists each
        (log.error if problem.is_error and not _serving else log.info)(problem.format())
    if result.chronicle is None and _serving:
        return _show_in_browser(result.errors, files, config)
    _broken.clear()
    if result.chronicle is None:
        raise PluginError(f"Die Daten der Chronik enthalten {count_summary(result.problems)}; "
                          "siehe die Meldungen oben.")
    try:
        site = plan_site(result.chronicle)
    except SiteFilesError as error:
        raise PluginError(str(error)) from None
    if _serving:
        _add_rendered(site, files, config)
    else:
        _add_planned(site, files, config)
    _current = site
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Every file and page is final now: under `build`, start the second process (it forks, so it
    sees them all), then the search indexer (its process and threads must not be forked)."""
    global _renderer, _search
    if _current is None:
        return nav
    _SharedPage.taken = 0
    if not _serving:
        # What exists now lives until the build ends: the cycle collector skips it, and the forked process
        # shares it instead of copying what the collector touches. (Under serve it would stay for good.)
        gc.freeze()
        shared = [plan.path for plan in _current.page_plans if not plan.in_nav]
        _renderer = SiteRenderer(_current, sharing=Sharing(shared, _converter(config, files)))
    _search = BuildSearch(afterwards=_dirty)
    return nav


def _add_rendered(site: SitePlan, files: Files, config: MkDocsConfig) -> None:
    """Serve: every page and file at hand now, so that `--dirty` renders only what changed. Pages an
    edit cannot have changed come from the previous build (incremental.PageCache)."""
    if _dirty:
        _changes.start()
        if _changes.fragments_changed(site.fragments):
            for file in files:  # hand-written pages that show fragments
                if file.src_uri.endswith(".md") and "chronik:" in file.content_string:
                    file.is_modified = modified
    renderer = SiteRenderer(site, groups=[])  # the site files on the second core, meanwhile the pages here
    try:
        pages = _page_cache.pages(site)
        site_files = renderer.files()
    finally:
        renderer.close()
    for page in pages:
        files.append(_tracked(_page_file(config, page.plan, page.markdown), page.markdown))
    for path in site.file_paths:
        files.append(_tracked(File.generated(config, path, content=site_files[path]), site_files[path]))


def _add_planned(site: SitePlan, files: Files, config: MkDocsConfig) -> None:
    """Build: every page and file registered now, filled in when MkDocs reads or writes it (the
    second process starts in on_nav)."""
    for plan in site.page_plans:
        file = _page_file(config, plan, "")
        if not plan.in_nav:  # MkDocs makes pages for files in the nav itself, with the nav's titles
            _SharedPage(None, file, config)
        files.append(file)
    for path in site.file_paths:
        files.append(File.generated(config, path, content=b""))


def _page_file(config: MkDocsConfig, plan: PagePlan, markdown: str) -> File:
    file = File.generated(config, plan.path, content=markdown,
                          inclusion=InclusionLevel.INCLUDED if plan.in_nav else InclusionLevel.NOT_IN_NAV)
    file.edit_uri = plan.source  # the YAML file a reader's correction belongs in
    return file


def _tracked(file: File, content: str | bytes) -> File:
    """Under `serve --dirty`, a generated file whose content did not change is not rendered again."""
    if _dirty and not _changes.changed(file.src_uri, content):
        file.is_modified = unmodified
    return file


def _show_in_browser(problems: list[Problem], files: Files, config: MkDocsConfig) -> Files:
    """Serve with broken data: remember the problems; give every page of the nav a file to stand in."""
    _broken[:] = problems
    _changes.forget()  # every page shows the problems now, and every page must come back after the fix
    _page_cache.forget()
    for file in files:
        file.is_modified = modified
    known = {file.src_uri for file in files}
    for path in nav_paths(config.nav or []):
        if path not in known:
            files.append(File.generated(config, path, content=""))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _renderer is not None and (markdown := _renderer.take_page(page.file.src_uri)) is not None:
        page.file.content_string = markdown
    return page


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """MkDocs writes the site files next: they must be there."""
    global _renderer
    renderer, _renderer = _renderer, None
    if renderer is not None:
        for path, content in renderer.files().items():
            files.get_file_from_path(path).content_bytes = content
        log.info(f"Seiten und Dateien der Chronik erzeugt in {renderer.seconds:.1f} s"
                 + (f" (im zweiten Prozess; dort danach {_SharedPage.taken} Seiten in HTML umgewandelt)"
                    if renderer.forked else ""))
    return env


class _SharedPage(Page):
    """A generated page that the second process may have turned into HTML already.

    MkDocs' own Markdown step (`Page.render`, same configuration, same extensions) runs for every
    page, once: here, or in the second process (`_converter`), forked with all files and pages
    in place. Its result is taken only for the very Markdown this page has now (chronik.handover);
    otherwise, and wherever the worker declined, MkDocs renders the page here as always."""

    taken = 0  # pages whose HTML came from the second process, for the build's log

    def render(self, config: MkDocsConfig, files: Files) -> None:
        payload = _renderer.converted(self.file.src_uri) if _renderer is not None else None
        rendered = payload and unpack(payload, self.markdown or "", lambda key: _object_of(key, files))
        if rendered:
            vars(self).update(rendered)
            _SharedPage.taken += 1
        else:
            super().render(config, files)


def _converter(config: MkDocsConfig, files: Files) -> Callable[[str, str], bytes | None]:
    """For the second process: what MkDocs does to a page between on_pre_page and on_page_content
    (read the source, on_page_markdown, `Page.render`); hands back what `render` set. A page whose rendering
    logs anything (a broken link) is left to MkDocs here. Other plugins' side effects would happen twice."""
    logged: list[logging.LogRecord] = []
    start_collecting = functools.cache(lambda: collect_log_records(into=logged))  # once, in the second process

    def convert(path: str, markdown: str) -> bytes | None:
        start_collecting()
        page = files.get_file_from_path(path).page
        page.file.content_string = markdown
        config._current_page = page
        try:
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            logged.clear()
            rendered = attributes_set_by(page, lambda: Page.render(page, config, files))  # MkDocs' own render
        finally:
            config._current_page = None
        return None if logged else pack(page.markdown, rendered, _key_of)
    return convert


def _key_of(obj: object) -> Key | None:  # files and pages travel as their path: each process has its own
    return ("file", obj.src_uri) if isinstance(obj, File) else ("page", obj.file.src_uri) if isinstance(obj, Page) \
        else None


def _object_of(key: Key, files: Files) -> object:
    file = files.get_file_from_path(key[1])  # the worker forked from these very files
    return file if key[0] == "file" else file.page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _broken:
        return ""  # on_post_page puts the error page in its place
    if NOT_SEARCHED[0] in markdown:
        _pages_with_lists.add(page.file.src_uri)
    if "chronik:" not in markdown or _current is None:
        return markdown
    try:
        return _current.expand(markdown, page.file.src_uri)
    except MarkerError as error:
        raise PluginError(str(error)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The theme wrote the feed link and what to index (chronik/theme/main.html): the page goes to Pagefind."""
    if _broken:
        return error_page(_broken)
    if _search is None or not searched(page.meta):
        return output
    try:
        if page.file.src_uri in _pages_with_lists:
            output = ignore_listed(output)  # the lists of other pages, out of the search
        _search.add(output, "/" + page.url)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The address of a generated page that the broken build could not make answers with 404.html.
    return error_page(_broken) if _broken and template_name == "404.html" else output_content


def on_post_build(config: MkDocsConfig) -> None:
    global _search
    search, _search = _search, None
    if _broken or search is None:
        return
    try:
        search.finish(Path(config.site_dir), report=log.info, warn=log.warning)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_build_error(error: Exception) -> None:
    _stop_background()
    _changes.forget()
    _page_cache.forget()


def _stop_background() -> None:
    """Stop what a build started in other processes (before the next build, or after a failed one)."""
    global _ahead, _renderer, _search
    for running in (_ahead, _renderer, _search):
        if running is not None:
            running.close()
    _ahead = _renderer = _search = None
