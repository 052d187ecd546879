"""This chronicle's MkDocs hooks: one adapter of the chronik package, its methods handed to MkDocs.

MkDocs loads this file once per process and registers each `on_*` name in it; the adapter keeps the
state of a `mkdocs` command and of each build (chronik.mkdocs.adapter).
"""

from chronik.mkdocs.adapter import ChronicleAdapter

globals().update(ChronicleAdapter().hooks())  # on_startup, on_config, on_files, …: bound methods of one adapter
