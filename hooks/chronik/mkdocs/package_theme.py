"""What the package adds to Material: its theme folder (template overrides, assets) and the stylesheets
and scripts every page loads. Kept in one place because Material is in maintenance mode: this is what a
move to another theme would have to replace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).parent / "theme"  # Material overrides and the chronicle's assets
STYLESHEETS = (
    "assets/suche.css",  # the search UI
    "assets/chronik.css",  # contrast, chart
    "assets/lesen.css",  # reading: dates, plans set back, tables, notes
    "assets/rahmen.css",  # header title on phones, the page's foot
)
SCRIPTS = ("assets/suche.js",)  # the search UI (Pagefind); it loads vorschlaege.js itself


def use_package_theme(config: MkDocsConfig) -> None:
    """The chronicle's templates and assets come with the package: its theme folder joins the theme's search
    path right after a chronicle's own `custom_dir` (whose templates still win), before Material's; MkDocs
    copies the assets in it like the theme's own, and every page loads them."""
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    config.extra_css[:0] = [path for path in STYLESHEETS if path not in config.extra_css]
    scripts = {str(script) for script in config.extra_javascript}  # strings or ExtraScriptValue
    config.extra_javascript[:0] = [path for path in SCRIPTS if path not in scripts]
