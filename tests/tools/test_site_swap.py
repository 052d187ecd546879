"""`./dev build` puts the new site in place of the old one (chronik.tools.site_swap): `site/` is complete at
every moment, or, where the file system cannot swap in one step, put back by the next run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from chronik.tools import site_swap


def _site(folder: Path, version: str) -> Path:
    for name in ("index.html", "ereignisse/a/index.html", "pagefind/pagefind.js"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(version, encoding="utf-8")
    return folder


def _version(site: Path) -> str | None:
    """The one version every file of `site` has, or None if it is not a complete site."""
    names = ("index.html", "ereignisse/a/index.html", "pagefind/pagefind.js")
    versions = {(site / name).read_text(encoding="utf-8") if (site / name).is_file() else None for name in names}
    return versions.pop() if len(versions) == 1 else None


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What `site/` held before each step that changes the file system."""
    seen: list[str | None] = []
    for module, name in ((os, "rename"), (shutil, "rmtree")):
        original = getattr(module, name)

        def step(*args, original=original, **kwargs):
            seen.append(_version(Path.cwd() / "site"))
            return original(*args, **kwargs)
        monkeypatch.setattr(module, name, step)
    return seen


@pytest.mark.parametrize("in_one_step", [True, False], ids=["tauschen", "zwei-umbenennungen"])
def test_the_new_site_replaces_the_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watched,
                                       in_one_step: bool) -> None:
    monkeypatch.chdir(tmp_path)
    if not in_one_step:
        monkeypatch.setattr(site_swap, "_exchange", lambda first, second: False)
    _site(tmp_path / "site", "alt")
    _site(tmp_path / "site.neu", "neu")
    site_swap.main(["site.neu", "site"])
    assert _version(tmp_path / "site") == "neu"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    if in_one_step:
        assert set(watched) == {"neu"}  # the old site is deleted once the new one is in place


def test_exchange_works_here_on_linux(tmp_path: Path) -> None:
    if os.uname().sysname != "Linux":
        pytest.skip("renameat2 is Linux'")
    _site(tmp_path / "a", "a")
    _site(tmp_path / "b", "b")
    assert site_swap._exchange(tmp_path / "a", tmp_path / "b")
    assert (_version(tmp_path / "a"), _version(tmp_path / "b")) == ("b", "a")


def test_a_run_stopped_between_the_two_renames_is_put_right_by_the_next(tmp_path: Path) -> None:
    _site(tmp_path / "site.alt", "alt")  # the old site renamed aside; the new one never came in
    site_swap.main(["--recover", str(tmp_path / "site")])
    assert _version(tmp_path / "site") == "alt" and not (tmp_path / "site.alt").exists()
    _site(tmp_path / "site.alt", "halb")  # stopped while deleting the old one, the new one in place
    (tmp_path / "site.alt" / "index.html").unlink()
    site_swap.main(["--recover", str(tmp_path / "site")])
    assert _version(tmp_path / "site") == "alt" and not (tmp_path / "site.alt").exists()
