"""Shared test set-up: project paths, fixture chronicles and the --update-goldens switch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronik.loading import LoadResult, load_chronicle
from chronik.settings import read_config, settings_from_config

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHRONICLES = FIXTURES / "chronicles"
# Fixture chronicles are read as if on this day, so "planned" and "overdue" never drift.
FIXTURE_TODAY = dt.date(2026, 1, 15)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite the expected output of the fixture chronicles from the current code")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def fixture_root(case: Path) -> Path:
    """A case's own mkdocs.yml wins; otherwise the shared fixture settings apply."""
    return case if (case / "mkdocs.yml").exists() else CHRONICLES


def load_case(case: Path, today: dt.date = FIXTURE_TODAY) -> LoadResult:
    settings = settings_from_config(read_config(fixture_root(case)))
    return load_chronicle(case, settings, today)
