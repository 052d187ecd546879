"""Command line: check the data, write pages or schemas, start a new file, summarise a change.

The console script `chronik` and `python -m chronik` run the same commands; each has a German
name beside the English one that ./dev uses (`chronik pruefen` = `chronik check`).

    python -m chronik check [DATEI ...]
    python -m chronik pages ZIELORDNER
    python -m chronik schema
    python -m chronik new event "Titel" --date 2026-01-06 [--person ID ...] [--country CC ...] [--id ID]
    python -m chronik new person "Name" [--country CC ...] [--id ID]
    python -m chronik summary [BASIS]
    python -m chronik from-issue EREIGNIS.json

The work happens in the modules; this file only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from pathlib import Path

from .. import __version__
from .change_summary import UPSTREAM, SummaryError, merge_base, summary_markdown
from .cli_german import GermanParser, german
from .from_issue import convert, read_issue
from .new_chronicle import ChronicleSetup, NewChronicleError, create_chronicle
from ..sources.loading import EVENTS_DIR, PEOPLE_DIR, load_chronicle
from ..sources.problems import CommandError, Problem, count_summary
from .scaffold import ScaffoldError, new_event, new_person, write
from .schema import SCHEMA_DIR, write_schemas
from ..sources.settings import SettingsError, build_date, read_config, settings_from_config
from ..publish.site import build_site
from ..publish.site_files import SiteFilesError
from ..chronicle.vocabulary import count_phrase


# The German name of each command, and of each kind of file `new` starts.
COMMAND_ALIASES = {"check": "pruefen", "pages": "seiten", "new": "anlegen", "summary": "zusammenfassung",
                   "from-issue": "aus-issue"}
KIND_ALIASES = {"event": "ereignis"}


def run() -> int:
    """The console script `chronik`."""
    return main(prog="chronik")


def main(argv: list[str] | None = None, prog: str = "python -m chronik") -> int:
    args = _parse(argv, prog)
    root = args.root.resolve()
    if args.command == "schema":
        return _schema(root)
    if args.command == "neu":
        return _new_chronicle(args)
    if args.command == "summary":
        return _summary(root, args.base)
    try:
        settings = settings_from_config(read_config(root))
    except SettingsError as error:
        _print_problems(error.problems)
        return 1
    if args.command == "new":
        return _new(root, settings, args)
    if args.command == "from-issue":
        return _from_issue(root, settings, args.payload)
    only = None
    if args.command == "check" and args.paths:
        wrong = [_path_problem(root, path) for path in args.paths]
        if any(wrong):
            _print_problems([problem for problem in wrong if problem])
            print(f"{count_summary([problem for problem in wrong if problem])}.", file=sys.stderr)
            return 1
        only = {_relative(root, path) for path in args.paths}
    result = load_chronicle(root, settings, build_date(), only=only)
    _print_problems(result.problems)
    if result.errors or (result.chronicle is None and only is None):
        print(f"{count_summary(result.problems)}.", file=sys.stderr)
        return 1
    if result.chronicle is None:  # the named files are sound, others are not
        print(f"Alles in Ordnung: {len(only)} {'Datei' if len(only) == 1 else 'Dateien'} geprüft. Andere Dateien "
              "der Chronik enthalten Fehler; `check` ohne Pfad zeigt sie.", file=sys.stderr)
        return 0
    if args.command == "check":
        events, people = len(result.chronicle.events), len(result.chronicle.people)
        print(f"Alles in Ordnung: {count_phrase(events, 'Ereignis')}, {count_phrase(people, 'Person')} geprüft.",
              file=sys.stderr)
        return 0
    if args.target.exists():
        shutil.rmtree(args.target)
    try:
        site = build_site(result.chronicle)
    except SiteFilesError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    docs = root / "docs"
    for source in sorted(docs.rglob("*")):
        if source.is_file():
            target = args.target / source.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".md":
                page = source.relative_to(docs).as_posix()
                target.write_text(site.expand(source.read_text(encoding="utf-8"), page), encoding="utf-8")
            else:
                shutil.copyfile(source, target)
    written = site.write_pages(args.target)
    print(f"{len(written)} Seiten nach {args.target} geschrieben.", file=sys.stderr)
    return 0


def _parse(argv: list[str] | None, prog: str) -> argparse.Namespace:
    """The arguments, each command under its English name, whichever name was typed."""
    with german():
        args = _parser(prog).parse_args(argv)
    args.command = _canonical(args.command, COMMAND_ALIASES)
    if args.command == "new":
        args.kind = _canonical(args.kind, KIND_ALIASES)
    return args


def _canonical(name: str, aliases: dict[str, str]) -> str:
    return next((english for english, german_name in aliases.items() if name == german_name), name)


def _parser(prog: str) -> GermanParser:
    parser = GermanParser(prog=prog, description="Werkzeuge für die Daten der Chronik.")
    parser.add_argument("--version", action="version", version=f"chronik {__version__}",
                        help="Version von Chronik zeigen und beenden")
    parser.add_argument("--root", type=Path, default=Path("."), metavar="ORDNER",
                        help="Projektordner (mit mkdocs.yml); Standard: hier")
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL", title="Befehle")
    check = _command(commands, "check", help="Prüft alle Daten oder die genannten Dateien.")
    check.add_argument("paths", nargs="*", type=Path, metavar="DATEI",
                       help="Dateien in events/ oder people/ (Standard: alle)")
    pages = _command(commands, "pages", help="Schreibt alle Seiten als Markdown in einen Ordner.")
    pages.add_argument("target", type=Path, metavar="ZIELORDNER", help="Zielordner; wird geleert")
    _command(commands, "schema", help=f"Schreibt die JSON-Schemas nach {SCHEMA_DIR}/ (aus chronik/chronicle/fields.py).")
    new = _command(commands, "new", help="Legt eine neue Datei an, mit jedem Feld und Erklärungen.")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="ART", title="Arten")
    event = _command(kinds, "event", help="Ein neues Ereignis in events/.")
    event.add_argument("title", metavar="TITEL", help="Überschrift, z. B. \"Treffen im Präsidentenpalast\"")
    event.add_argument("--date", metavar="DATUM", help="Datum: JJJJ-MM-TT, JJJJ-MM oder JJJJ (Pflicht)")
    event.add_argument("--person", dest="people", action="append", default=[], metavar="KENNUNG",
                       help="Beteiligte Person aus people/; mehrfach möglich")
    event.add_argument("--country", dest="countries", action="append", default=[], metavar="CODE",
                       help="Beteiligtes Land, z. B. PE; mehrfach möglich (Standard: das Land der Chronik)")
    event.add_argument("--id", dest="file_id", metavar="KENNUNG", help="Kennung statt Datum und Titel")
    person = _command(kinds, "person", help="Eine neue Person in people/.")
    person.add_argument("name", metavar="NAME", help="Name, z. B. \"Ana Pérez\"")
    person.add_argument("--country", dest="countries", action="append", default=[], metavar="CODE",
                        help="Land der Person, z. B. AR; mehrfach möglich")
    person.add_argument("--id", dest="file_id", metavar="KENNUNG", help="Kennung statt der aus dem Namen")
    summary = _command(commands, "summary", help="Fasst zusammen, was sich gegenüber einer Git-Revision "
                                                 "geändert hat (Markdown).")
    summary.add_argument("base", nargs="?", metavar="BASIS",
                         help=f"Git-Revision, z. B. main; Standard: wo der Branch von {UPSTREAM} abzweigt")
    from_issue = _command(commands, "from-issue", help="Legt aus einem Issue „Ereignis vorschlagen“ ein "
                                                       "Ereignis an und prüft es.")
    from_issue.add_argument("payload", type=Path, metavar="DATEI", help="Das Ereignis von GitHub Actions als JSON "
                                                       "($GITHUB_EVENT_PATH)")
    _new_chronicle_command(commands)
    return parser


def _new_chronicle_command(commands) -> None:
    neu = commands.add_parser("neu", help="Legt eine neue Chronik an, die sofort streng baut und die Prüfung "
                                          "besteht (wie `mkdocs new`).")
    neu.add_argument("folder", type=Path, metavar="ORDNER", help="Neuer oder leerer Ordner")
    neu.add_argument("--land", required=True, metavar="CODE", help="Land des Machtwechsels, ISO-Code, z. B. AR")
    neu.add_argument("--wahl", required=True, type=_date, metavar="DATUM", help="Tag der Wahl, JJJJ-MM-TT (Tag 1)")
    neu.add_argument("--amtsuebernahme", required=True, type=_date, metavar="DATUM",
                     help="Tag der Amtsübernahme, JJJJ-MM-TT")
    neu.add_argument("--gewaehlt", default="Vorname Nachname", metavar="NAME",
                     help="Name der gewählten Person (Beispielperson und president_elect)")
    neu.add_argument("--titel", metavar="TITEL", help="Name der Chronik; Standard: „Machtwechsel in LAND JAHR“")
    neu.add_argument("--sprache", default="de", metavar="CODE",
                     help="Sprache der Oberfläche von Material, z. B. de (die Texte der Chronik sind deutsch)")
    neu.add_argument("--repository", metavar="ADRESSE", help="Repository auf GitHub, z. B. "
                                                            "https://github.com/zeitung/chronik")
    neu.add_argument("--adresse", metavar="ADRESSE", help="Öffentliche Adresse der Website (site_url); Standard: "
                                                         "GitHub Pages des Repositorys")
    neu.add_argument("--zeitzone", metavar="ZONE", help="Zeitzone der Uhrzeiten, z. B. America/Santiago")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum der Form JJJJ-MM-TT") from None


def _new_chronicle(args: argparse.Namespace) -> int:
    setup = ChronicleSetup(country=args.land, election=args.wahl, inauguration=args.amtsuebernahme,
                           president=args.gewaehlt, title=args.titel, language=args.sprache,
                           repository=args.repository, site_url=args.adresse, timezone=args.zeitzone)
    try:
        written = create_chronicle(args.folder, setup, build_date())
    except NewChronicleError as error:
        print(error.format(), file=sys.stderr)
        return 1
    for path in written:
        print((args.folder / path).as_posix())
    print(f"Neue Chronik in {args.folder} angelegt ({len(written)} Dateien). Weiter: cd {args.folder} && "
          "./dev serve", file=sys.stderr)
    return 0


def _command(commands, name: str, **options) -> GermanParser:
    """A command (or kind of file) under its English name and, where it has one, its German name."""
    german_name = COMMAND_ALIASES.get(name) or KIND_ALIASES.get(name)
    return commands.add_parser(name, aliases=[german_name] if german_name else [], **options)


def _schema(root: Path) -> int:
    changed = write_schemas(root)
    for path in changed:
        print(f"{path.relative_to(root).as_posix()} geschrieben.", file=sys.stderr)
    if not changed:
        print(f"Die Schemas in {SCHEMA_DIR}/ sind aktuell.", file=sys.stderr)
    return 0


def _new(root: Path, settings, args) -> int:
    try:
        if args.kind == "event":
            if not args.date:
                raise ScaffoldError("--date fehlt", "Gib das Datum des Ereignisses an, z. B. --date 2026-01-06.")
            new = new_event(root, settings, args.title, args.date, args.people, args.countries, build_date(),
                            args.file_id)
            todo = "summary und sources"
        else:
            new = new_person(root, args.name, args.countries, args.file_id)
            todo = "description"
        write(root, new)
    except ScaffoldError as error:
        print(error.format(), file=sys.stderr)
        return 1
    print(new.path)
    print(f"Angelegt: {new.path} – Fülle {todo} aus, dann prüfe mit: ./dev check {new.path}", file=sys.stderr)
    return 0


def _from_issue(root: Path, settings, payload: Path) -> int:
    result = load_chronicle(root, settings, build_date())
    if result.chronicle is None:  # the data must be sound before anything is added to it
        _print_problems(result.errors)
        print(f"{count_summary(result.problems)}.", file=sys.stderr)
        return 1
    try:
        new, problems = convert(root, result.chronicle, read_issue(payload))
    except CommandError as error:
        print(error.format(), file=sys.stderr)
        return 1
    _print_problems(problems)
    if new is None:
        print(f"{count_summary(problems)}.", file=sys.stderr)
        return 1
    print(new.path)
    print(f"Angelegt: {new.path} – Prüfe Text und Quellen, bevor du den Pull Request zusammenführst.", file=sys.stderr)
    return 0


def _summary(root: Path, base: str | None) -> int:
    try:
        if base is None:
            base = merge_base(root, UPSTREAM)
            print(f"Verglichen mit {base}, dem Commit, an dem dieser Branch von {UPSTREAM} abzweigt.", file=sys.stderr)
        print(summary_markdown(root, base), end="")
    except SummaryError as error:
        print(error.format(), file=sys.stderr)
        return 1
    return 0


def _print_problems(problems) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.format(), file=sys.stderr)
        if github:
            print(problem.format_github())


def _path_problem(root: Path, path: Path) -> Problem | None:
    """`check FILE` with a FILE the chronicle does not read would report nothing: say so instead."""
    relative = _relative(root, path)
    if not (root / relative).is_file():
        return Problem(relative, None, "Die Datei gibt es nicht",
                       "Prüfe den Pfad; ohne Pfad prüft `check` alle Daten.")
    if relative.split("/")[0] not in (EVENTS_DIR, PEOPLE_DIR):
        return Problem(relative, None, f"Die Datei liegt nicht in {EVENTS_DIR}/ oder {PEOPLE_DIR}/",
                       "`check` prüft nur Ereignisse und Personen.")
    return None


def _relative(root: Path, path: Path) -> str:
    absolute = path.resolve() if not path.is_absolute() else path
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
