"""The cache of compiled templates speeds builds up and can never break one."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from chronik.pages import templating


def _environment(cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"t.j2": "{{ a }} und {{ b }}"}), bytecode_cache=cache)


def test_a_template_is_stored_compiled_and_read_back(tmp_path: Path) -> None:
    _environment(templating._QuietCache(str(tmp_path))).get_template("t.j2")
    assert len(list(tmp_path.glob("__jinja2_*.cache"))) == 1
    assert _environment(templating._QuietCache(str(tmp_path))).get_template("t.j2").render(a=1, b=2) == "1 und 2"


def test_a_damaged_cache_file_means_compiling_again(tmp_path: Path) -> None:
    _environment(templating._QuietCache(str(tmp_path))).get_template("t.j2")
    for stored in tmp_path.glob("__jinja2_*.cache"):
        stored.write_bytes(stored.read_bytes()[:20])  # as if cut short
    assert _environment(templating._QuietCache(str(tmp_path))).get_template("t.j2").render(a=1, b=2) == "1 und 2"


def test_a_folder_that_cannot_be_written_means_compiling_every_time(tmp_path: Path) -> None:
    cache = templating._QuietCache(str(tmp_path / "gibt-es-nicht"))
    assert _environment(cache).get_template("t.j2").render(a=1, b=2) == "1 und 2"


def test_without_a_safe_folder_there_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsafe(self) -> str:
        raise RuntimeError("Cannot determine safe temp directory.")
    monkeypatch.setattr(templating._QuietCache, "_get_default_cache_dir", unsafe)
    assert templating._bytecode_cache() is None


def test_an_address_shown_as_text_may_break_after_each_slash_of_its_path() -> None:
    address = templating.TEMPLATES.filters["address"]
    assert address("https://example.org/chronik/feeds/chronik.xml") == \
        "https://example.org/<wbr>chronik/<wbr>feeds/<wbr>chronik.xml"
    assert address("https://example.org/a_b/") == r"https://example.org/<wbr>a\_b/"  # escaped as Markdown
