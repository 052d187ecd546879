"""Is a contributor's Markdown safe to publish? Decided on the HTML it really renders to.

Pattern checks on the Markdown source miss tricks (escaped backticks, indented
reference definitions, entity-encoded schemes); the rendered HTML cannot hide them.
Only tags that Markdown itself produces are allowed, and links only to http(s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

# MkDocs always adds tables and fenced_code; the rest must match markdown_extensions in mkdocs.yml.
EXTENSIONS = ["admonition", "tables", "fenced_code"]
_ALLOWED_TAGS = frozenset({"p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote",
                           "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "div",
                           "table", "thead", "tbody", "tr", "th", "td"})
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "div": {"class"}, "p": {"class"},
                       "code": {"class"}, "th": {"style"}, "td": {"style"}}
_TABLE_ALIGNMENT = re.compile(r"^text-align: (left|right|center);$")
_SAFE_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s]+$", re.IGNORECASE)
_renderer = markdown.Markdown(extensions=EXTENSIONS)


@dataclass(frozen=True)
class Offence:
    kind: str  # "html", "image" or "link"
    detail: str  # the tag, or the link target
    needle: str  # what to look for in the source to find its line


def find_offences(text: str) -> list[Offence]:
    """Everything in `text` that would put more than Markdown's own markup into a page."""
    if "<" not in text and "[" not in text:
        return []  # without these, Markdown produces no tags, links or images: the common case, fast
    _renderer.reset()
    collector = _Collector()
    collector.feed(_renderer.convert(text))
    collector.close()
    unique: list[Offence] = []
    for offence in collector.offences:
        if offence not in unique:
            unique.append(offence)
    return unique


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.offences: list[Offence] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.offences.append(Offence("image", "img", "!["))
            return
        if tag not in _ALLOWED_TAGS:
            self.offences.append(Offence("html", f"<{tag}", f"<{tag}"))
            return
        allowed = _ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self.offences.append(Offence("html", f"<{tag} {name}=…>", name))
            elif tag == "a" and name == "href" and not _SAFE_URL.match(value or ""):
                self.offences.append(Offence("link", value or "", value or "]("))
            elif name == "style" and not _TABLE_ALIGNMENT.match(value or ""):
                self.offences.append(Offence("html", f"<{tag} style=…>", "style"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.offences.append(Offence("html", "<!--", "<!--"))

    def handle_decl(self, decl: str) -> None:
        self.offences.append(Offence("html", "<!", "<!"))

    def handle_pi(self, data: str) -> None:
        self.offences.append(Offence("html", "<?", "<?"))
