"""The footer's links for contributors (`extra.chronicle.footer`): pages in docs/, as addresses for the theme
(partials/copyright.html)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..sources.problems import Problem
from ..sources.settings import CONFIG_FILE, SettingsError

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from ..chronicle.model import Settings


def footer_links(settings: Settings, files: Files) -> list[tuple[str, str]]:
    """(label, address) of each footer page, in the order written; SettingsError naming every page that is
    not in docs/."""
    links, missing = [], []
    for label, path in settings.footer:
        if (file := files.get_file_from_path(path)) is None:
            missing.append(Problem(CONFIG_FILE, None, f"`extra.chronicle.footer`: die Seite docs/{path} fehlt",
                                   "Lege die Seite an oder nenne eine, die es in docs/ gibt."))
        else:
            links.append((label, file.url))
    if missing:
        raise SettingsError(missing)
    return links
