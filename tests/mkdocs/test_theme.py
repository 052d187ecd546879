"""The chronicle's overrides of Material stay in step with Material: a copied block that Material
changes, or a path the theme writes by hand, fails here instead of silently on the site."""

from __future__ import annotations

import re
from pathlib import Path

import material

from chronik.pages.published import SITE_FEED
from conftest import PROJECT

ROOT = PROJECT
MAIN = (ROOT / "hooks" / "chronik" / "mkdocs" / "theme" / "main.html").read_text(encoding="utf-8")
MATERIAL = Path(material.__file__).parent / "templates"
MATERIAL_BASE = (MATERIAL / "base.html").read_text(encoding="utf-8")
_TAG = re.compile(r"{%-?\s*(block|endblock)\b[^%]*-?%}")


def block(template: str, name: str) -> str:
    """`{% block name %}` to its own `{% endblock %}`, the blocks inside included."""
    start = re.search(r"{%-?\s*block " + name + r"\s*-?%}", template).start()
    depth = 0
    for tag in _TAG.finditer(template, start):
        depth += 1 if tag.group(1) == "block" else -1
        if depth == 0:
            return template[start:tag.end()]
    raise AssertionError(f"block {name} has no end")


def tokens(template: str) -> str:
    """The template without comments, whitespace control and layout."""
    template = re.sub(r"{#.*?#}", "", template, flags=re.S)
    template = template.replace("{%-", "{%").replace("-%}", "%}")
    return re.sub(r"\s+", " ", re.sub(r"\s+>", ">", template)).strip()


def test_the_container_block_is_materials_with_the_search_attributes_added() -> None:
    ours = block(MAIN, "container")
    added = ['{%- set search = page.meta.search if page and page.meta and page.meta.search is mapping else {} %}',
             '{%- if page and not search.exclude %} data-pagefind-body',
             '{%- if search.boost is defined %} data-pagefind-weight="{{ search.boost | e }}"{% endif %}',
             '{%- endif %}']
    for piece in added:
        assert piece in ours
        ours = ours.replace(piece, "", 1)
    assert tokens(ours) == tokens(block(MATERIAL_BASE, "container")), \
        "Material changed its block container: copy it again into overrides/main.html"


def test_the_block_helper_finds_nested_blocks() -> None:  # the test above would pass on a truncated block
    assert block("{% block a %}x{% block b %}y{% endblock %}z{% endblock %}w", "a") == \
        "{% block a %}x{% block b %}y{% endblock %}z{% endblock %}"


def test_the_site_feed_the_theme_names_is_the_one_that_is_written() -> None:
    assert f'"path": "{SITE_FEED}"' in MAIN


def test_the_table_of_contents_is_materials_with_a_label_only_where_its_checkbox_is() -> None:
    ours = (ROOT / "hooks" / "chronik" / "mkdocs" / "theme" / "partials" / "toc.html").read_text(encoding="utf-8")
    label = re.search(r"{% if page in nav.pages %}(.*?){% else %}.*?{% endif %}", ours, flags=re.S)
    assert "<div class=\"md-nav__title\">" in label.group(0)
    material_toc = (MATERIAL / "partials" / "toc.html").read_text(encoding="utf-8")
    assert tokens(ours.replace(label.group(0), label.group(1))) == tokens(material_toc), \
        "Material changed partials/toc.html: copy it again into theme/partials/toc.html"


def _ours(name: str) -> str:
    return (ROOT / "hooks" / "chronik" / "mkdocs" / "theme" / "partials" / name).read_text(encoding="utf-8")


def _materials(name: str) -> str:
    return tokens((MATERIAL / "partials" / name).read_text(encoding="utf-8"))


def test_the_header_is_materials_with_a_short_title_beside_the_long_one() -> None:
    choice = re.search(r"{%- if config.extra.chronicle and config.extra.chronicle.short_title %}.*?"
                       r"{%- else %}(.*?){%- endif %}", _ours("header.html"), flags=re.S)
    assert "chronik-titel-kurz" in choice.group(0)
    assert tokens(_ours("header.html").replace(choice.group(0), choice.group(1))) == _materials("header.html"), \
        "Material changed partials/header.html: copy it again into theme/partials/header.html"


def test_the_content_is_materials_with_the_page_actions_at_its_foot() -> None:
    moved = '{% include "partials/actions.html" %}'
    ours = tokens(_ours("content.html"))
    assert ours.index(moved) > ours.index("{{ page.content }}")
    material = _materials("content.html")
    assert tokens(ours.replace(moved, "")) == tokens(material.replace(moved, "")), \
        "Material changed partials/content.html: copy it again into theme/partials/content.html"


def test_the_copyright_is_materials_with_the_footer_links_added() -> None:
    added = re.search(r"{%- if chronik_footer %}.*?{%- endif %}", _ours("copyright.html"), flags=re.S)
    assert tokens(_ours("copyright.html").replace(added.group(0), "")) == _materials("copyright.html"), \
        "Material changed partials/copyright.html: copy it again into theme/partials/copyright.html"
