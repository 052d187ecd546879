"""Rendering on the second core (background.py) gives exactly what rendering in one go gives."""

from __future__ import annotations

import datetime as dt

import pytest

from chronik.background import BackgroundError, SiteRenderer
from chronik.loading import load_chronicle
from chronik.settings import read_config, settings_from_config
from chronik.site import build_site, plan_site
from chronik.views import Page, PageGroup, PagePlan
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
