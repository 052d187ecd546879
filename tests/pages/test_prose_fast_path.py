"""Plain prose skips the Markdown renderer (published._paragraphs); the result must be exactly
what Python-Markdown makes of it, and anything with markup must still go through the renderer."""

from __future__ import annotations

import random
import sys

import pytest

from chronik.pages import published
from conftest import PROJECT
from chronik.sources.yaml_source import read_document

sys.path.insert(0, str(PROJECT / "bench"))
from synthetic import summary  # noqa: E402

SHIPPED = [read_document(path.name, path.read_bytes())[0].data["summary"]
           for path in sorted((PROJECT / "events").glob("*.yaml"))]
SYNTHETIC = [summary(random.Random(seed), ["Ana Pérez", "José Jerí"]) for seed in range(200)]
CRAFTED = ["a\n\nb", "a\nb", "x 1. y", "„Zitat“ – gut", "ä ö ü ß", "a\n\n\n\nb\n", "Satz. Noch einer."]
MARKUP = ["Nr. 1\n2. Platz", "a  \nb", "**fett**", "[Link](https://example.org)", "- Liste", "> Zitat",
          "# Titel", "a & b", "1) erstens", "Text\n===", "Text\n---", "    Code", "x_y_z", "a | b",
          "!!! note", "~~~", "<b>", " eingerückt"]


def _renderer(text: str) -> str:
    published._renderer.reset()
    return published._renderer.convert(text)


@pytest.mark.parametrize("text", SHIPPED + SYNTHETIC + CRAFTED)
def test_prose_gives_the_renderers_html_and_text(text: str) -> None:
    assert published.markdown_to_html(text) == _renderer(text)
    parser = published._TextOnly()
    parser.feed(_renderer(text))
    parser.close()
    assert published.plain_text(text) == published._normalise_space("".join(parser.parts))


def test_most_summaries_take_the_fast_path() -> None:
    fast = [text for text in SHIPPED + SYNTHETIC + CRAFTED if published._paragraphs(text) is not None]
    assert len(fast) >= 0.9 * len(SHIPPED + SYNTHETIC + CRAFTED)


@pytest.mark.parametrize("text", MARKUP)
def test_markup_goes_through_the_renderer(text: str) -> None:
    assert published._paragraphs(text) is None
    assert published.markdown_to_html(text) == _renderer(text)
