"""Rendering on the second core (background.py) gives exactly what rendering in one go gives."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import threading

import pytest

from chronik.parallel import background
from chronik.parallel.background import BackgroundError, Sharing, SiteRenderer
from chronik.sources.loading import load_chronicle
from chronik.sources.settings import read_config, settings_from_config
from chronik.publish.site import build_site, plan_site
from chronik.pages.views import Page, PageGroup, PagePlan
from conftest import PROJECT


@pytest.fixture(scope="module")
def chronicle():
    settings = settings_from_config(read_config(PROJECT))
    return load_chronicle(PROJECT, settings, dt.date(2026, 11, 18)).chronicle


@pytest.mark.parametrize("forked", [True, False], ids=["zweiter-prozess", "hier"])
def test_the_renderer_gives_every_page_and_file_of_a_build_in_any_order(chronicle, forked: bool) -> None:
    expected = build_site(chronicle)
    plan = plan_site(chronicle)
    assert plan.page_plans == [page.plan for page in expected.pages]
    assert plan.file_paths == [file.path for file in expected.files]
    renderer = SiteRenderer(plan, forked=forked)
    try:
        wanted = list(reversed(expected.pages))  # the engine may ask in another order than the plan's
        assert {page.path: renderer.page(page.path) for page in wanted} == {
            page.path: page.markdown for page in expected.pages}
        assert renderer.files() == {file.path: file.content for file in expected.files}
    finally:
        renderer.close()
    assert renderer.forked is forked


def test_a_failing_worker_stops_the_build_with_its_traceback(chronicle) -> None:
    plan = plan_site(chronicle)

    def broken() -> list[Page]:
        raise ZeroDivisionError("kaputt")
    plan.groups[3] = PageGroup(plan.groups[3].plans, broken)
    renderer = SiteRenderer(plan, forked=True)
    try:
        with pytest.raises(BackgroundError, match=r"(?s)konnten nicht erzeugt werden.*ZeroDivisionError: kaputt"):
            for page_plan in plan.page_plans:
                renderer.page(page_plan.path)
    finally:
        renderer.close()


def test_a_plan_that_disagrees_with_its_pages_is_a_bug_not_a_silent_change() -> None:
    group = PageGroup((PagePlan("a.md"),), lambda: [Page("b.md", "# B\n")])
    with pytest.raises(RuntimeError, match="Seitenplan und Seiten weichen ab"):
        group.render()


def _convert(path: str, markdown: str) -> bytes | None:
    """A stand-in for the engine's conversion; declines one page, fails on another."""
    if path.endswith("index.md"):
        return None
    if path.startswith("themen/"):
        raise ValueError("kaputt")
    return f"{path}|{len(markdown)}".encode()


def test_the_worker_converts_what_the_engine_has_not_claimed(chronicle) -> None:
    plan = plan_site(chronicle)
    markdown = {page.path: page.markdown for page in build_site(chronicle).pages}
    paths = [page_plan.path for page_plan in plan.page_plans]
    renderer = SiteRenderer(plan, forked=True, sharing=Sharing(paths, _convert))
    try:
        renderer.files()  # the worker is done: the engine claimed nothing, so the worker converted every page
        results = {path: renderer.converted(path) for path in paths}
    finally:
        renderer.close()
    assert results == {path: None if path.endswith("index.md") or path.startswith("themen/")
                       else f"{path}|{len(markdown[path])}".encode() for path in paths}
    assert sum(result is not None for result in results.values()) > 10


def test_engine_and_worker_meet_and_each_page_is_converted_once(chronicle) -> None:
    plan = plan_site(chronicle)
    paths = [page_plan.path for page_plan in plan.page_plans if not page_plan.path.startswith("themen/")]
    renderer = SiteRenderer(plan, forked=True, sharing=Sharing(paths, lambda path, markdown: path.encode()))
    try:
        sides = []
        for path in paths:  # the engine's order; it converts a page itself when the worker has not claimed it
            renderer.page(path)
            result = renderer.converted(path)
            assert result in (None, path.encode())
            sides.append("worker" if result else "engine")
        renderer.files()
    finally:
        renderer.close()
    # The worker works from the back: whatever it converted is one block at the end.
    assert sides == sorted(sides)


def test_without_a_second_process_the_engine_converts_every_page(chronicle) -> None:
    plan = plan_site(chronicle)
    paths = [page_plan.path for page_plan in plan.page_plans]
    renderer = SiteRenderer(plan, forked=False, sharing=Sharing(paths, _convert))
    assert [renderer.converted(path) for path in paths] == [None] * len(paths)


class _StopsAt:
    """The worker's sending end: at the first message of `kind`, the worker stops itself (SIGSTOP),
    alive and silent, with the work it claimed."""

    def __init__(self, sender, kind: str) -> None:
        self._sender, self._kind = sender, kind

    def send(self, message) -> None:
        if message[0] == self._kind:
            os.kill(os.getpid(), signal.SIGSTOP)
        self._sender.send(message)

    def close(self) -> None:
        self._sender.close()


def _within(seconds: float, work) -> object:
    """`work()`'s result; fails the test (instead of hanging it) if it takes longer than `seconds`."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"still waiting after {seconds} s"
    return result[0]


@pytest.mark.parametrize("kind", ["items", "converted"], ids=["beim-erzeugen", "beim-umwandeln"])
def test_a_worker_that_stops_answering_is_given_up_and_the_engine_does_its_work(
        chronicle, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.setattr(background, "SILENCE_LIMIT", 1.0, raising=False)
    original = background._work
    monkeypatch.setattr(background, "_work", lambda plan, groups, sender, *rest: original(
        plan, groups, _StopsAt(sender, kind), *rest))
    expected = build_site(chronicle)
    plan = plan_site(chronicle)
    paths = [page_plan.path for page_plan in plan.page_plans]
    renderer = SiteRenderer(plan, forked=True, sharing=Sharing(paths, lambda path, markdown: path.encode()))
    worker = renderer._process
    try:
        def engine() -> tuple[dict, dict, list]:
            pages = {path: renderer.page(path) for path in paths}
            converted = [renderer.converted(path) for path in paths]
            return pages, renderer.files(), converted
        pages, files, converted = _within(30, engine)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGKILL)
    assert pages == {page.path: page.markdown for page in expected.pages}
    assert files == {file.path: file.content for file in expected.files}
    assert set(converted) <= {None, *(path.encode() for path in paths)}
    assert renderer.forked is False  # from then on, everything here
    worker.join(10)
    assert not worker.is_alive()
