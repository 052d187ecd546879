"""The pipeline's promises: one index and one page builder per build, one direction of imports,
one slug function, one home for the stale-plan rule."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build_in_process
from mkdocs.config import load_config

from chronik.chronicle import index as index_module
from chronik.pages import pages as pages_module
from chronik.sources.loading import load_chronicle
from chronik.tools.scaffold import new_event, new_person
from chronik.sources.settings import read_config, settings_from_config
from chronik.publish.site import build_site
from conftest import CHRONICLES, PROJECT, SOURCE_DATE_EPOCH, copy_project, load_case

CORE = PROJECT / "hooks" / "chronik"
# The pipeline's stages in their order (README "Aufbau"): a module imports from its own stage and earlier ones.
STAGES = ("chronicle", "sources", "pages", "publish", "parallel", "tools", "mkdocs")
# Modules that publish or help contributors: none of them may lean on the page builder.
EXPORTERS_AND_TOOLS = ("feeds", "ical", "open_data", "structured_data", "site_files", "chart", "schema",
                       "scaffold", "change_summary", "cli", "published", "vocabulary", "index")
PAGE_BUILDER = {"pages", "views", "listings", "timeline", "fragments"}


def _imports(module: str) -> set[str]:
    """The package's modules that `module` imports, by their names (whatever stage they are in)."""
    [path] = [path for path in CORE.rglob(f"{module}.py") if "starter" not in path.parts]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level >= 1]
    return ({node.module.split(".")[-1] for node in relative if node.module and node.module not in STAGES}
            | {alias.name for node in relative if not node.module or node.module in STAGES for alias in node.names})


def _count_constructions(monkeypatch: pytest.MonkeyPatch, cls: type) -> list[int]:
    calls = [0]
    original = cls.__init__

    def counting(self, *args, **kwargs):
        calls[0] += 1
        original(self, *args, **kwargs)
    monkeypatch.setattr(cls, "__init__", counting)
    return calls


