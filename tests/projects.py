"""Whole projects in temporary folders: the real site set-up with other data in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import CHRONICLES, copy_project, fixture_root


def fixture_project(case: Path, target: Path) -> Path:
    """The shipped project, but with the events, people and chronicle settings of a fixture case."""
    project = copy_project(target)
    for folder in ("events", "people"):
        shutil.rmtree(project / folder)
        shutil.copytree(case / folder, project / folder)
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    settings = yaml.safe_load((fixture_root(case) / "mkdocs.yml").read_text(encoding="utf-8"))
    # The shipped docs link to the shipped repository; fixtures keep it unless they name their own.
    config["extra"]["chronicle"] = {"repository": config["extra"]["chronicle"]["repository"]} | settings["extra"]["chronicle"]
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


__all__ = ["CHRONICLES", "fixture_project"]
