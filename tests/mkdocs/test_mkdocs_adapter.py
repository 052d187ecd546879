"""The MkDocs adapter keeps its state on one object: a `mkdocs` command's session and one build, each
created and dropped at a named moment; the hook file hands the adapter's methods to MkDocs."""

from __future__ import annotations

import ast
import runpy
from pathlib import Path
from types import SimpleNamespace

from chronik.mkdocs.adapter import ChronicleAdapter
from conftest import PROJECT

PACKAGE = PROJECT / "hooks" / "chronik"


def test_the_hook_file_hands_every_hook_of_one_adapter_to_mkdocs() -> None:
    hooks = {name: value for name, value in runpy.run_path(str(PROJECT / "hooks" / "chronicle.py")).items()
             if name.startswith("on_")}
    assert set(hooks) == {name for name in dir(ChronicleAdapter) if name.startswith("on_")}
    assert {"on_startup", "on_config", "on_files", "on_nav", "on_post_page", "on_post_build"} <= set(hooks)
    assert len({id(method.__self__) for method in hooks.values()}) == 1  # one adapter, all bound to it


def test_no_module_of_the_package_keeps_state_in_globals() -> None:
    rebinding = [f"{path.name}:{node.lineno}" for path in sorted(PACKAGE.rglob("*.py"))
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Global)]
    assert rebinding == []


def test_a_build_lives_from_pre_build_to_post_build_and_the_session_across_builds() -> None:
    adapter = ChronicleAdapter()
    adapter.on_startup(command="serve", dirty=True)
    session = adapter.session
    assert (session.serving, session.dirty, adapter.build) == (True, True, None)
    config = SimpleNamespace(config_file_path=str(PROJECT / "mkdocs.yml"), site_dir=str(PROJECT / "nicht-da"))
    adapter.on_pre_build(config)
    first = adapter.build
    assert first is not None and first.plan is None and first.broken == []
    first.broken.append("ein Problem")
    adapter.on_post_build(config)  # broken data: no search index is written
    assert adapter.build is None
    adapter.on_pre_build(config)
    assert adapter.build is not first and adapter.build.broken == []  # a new build starts clean
    assert adapter.session is session  # the session's caches stay from build to build
    adapter.on_build_error(RuntimeError("kaputt"))
    assert adapter.build is None and adapter.session is session


def test_a_build_that_starts_while_another_is_open_stops_the_other_first() -> None:
    adapter = ChronicleAdapter()
    adapter.on_startup(command="serve", dirty=False)
    config = SimpleNamespace(config_file_path=str(PROJECT / "mkdocs.yml"))
    adapter.on_pre_build(config)
    closed = []
    adapter.build.renderer = SimpleNamespace(close=lambda: closed.append("renderer"))
    adapter.on_pre_build(config)  # a rebuild after an aborted one: what the old build started is stopped
    assert closed == ["renderer"] and adapter.build.renderer is None


def test_each_command_starts_a_new_session() -> None:
    adapter = ChronicleAdapter()
    adapter.on_startup(command="serve", dirty=True)
    serving = adapter.session
    adapter.on_startup(command="build", dirty=False)
    assert adapter.session is not serving
    assert (adapter.session.serving, adapter.session.dirty, adapter.session.files_cache) == (False, False, None)
