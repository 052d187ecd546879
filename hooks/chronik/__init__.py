"""Chronik: turns a chronicle kept as YAML files into pages, independent of any site engine.

yaml_source -> validate (fields) -> model -> references -> loading -> pages
"""

__version__ = "0.1.0"  # the one place of the version (pyproject.toml reads it); see CHANGELOG.md
