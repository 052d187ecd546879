"""Generated pages under `mkdocs build` that the second process may turn into HTML for MkDocs.

The second process (chronik.parallel.background) runs MkDocs' own Markdown step on generated pages from the back
of the plan while MkDocs works from the front; `SharedPage` takes a result only for the very Markdown the
page has (chronik.parallel.handover), and `converter` is what the second process runs for each page.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..parallel.handover import Key, attributes_set_by, collect_log_records, pack, unpack

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .adapter import _Build


class SharedPage(Page):
    """A generated page that the second process may have turned into HTML already.

    MkDocs' own Markdown step (`Page.render`, same configuration, same extensions) runs for every
    page, once: here, or in the second process (`converter`), forked with all files and pages
    in place. Its result is taken only for the very Markdown this page has now (chronik.parallel.handover);
    otherwise, and wherever the worker declined, MkDocs renders the page here as always."""

    def __init__(self, file: File, config: MkDocsConfig, build: _Build) -> None:
        super().__init__(None, file, config)
        self.build = build

    def render(self, config: MkDocsConfig, files: Files) -> None:
        renderer = self.build.renderer
        payload = renderer.converted(self.file.src_uri) if renderer is not None else None
        rendered = payload and unpack(payload, self.markdown or "", lambda key: _object_of(key, files))
        if rendered:
            vars(self).update(rendered)
            self.build.taken += 1
        else:
            super().render(config, files)


def converter(config: MkDocsConfig, files: Files) -> Callable[[str, str], bytes | None]:
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
