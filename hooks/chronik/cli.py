"""Command line: check the data, or write the generated pages to a folder.

    python -m chronik check [DATEI ...]
    python -m chronik pages ZIELORDNER
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from .loading import load_chronicle
from .pages import build_fragments, build_pages, expand_markers, write_pages
from .problems import count_summary
from .settings import SettingsError, build_date, read_config, settings_from_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronik", description="Werkzeuge für die Daten der Chronik.")
    parser.add_argument("--root", type=Path, default=Path("."), help="Projektordner (mit mkdocs.yml); Standard: hier")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="Prüft alle Daten oder die genannten Dateien.")
    check.add_argument("paths", nargs="*", type=Path, help="Dateien in events/ oder people/ (Standard: alle)")
    pages = commands.add_parser("pages", help="Schreibt alle Seiten als Markdown in einen Ordner.")
    pages.add_argument("target", type=Path, help="Zielordner; wird geleert")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        settings = settings_from_config(read_config(root))
    except SettingsError as error:
        _print_problems(error.problems)
        return 1
    only = None
    if args.command == "check" and args.paths:
        only = {_relative(root, path) for path in args.paths}
    result = load_chronicle(root, settings, build_date(), only=only)
    _print_problems(result.problems)
    if result.chronicle is None:
        print(f"{count_summary(result.problems)}.", file=sys.stderr)
        return 1
    if args.command == "check":
        events, people = len(result.chronicle.events), len(result.chronicle.people)
        print(f"Alles in Ordnung: {events} {'Ereignis' if events == 1 else 'Ereignisse'}, "
              f"{people} {'Person' if people == 1 else 'Personen'} geprüft.", file=sys.stderr)
        return 0
    if args.target.exists():
        shutil.rmtree(args.target)
    generated = build_pages(result.chronicle)
    fragments = build_fragments(result.chronicle)
    docs = root / "docs"
    for source in sorted(docs.rglob("*")):
        if source.is_file():
            target = args.target / source.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".md":
                page = source.relative_to(docs).as_posix()
                target.write_text(expand_markers(source.read_text(encoding="utf-8"), fragments, page), encoding="utf-8")
            else:
                shutil.copyfile(source, target)
    written = write_pages(generated, args.target)
    print(f"{len(written)} Seiten nach {args.target} geschrieben.", file=sys.stderr)
    return 0


def _print_problems(problems) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.format(), file=sys.stderr)
        if github:
            print(problem.format_github())


def _relative(root: Path, path: Path) -> str:
    absolute = path.resolve() if not path.is_absolute() else path
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
