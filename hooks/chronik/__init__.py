"""Chronik: turns a chronicle kept as YAML files into pages, independent of any site engine.

yaml_source -> validate (fields) -> model -> references -> loading -> pages
"""