def test_a_real_build_makes_one_index_and_runs_the_page_builder_once(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    indexes = _count_constructions(monkeypatch, index_module.ChronicleIndex)
    builders = _count_constructions(monkeypatch, pages_module._PageBuilder)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    try:
        mkdocs_build_in_process(config)
    finally:
        config.plugins.on_shutdown()
    assert (tmp_path / "site" / "zeitleiste" / "index.html").exists()
    assert (indexes[0], builders[0]) == (1, 1)


def test_build_site_makes_pages_files_and_fragments_from_one_index(monkeypatch: pytest.MonkeyPatch) -> None:
    project_settings = settings_from_config(read_config(PROJECT))
    chronicle = load_chronicle(PROJECT, project_settings, dt.date(2026, 11, 18)).chronicle
    indexes = _count_constructions(monkeypatch, index_module.ChronicleIndex)
    site = build_site(chronicle)
    assert indexes[0] == 1
    assert site.pages and site.files and {"neueste", "geplant", "verlauf"} <= set(site.fragments)
    listings = {plan.path for plan in site.plan.page_plans if plan.listing}
    assert listings == {page.path for page in site.pages if page.listing}
    assert "zeitleiste.md" in listings and "ereignisse/2025-12-14-kast-gewinnt-stichwahl.md" not in listings


@pytest.mark.parametrize("module", EXPORTERS_AND_TOOLS)
def test_exporters_and_contributor_tools_do_not_import_the_page_builder(module: str) -> None:
    assert not (_imports(module) & PAGE_BUILDER), f"{module}.py imports {_imports(module) & PAGE_BUILDER}"


def test_only_the_mkdocs_adapter_imports_mkdocs() -> None:
    importers = sorted(path.relative_to(PROJECT).as_posix() for path in (PROJECT / "hooks").rglob("*.py")
                       if any(isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                           (name or "").split(".")[0] == "mkdocs" for name in
                           ([node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]))
                           for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    assert importers == ["hooks/chronik/mkdocs/adapter.py", "hooks/chronik/mkdocs/footer.py",
                         "hooks/chronik/mkdocs/package_theme.py",
                         "hooks/chronik/mkdocs/shared_pages.py"]


def _later_imports(package: Path) -> list[str]:
    """Every import of a module from a later stage than its own."""
    later = []
    for stage in STAGES:
        for path in sorted((package / stage).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.level == 2 and node.module:
                    imported = node.module.split(".")[0]
                    if STAGES.index(imported) > STAGES.index(stage):
                        later.append(f"{stage}/{path.name} imports {node.module}")
    return later


def test_the_folders_are_the_stages_and_no_module_imports_from_a_later_stage() -> None:
    folders = sorted(path.name for path in CORE.iterdir() if (path / "__init__.py").is_file())
    assert folders == sorted(STAGES)
    assert sorted(path.name for path in CORE.glob("*.py")) == ["__init__.py", "__main__.py"]
    assert _later_imports(CORE) == []


def test_the_layout_check_finds_a_step_to_a_later_stage(tmp_path: Path) -> None:
    for stage in STAGES:
        (tmp_path / stage).mkdir()
    (tmp_path / "chronicle" / "index.py").write_text("from ..sources.problems import Problem\n"
                                                     "from ..pages.chart import overview_html\n", encoding="utf-8")
    (tmp_path / "tools" / "cli.py").write_text("from ..publish.site import build_site\n", encoding="utf-8")
    assert _later_imports(tmp_path) == ["chronicle/index.py imports sources.problems",
                                        "chronicle/index.py imports pages.chart"]


def test_one_jinja_environment() -> None:
    environments = [path.name for path in CORE.rglob("*.py") if "jinja2.Environment(" in path.read_text("utf-8")]
    assert environments == ["templating.py"]


def test_the_stale_plan_rule_has_one_home() -> None:
    """The rule compares an open plan's last day with today; only vocabulary.py may say so."""
    homes = [path.name for path in CORE.rglob("*.py")
             if ".last < today" in path.read_text(encoding="utf-8") or "last < self.today" in path.read_text("utf-8")]
    assert homes == ["vocabulary.py"]
    templates = "".join(path.read_text(encoding="utf-8") for path in (CORE / "pages" / "templates").glob("*.j2"))
    assert '"planned"' not in templates and '"tentative"' not in templates


@pytest.mark.parametrize("name, expected", [
    ("Łukasz Æsir", "lukasz-aesir"),
    ("José Jerí", "jose-jeri"),
    ("Ñuñoa Bürger", "nunoa-buerger"),
    ("Øystein Straße", "oystein-strasse"),
])
def test_checker_and_scaffold_suggest_the_same_id(tmp_path: Path, name: str, expected: str) -> None:
    case = tmp_path / "case"
    for folder in ("events", "people"):
        (case / folder).mkdir(parents=True)
    (case / "people" / f"{name}.yaml").write_text("name: x\n", encoding="utf-8")
    problems = load_case(case).problems
    hints = [p.hint for p in problems if p.path == f"people/{name}.yaml"]
    assert hints == [f"Erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. `{expected}.yaml`."]
    assert new_person(case, name, []).path == f"people/{expected}.yaml"
    settings = settings_from_config(read_config(CHRONICLES))
    made = new_event(case, settings, name, "2025-12-20", [], ["PE"], dt.date(2026, 1, 1))
    assert made.path == f"events/2025-12-20-{expected}.yaml"


def test_modules_and_functions_stay_small() -> None:
    """Issue 10's limits: no module over 350 lines, no function over 60, so each part reads in one sitting."""
    long_modules, long_functions = [], []
    for path in sorted((PROJECT / "hooks").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 350:
            long_modules.append(path.name)
        long_functions += [f"{path.name}:{node.name}" for node in ast.walk(ast.parse(text))
                           if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                           and node.end_lineno - node.lineno + 1 > 60]
    assert (long_modules, long_functions) == ([], [])
