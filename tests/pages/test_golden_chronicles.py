"""Golden fixture chronicles: input files -> the exact pages, or the exact problems.

Each folder in tests/fixtures/chronicles/ holds events/ and people/ and an expected/
folder: problems.txt (every message, word for word, as the checker prints it) and, when
the data is valid, pages/ (every generated page) and fragments/ (the pieces for the
hand-written start page). After a deliberate change, run
`./dev test tests/pages/test_golden_chronicles.py --update-goldens` and review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronik.pages.views import Page, write_pages
from conftest import CHRONICLES, generated_fragments, generated_pages, load_case

CASES = sorted(path for path in CHRONICLES.iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_chronicle_matches_golden(case: Path, update_goldens: bool, tmp_path: Path) -> None:
    result = load_case(case)
    problems = "".join(problem.format() + "\n" for problem in result.problems)
    expected = case / "expected"
    if result.chronicle is not None:
        write_pages(generated_pages(result.chronicle), tmp_path / "pages")
        fragments = generated_fragments(result.chronicle)
        write_pages([Page(f"{name}.md", text) for name, text in fragments.items()], tmp_path / "fragments")
    if update_goldens:
        shutil.rmtree(expected, ignore_errors=True)
        expected.mkdir()
        (expected / "problems.txt").write_text(problems, encoding="utf-8")
        if result.chronicle is not None:
            shutil.copytree(tmp_path / "pages", expected / "pages")
            shutil.copytree(tmp_path / "fragments", expected / "fragments")
        return
    assert problems == (expected / "problems.txt").read_text(encoding="utf-8")
    if result.chronicle is None:
        assert not (expected / "pages").exists(), "the golden has pages, but the data now has errors"
        return
    assert _tree(tmp_path / "pages") == _tree(expected / "pages")
    assert _tree(tmp_path / "fragments") == _tree(expected / "fragments")


def _tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}
