"""Shared test set-up: project paths, fixture chronicles and the --update-goldens switch."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, serve

from chronik.pages.fragments import build_fragments
from chronik.chronicle.index import ChronicleIndex, index_chronicle
from chronik.sources.loading import LoadResult, load_chronicle
from chronik.chronicle.model import Chronicle
from chronik.pages.pages import build_pages
from chronik.pages.views import Page, Views
from chronik.sources.settings import read_config, settings_from_config

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHRONICLES = FIXTURES / "chronicles"
# The chronicle as the seed article of 22 December 2025 told it (11 events), frozen for tests of tools
# whose output names files and fields: the live chronicle in events/ keeps growing.
SEED_CHRONICLE = FIXTURES / "seed-chronicle"
# Fixture chronicles are read as if on this day, so "planned" and "overdue" never drift.
FIXTURE_TODAY = dt.date(2026, 1, 15)
# The shipped chronicle is read as on the day its reports were last checked: every event lies before it.
SHIPPED_TODAY = dt.date(2026, 12, 5)


def generated_pages(chronicle: Chronicle | ChronicleIndex) -> list[Page]:
    """The pages of a chronicle, as `build_site` makes them, without needing `site_url`."""
    index = chronicle if isinstance(chronicle, ChronicleIndex) else index_chronicle(chronicle)
    return build_pages(Views(index))


def generated_fragments(chronicle: Chronicle) -> dict[str, str]:
    return build_fragments(Views(index_chronicle(chronicle)))


def pytest_configure(config: pytest.Config) -> None:
    """Every temporary file of the run, of this process and of what it starts, goes to one fresh folder
    (pytest's own tmp_path folders too); `_no_temporary_leftovers` checks it, the run removes it."""
    if not hasattr(config, "workerinput"):  # once, in the controlling process
        os.environ["TMPDIR"] = tempfile.tempdir = tempfile.mkdtemp(prefix="chronik-tests-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and Path(tempfile.gettempdir()).name.startswith("chronik-tests-"):
        shutil.rmtree(tempfile.gettempdir(), ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _no_temporary_leftovers() -> Iterator[None]:
    """A test run leaves nothing in the temp folder but pytest's own (serve's copies of the site, Pagefind's
    output, processes' files)."""
    yield
    assert temporary_leftovers(Path(tempfile.gettempdir())) == []


# What stays in the temp folder on purpose: pytest's tmp_path folders, Jinja's cache of compiled templates
# (one per user, reused by every process: chronik.pages.templating).
KEPT_IN_TEMP = ("pytest-of-", "_jinja2-cache-")


def temporary_leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith(KEPT_IN_TEMP))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite the expected output of the fixture chronicles from the current code")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def fixture_root(case: Path) -> Path:
    """A case's own mkdocs.yml wins; otherwise the shared fixture settings apply."""
    return case if (case / "mkdocs.yml").exists() else CHRONICLES


def load_case(case: Path, today: dt.date | None = None) -> LoadResult:
    settings = settings_from_config(read_config(fixture_root(case)))
    return load_chronicle(case, settings, today or (SHIPPED_TODAY if case == PROJECT else FIXTURE_TODAY))


# The shipped project, built for real -------------------------------------------------

PROJECT_PARTS = ("mkdocs.yml", "docs", "events", "people", "hooks")
# A fixed day, so that "overdue" notes do not depend on when the tests run.
SOURCE_DATE_EPOCH = "1795000000"  # 2026-11-18
SITE_PATH = "/chronik/"  # the path of site_url in mkdocs.yml


@pytest.fixture(scope="session")
def shipped_chronicle() -> Chronicle:
    """The chronicle in events/ and people/, read once for the tests that compare pages with it."""
    return load_case(PROJECT).chronicle


def write_past_plans(project: Path, count: int) -> None:
    """`count` plans whose day has passed and that no newer source confirms, in `project`'s events/."""
    for number in range(1, count + 1):
        (project / "events" / f"2026-01-0{number}-plan.yaml").write_text(
            f"title: Plan {number}\ndate: 2026-01-0{number}\nstatus: planned\ncountries: [CL]\nsummary: x\n"
            "sources:\n  - publisher: P\n    title: T\n    date: 2025-12-20\n", encoding="utf-8")


def copy_project(target: Path) -> Path:
    """The parts of the project a build reads, copied, so tests can change them freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    return target


# Pagefind writes its filter and metadata indexes in arbitrary order, under names hashed from
# their content (Pagefind/pagefind#638: only fragments are stable). Everything else must match,
# pagefind-entry.json too, apart from the name of the metadata index it points at.
UNSTABLE_SEARCH_FILES = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta)$")
SEARCH_ENTRY = "pagefind/pagefind-entry.json"


def comparable_site(folder: Path) -> dict[str, bytes]:
    """Every file of a built site by path, the search files whose names vary made comparable."""
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    unstable = sorted(name for name in files if UNSTABLE_SEARCH_FILES.match(name))
    comparable = {name: content for name, content in files.items() if name not in unstable}
    entry = json.loads(comparable[SEARCH_ENTRY])
    for language in entry["languages"].values():
        language["hash"] = "<name of the metadata index>"
    comparable[SEARCH_ENTRY] = json.dumps(entry, sort_keys=True).encode()
    # The unstable files are left out by name, but their number must not change.
    comparable["<unstable search files>"] = ",".join(re.sub(r"_[0-9a-f]+\.", "_*.", name)
                                                     for name in unstable).encode()
    return comparable


def mkdocs_build(project: Path, site: Path, pythonpath: Path | None = None,
                 python: str = sys.executable) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project; `pythonpath` where a chronicle without hooks/chronik finds the
    package, `python` another environment's interpreter (its own packages only: no PYTHONPATH)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([python, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped chronicle, built once per test run with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


# A real browser on the built site -----------------------------------------------------

@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site, SITE_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:")) else None)
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
    assert outside == [], f"requests to third parties: {outside}"
