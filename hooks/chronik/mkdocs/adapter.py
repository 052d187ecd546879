"""The MkDocs adapter: the only module of the package that imports MkDocs.

`ChronicleAdapter` holds what a `mkdocs` command keeps between builds (`_Session`, from on_startup on)
and what one build keeps (`_Build`, from on_pre_build to on_post_build or on_build_error); a chronicle's
hook file makes one instance and hands its methods to MkDocs. It reads the data on every build (never at
import: `mkdocs serve` does not reload hook modules), logs every problem, stops the build on errors, and
hands what `chronik.publish.site.plan_site` planned to MkDocs: pages as in-memory files, site files,
fragments for the hand-written pages, every searched page to Pagefind. Under `build`, a second process
renders pages and files, then turns generated pages into HTML for MkDocs from the back while MkDocs works
from the front (chronik.parallel.background, chronik.mkdocs.shared_pages); rendered pages go to the search
index while MkDocs renders the next ones.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from ..parallel.background import SiteRenderer, Sharing
from .error_page import error_page, nav_paths
from .footer import footer_links
from ..pages.fragments import MarkerError
from .shared_pages import SharedPage, converter
from .stopping import stop_on_sigterm_as_on_ctrl_c
from .package_theme import use_package_theme
from .valid_html import valid_html
from ..parallel.incremental import ChangeTracker, PageCache, modified, unmodified, without_dirty_warning
from ..sources.file_cache import FileCache
from ..sources.loading import CheckingAhead, load_chronicle, start_checking
from ..sources.problems import Problem, build_report, count_summary
from ..sources.settings import SettingsError, build_date, settings_from_config
from ..publish.site import SitePlan, plan_site
from ..pages.views import PagePlan
from ..publish.site_files import SiteFilesError
from ..pages.search_marks import NOT_SEARCHED, SearchIndexError, ignore_listed, searched
from ..publish.search_index import BuildSearch

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.chronicle")  # under "mkdocs.": `--strict` counts our warnings
# The search page is a frame for the script: nothing on it a reader could correct.
_NOT_EDITABLE = frozenset({"suche.md"})


class _Session:
    """What one `mkdocs` command keeps from build to build (from on_startup on).

    `serve --dirty` (./dev serve): files are read and checked again only when they changed, and only
    pages whose content changed are rendered again; the search index follows in the background."""

    def __init__(self, command: str = "build", dirty: bool = False) -> None:
        # Under `serve`, broken data does not stop the build (MkDocs would hold every request until a good
        # one): every page shows the problems instead. `build` still fails on them.
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        self.files_cache = FileCache() if self.serving else None
        self.changes = ChangeTracker()
        self.page_cache = PageCache()
        self.search_lock = threading.Lock()  # the search index after each rebuild: one at a time
        self.render_all = True  # the next build renders every page, hand-written ones too
        self.generated_pages: set[str] = set()  # the generated pages the served site has (of the last good build)

    def forget(self) -> None:
        """The next build renders every page again (after broken data, after a failed build)."""
        self.changes.forget()
        self.page_cache.forget()
        self.render_all = True


class _Build:
    """What one build keeps (from on_pre_build to on_post_build or on_build_error)."""

    def __init__(self) -> None:
        self.ahead: CheckingAhead | None = None  # under `build`: the data files, checked from on_pre_build on
        self.plan: SitePlan | None = None  # set in on_files once the data is sound
        # Under `build`, the second process (started in on_nav). Under `serve`, on_files renders everything.
        self.renderer: SiteRenderer | None = None
        self.search: BuildSearch | None = None  # Pagefind, fed page by page while MkDocs renders
        self.broken: list[Problem] = []  # under serve, the problems every page shows instead of its content
        self.pages_with_lists: set[str] = set()  # pages that list others (NOT_SEARCHED markers)
        self.taken = 0  # pages whose HTML came from the second process, for the build's log
        self.footer: list[tuple[str, str]] = []  # extra.chronicle.footer: (label, address), partials/copyright.html

    def close(self) -> None:
        """Stop what this build started in other processes."""
        for running in (self.ahead, self.renderer, self.search):
            if running is not None:
                running.close()
        self.ahead = self.renderer = self.search = None


class ChronicleAdapter:
    """The chronicle for MkDocs: one instance per hook file, its `on_*` methods are the hooks."""

    def __init__(self) -> None:
        self.session = _Session()
        self.build: _Build | None = None

    def hooks(self) -> dict[str, Callable]:
        """Every `on_*` method, bound to this adapter, by name: what a hook file hands to MkDocs. A new
        hook in a later version reaches every chronicle without a change to its hook file."""
        return {name: getattr(self, name) for name in dir(type(self)) if name.startswith("on_")}

    def on_startup(self, command: str, dirty: bool) -> None:
        self.session = _Session(command, dirty)
        if self.session.serving:
            stop_on_sigterm_as_on_ctrl_c()
        if self.session.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(without_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        use_package_theme(config)
        try:
            settings = settings_from_config({"extra": dict(config.extra), "site_url": config.site_url})
        except SettingsError:
            return config  # on_files reports every problem, in the terminal or, under serve, in the browser
        if settings.repository and not config.edit_uri:
            config.edit_uri = settings.edit_uri  # every Edit button derives from the one repository setting
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """A build begins. Under `build`, a second process starts checking the data files while MkDocs lists
        its own."""
        self._drop_build()
        self.build = _Build()
        if not self.session.serving:
            self.build.ahead = start_checking(Path(config.config_file_path).parent)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        build, serving = self.build, self.session.serving
        root = Path(config.config_file_path).parent
        _set_edit_uris(files, Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix())
        try:
            settings = settings_from_config({"extra": dict(config.extra), "site_url": config.site_url})
            build.footer = footer_links(settings, files)
        except SettingsError as error:
            for problem in error.problems:
                (log.info if serving else log.error)(problem.format())  # an error would abort strict serve
            if serving:
                return self._show_in_browser(error.problems, files, config)
            raise PluginError("Die Einstellungen der Chronik in mkdocs.yml sind fehlerhaft.") from None
        result = load_chronicle(root, settings, build_date(), cache=self.session.files_cache, ahead=build.ahead)
        build.ahead = None
        for problem in build_report(result.problems):  # past plans as one line; `./dev check` lists each
            (log.error if problem.is_error and not serving else log.info)(problem.format())
        if result.chronicle is None and serving:
            return self._show_in_browser(result.errors, files, config)
        if result.chronicle is None:
            raise PluginError(f"Die Daten der Chronik enthalten {count_summary(result.problems)}; "
                              "siehe die Meldungen oben.")
        try:
            site = plan_site(result.chronicle)
        except SiteFilesError as error:
            raise PluginError(str(error)) from None
        if serving:
            self._add_rendered(site, files, config)
        else:
            self._add_planned(site, files, config)
        build.plan = site
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Every file and page is final now: under `build`, start the second process (it forks, so it
        sees them all), then the search indexer (its process and threads must not be forked)."""
        build = self.build
        if build.plan is None:
            return nav
        if not self.session.serving:
            # What exists now lives until the build ends: the cycle collector skips it, and the forked process
            # shares it instead of copying what the collector touches. (Under serve it would stay for good.)
            gc.freeze()
            shared = [plan.path for plan in build.plan.page_plans if not plan.in_nav]
            build.renderer = SiteRenderer(build.plan, sharing=Sharing(shared, converter(config, files)))
        build.search = BuildSearch(afterwards=self.session.dirty, one_at_a_time=self.session.search_lock)
        return nav

    def _add_rendered(self, site: SitePlan, files: Files, config: MkDocsConfig) -> None:
        """Serve: every page and file at hand now, so that `--dirty` renders only what changed. Pages an
        edit cannot have changed come from the previous build (incremental.PageCache)."""
        session = self.session
        if session.dirty:
            session.changes.start()
            fragments_changed = session.changes.fragments_changed(site.fragments)
            for file in files:  # hand-written: all after broken data or a failed build, else those showing fragments
                if session.render_all or (fragments_changed and file.src_uri.endswith(".md")
                                          and "chronik:" in file.content_string):
                    file.is_modified = modified
            session.render_all = False
        renderer = SiteRenderer(site, groups=[], serving=True)  # in this process: serve runs threads (fork_rule)
        try:
            pages = session.page_cache.pages(site)
            site_files = renderer.files()
        finally:
            renderer.close()
        for page in pages:
            files.append(self._tracked(_page_file(config, page.plan, page.markdown), page.markdown))
        session.generated_pages = {page.plan.path for page in pages}
        for path in site.file_paths:
            files.append(self._tracked(File.generated(config, path, content=site_files[path]), site_files[path]))

    def _add_planned(self, site: SitePlan, files: Files, config: MkDocsConfig) -> None:
        """Build: every page and file registered now, filled in when MkDocs reads or writes it (the
        second process starts in on_nav)."""
        for plan in site.page_plans:
            file = _page_file(config, plan, "")
            if not plan.in_nav:  # MkDocs makes pages for files in the nav itself, with the nav's titles
                SharedPage(file, config, self.build)
            files.append(file)
        for path in site.file_paths:
            files.append(File.generated(config, path, content=b""))

    def _tracked(self, file: File, content: str | bytes) -> File:
        """Under `serve --dirty`, a generated file whose content did not change is not rendered again."""
        if self.session.dirty and not self.session.changes.changed(file.src_uri, content):
            file.is_modified = unmodified
        return file

    def _show_in_browser(self, problems: list[Problem], files: Files, config: MkDocsConfig) -> Files:
        """Serve with broken data: remember the problems; give every page of the nav a file to stand in."""
        self.build.broken[:] = problems
        self.session.forget()  # every page shows the problems now, and every page must come back after the fix
        for file in files:
            file.is_modified = modified
        known = {file.src_uri for file in files}
        for path in nav_paths(config.nav or []):
            if path not in known:
                files.append(File.generated(config, path, content=""))
        for path in sorted(self.session.generated_pages - {file.src_uri for file in files}):  # the served site's
            files.append(File.generated(config, path, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        renderer = self.build.renderer
        if renderer is not None and (markdown := renderer.take_page(page.file.src_uri)) is not None:
            page.file.content_string = markdown
        return page

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """MkDocs writes the site files next: they must be there."""
        build = self.build
        env.globals["chronik_footer"] = build.footer
        renderer, build.renderer = build.renderer, None
        if renderer is not None:
            for path, content in renderer.files().items():
                files.get_file_from_path(path).content_bytes = content
            log.info(f"Seiten und Dateien der Chronik erzeugt in {renderer.seconds:.1f} s"
                     + (f" (im zweiten Prozess; dort danach {build.taken} Seiten in HTML umgewandelt)"
                        if renderer.forked else ""))
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self.build
        if build.broken:
            return ""  # on_post_page puts the error page in its place
        if NOT_SEARCHED[0] in markdown:
            build.pages_with_lists.add(page.file.src_uri)
        if "chronik:" not in markdown or build.plan is None:
            return markdown
        try:
            return build.plan.expand(markdown, page.file.src_uri)
        except MarkerError as error:
            raise PluginError(str(error)) from None

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The theme wrote the feed link and what to index (chronik/mkdocs/theme/main.html): the page goes to
        Pagefind."""
        build = self.build
        if build.broken:
            return error_page(build.broken)
        output = valid_html(output)
        if build.search is None or not searched(page.meta):
            return output
        try:
            if page.file.src_uri in build.pages_with_lists:
                output = ignore_listed(output)  # the lists of other pages, out of the search
            build.search.add(output, "/" + page.url)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        return output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # The address of a generated page that the broken build could not make answers with 404.html.
        broken = self.build.broken
        if template_name == "404.html":
            return error_page(broken) if broken else valid_html(output_content)
        return output_content

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The build is done: the search index is written (or, under serve, follows in the background)."""
        build, self.build = self.build, None
        search, build.search = build.search, None
        build.close()
        if build.broken or search is None:
            return
        try:
            search.finish(Path(config.site_dir), report=log.info, warn=log.warning)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def on_shutdown(self) -> None:
        with self.session.search_lock:  # serve ends: an index being written first, then MkDocs deletes the site
            pass

    def on_build_error(self, error: Exception) -> None:
        self._drop_build()
        self.session.forget()

    def _drop_build(self) -> None:
        """Stop what a build started in other processes (before the next build, or after a failed one)."""
        if self.build is not None:
            self.build.close()
        self.build = None


def _set_edit_uris(files: Files, docs: str) -> None:
    for file in files:
        if file.src_uri in _NOT_EDITABLE:
            file.edit_uri = None
        elif file.edit_uri:  # edit_uri is the repository's edit address, so say where docs/ lies
            file.edit_uri = f"{docs}/{file.edit_uri}"


def _page_file(config: MkDocsConfig, plan: PagePlan, markdown: str) -> File:
    file = File.generated(config, plan.path, content=markdown,
                          inclusion=InclusionLevel.INCLUDED if plan.in_nav else InclusionLevel.NOT_IN_NAV)
    file.edit_uri = plan.source  # the YAML file a reader's correction belongs in
    return file
