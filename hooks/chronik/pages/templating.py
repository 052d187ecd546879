"""The one Jinja2 environment for every template in templates/.

Markdown pages are written unescaped (plain text goes through the `md` filter); XML and SVG
templates (`*.atom.j2`, `*.svg.j2`) are autoescaped. Every value loses the control characters
that XML 1.0 forbids (YAML's "\\x01" escapes could bring them in); Markdown loses nothing by it.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .search_marks import NOT_SEARCHED
from ..chronicle.text import escape_markdown, escape_url
from ..chronicle.vocabulary import count_phrase, plural

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPED = (".atom.j2", ".svg.j2")
# An address shown as text (filter `address`) may break after each slash of its path (not inside `//`), so a
# phone breaks it there instead of inside a word.
_AFTER_SLASH = re.compile(r"(?<=[^/]/)(?=[^/])")


def _finalize(value: object) -> object:
    if type(value) is str:
        return _xml_clean(value)
    if isinstance(value, Markup):  # rendered by one of these templates: its values are clean already
        return value
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


@lru_cache(maxsize=1 << 16)  # every value of every page passes here; most recur (names, links, labels)
def _xml_clean(text: str) -> str:
    return _NOT_XML.sub("", text)


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, which must never break a build: a template it cannot store or
    read back is simply compiled (again)."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - unreadable or damaged (pickle, marshal, a cut file): compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """The cache in a folder of the user's in the temp directory; none where Jinja finds no safe one."""
    try:
        return _QuietCache()
    except (OSError, RuntimeError):
        return None


TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=jinja2.StrictUndefined,
    autoescape=lambda name: name is not None and name.endswith(_ESCAPED),
    finalize=_finalize,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    # Compiled once per process: checking every template file's time on each render cost ~10 % of the
    # pages at 1,000 events. Like the Python code, edited templates take effect when serve restarts.
    auto_reload=False,
    # and kept compiled between processes, as Python keeps its bytecode: Jinja's own cache (a folder of the
    # user's in the temp directory, checked against each template's text). Compiling took ~0.05 s of every
    # build before its first page.
    bytecode_cache=_bytecode_cache(),
)
TEMPLATES.filters["md"] = escape_markdown
TEMPLATES.filters["address"] = lambda address: _AFTER_SLASH.sub("<wbr>", escape_markdown(address))
TEMPLATES.filters["url"] = escape_url
TEMPLATES.filters["attr"] = lambda text: html.escape(str(text), quote=True)
# A front matter value: JSON is YAML, and a JSON string cannot end the front matter or start a key.
# The theme writes `description` and `title` into HTML unescaped: pass them through |attr first.
TEMPLATES.filters["yaml"] = lambda text: json.dumps(str(text), ensure_ascii=False)
# `{{ n|count("Ereignis") }}` -> `3 Ereignisse`; `{{ n|plural("Ereignis") }}` -> the noun alone.
TEMPLATES.filters["count"] = count_phrase
TEMPLATES.filters["plural"] = plural
TEMPLATES.globals["not_searched_markers"] = NOT_SEARCHED  # macro `not_searched` in _macros.md.j2


def render(template: str, **context: object) -> str:
    return TEMPLATES.get_template(template).render(**context)
