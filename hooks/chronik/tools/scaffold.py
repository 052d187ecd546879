"""Write a new event or person file: named by its id, every field present and explained.

    ./dev new event "Treffen im Präsidentenpalast" --date 2025-12-22 --person ana-perez

writes events/2025-12-22-treffen-im-praesidentenpalast.yaml. What the command knows is filled in;
`summary` and the first source (for a person: `description`) are left empty, so that
`./dev check` points at them until they are written; optional fields stand there commented
out. Their examples either cannot be wrong (`end` = `date`) or fail `check` until replaced
(`place: ""`, `people: [KENNUNG]`): uncommenting one never publishes an invented fact.
The file starts with the schema line for editors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from ..chronicle import countries as country_codes
from ..chronicle.dates import DateError, PartialDate, parse_partial_date
from ..chronicle.fields import EVENT_FIELDS, ID_PATTERN, LOCATION_PLACEHOLDERS, MAX_TEXT, PERSON_FIELDS, RESERVED_IDS, STATUSES, Field
from ..sources.loading import EVENTS_DIR, PEOPLE_DIR
from ..chronicle.model import Settings, default_sort_name
from ..chronicle.vocabulary import STATUS_LABELS
from ..sources.problems import CommandError
from .schema import schema_line
from ..chronicle.slugs import slug
from ..sources.validate import validate_document
from ..sources.yaml_source import read_document

# The fields a new file leaves empty on purpose: `check` reports them until they are filled in.
PLACEHOLDERS = {
    EVENTS_DIR: (("summary",), ("sources", 0, "publisher"), ("sources", 0, "title")),
    PEOPLE_DIR: (("description",),),
}
_ID = re.compile(ID_PATTERN)
_SAFE_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ScaffoldError(CommandError):
    """Why no file was written."""


@dataclass(frozen=True)
class NewFile:
    path: str  # relative to the project root, e.g. events/2026-01-06-x.yaml
    text: str


def new_event(root: Path, settings: Settings, title: str, date: str, people: list[str], countries: list[str],
              today: dt.date, file_id: str | None = None) -> NewFile:
    """The file for a new event; raises ScaffoldError when the input cannot make a valid one."""
    try:
        when = parse_partial_date(date)
    except DateError as error:
        raise ScaffoldError(f"--date: {error}", "Schreibe das Datum als JJJJ-MM-TT, JJJJ-MM oder JJJJ.") from None
    file_id = _file_id(file_id, f"{when.iso()}-{slug(title)}" if slug(title) else None, "dem Titel")
    existing = {path.stem: path for path in sorted((root / EVENTS_DIR).glob("**/*.yaml"))}
    if file_id in existing:
        raise _exists(root, existing[file_id])
    known_people = _ids(root / PEOPLE_DIR)
    for person_id in people:
        if person_id not in known_people:
            raise ScaffoldError(f"Unbekannte Person `{person_id}`", _person_hint(person_id, known_people))
    codes = list(dict.fromkeys(_country(code) for code in countries)) or [settings.country]
    status = "planned" if when.first > today else "happened"
    relative = f"{EVENTS_DIR}/{file_id}.yaml"
    context = _EventContext(title.strip(), when, status, codes, list(dict.fromkeys(people)), settings, today)
    text = _assemble(relative, "Ereignis", EVENT_FIELDS, _EVENT_BLOCKS, context, _event_intro(relative))
    return NewFile(relative, _checked(relative, text, EVENT_FIELDS))


def new_person(root: Path, name: str, countries: list[str], file_id: str | None = None) -> NewFile:
    file_id = _file_id(file_id, slug(name) or None, "dem Namen")
    path = root / PEOPLE_DIR / f"{file_id}.yaml"
    if path.exists():
        raise _exists(root, path)
    relative = f"{PEOPLE_DIR}/{file_id}.yaml"
    context = _PersonContext(name.strip(), list(dict.fromkeys(_country(code) for code in countries)))
    text = _assemble(relative, "Person", PERSON_FIELDS, _PERSON_BLOCKS, context, _person_intro(relative))
    return NewFile(relative, _checked(relative, text, PERSON_FIELDS))


def write(root: Path, new: NewFile) -> Path:
    """Write the file; never over an existing one."""
    path = root / new.path
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as stream:
            stream.write(new.text)
    except FileExistsError:
        raise _exists(root, path) from None
    return path


# Checks of the input -------------------------------------------------------------------------

def _file_id(given: str | None, derived: str | None, source: str) -> str:
    file_id = given if given is not None else derived
    if file_id is None:
        raise ScaffoldError(f"Aus {source} lässt sich keine Kennung bilden",
                            "Gib mit --id eine an, z. B. --id 2026-01-06-treffen-in-lima.")
    if not _ID.match(file_id) or file_id != file_id.strip():
        raise ScaffoldError(f"`{file_id}` ist keine gültige Kennung",
                            "Erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche, z. B. `2026-01-06-treffen`.")
    if file_id in RESERVED_IDS:
        raise ScaffoldError(f"`{file_id}` ist als Kennung reserviert", "Gib mit --id eine andere an.")
    return file_id


def _exists(root: Path, path: Path) -> ScaffoldError:
    relative = path.relative_to(root).as_posix()
    return ScaffoldError(f"Die Datei {relative} gibt es schon; sie bleibt, wie sie ist",
                         "Ändere sie direkt, oder gib mit --id eine andere Kennung an.")


def _ids(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.yaml"))


def _person_hint(wanted: str, known: list[str]) -> str:
    close = [person_id for person_id in known if wanted and wanted in person_id]
    close = close or difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    create = 'Lege sie an mit ./dev new person "Vorname Nachname".'
    return f"Meintest du `{close[0]}`? Sonst: {create}" if close else create


def _country(code: str) -> str:
    if country_codes.is_country_code(code):
        return code
    if country_codes.is_country_code(code.upper()):
        return code.upper()
    suggestion = country_codes.suggest(code)
    raise ScaffoldError(f"`{code}` ist kein Ländercode nach ISO 3166-1",
                        f"Meintest du `{suggestion}`?" if suggestion else
                        "Nutze den zweistelligen Code nach ISO 3166-1, z. B. AR, PE, US.")


def _checked(relative: str, text: str, spec: dict[str, Field]) -> str:
    """The checker's own verdict on the new file: only the deliberate gaps may be open."""
    document, problems = read_document(relative, text.encode("utf-8"))
    if document is None:  # pragma: no cover - the template is valid YAML by construction
        raise ScaffoldError(problems[0].message, problems[0].hint)
    gaps = {document.line(path) for path in PLACEHOLDERS[relative.split("/")[0]]}
    wrong = [problem for problem in validate_document(document, spec)[0] if problem.line not in gaps]
    if wrong:
        raise ScaffoldError(wrong[0].message, wrong[0].hint)
    return text


# The text of a new file ----------------------------------------------------------------------

@dataclass(frozen=True)
class _EventContext:
    title: str
    date: PartialDate
    status: str
    countries: list[str]
    people: list[str]
    settings: Settings
    today: dt.date


@dataclass(frozen=True)
class _PersonContext:
    name: str
    countries: list[str]


def _assemble(relative: str, kind: str, spec: dict[str, Field], blocks: dict[str, Callable], context,
              intro: list[str]) -> str:
    lines = [schema_line(relative), f"# {kind} der Chronik; Format: siehe docs/mitmachen.md", *intro]
    for key, field in spec.items():
        block = blocks[key](context)  # a field without a block here fails the tests, on purpose
        lines += ["", f"# ({'Pflicht' if field.required else 'optional'}) {block[0]}", *block[1:]]
    return "\n".join(lines) + "\n"


def _event_intro(relative: str) -> list[str]:
    return ["#",
            "# Angelegt mit `./dev new event`. So geht es weiter:",
            "#   1. Schreib unter `summary` in ganzen Sätzen, was geschah.",
            "#   2. Trag unter `sources` mindestens eine Quelle ein: Verlag und Titel, die Adresse,",
            "#      wenn es eine gibt.",
            "#   3. Zeilen mit `#` davor sind Kommentare. Ein optionales Feld nutzt du, indem du `# ` vor ihm",
            "#      löschst; sonst lass die Zeilen stehen oder lösche sie.",
            f"#   4. Prüfen: ./dev check {relative}",
            "# Felder mit (Pflicht) müssen ausgefüllt sein, Felder mit (optional) darfst du weglassen."]


def _person_intro(relative: str) -> list[str]:
    return ["#",
            "# Angelegt mit `./dev new person`. Ergänze `description` und was du sonst aus einer Quelle weißt,",
            f"# dann prüfe: ./dev check {relative}",
            "# Felder mit (Pflicht) müssen ausgefüllt sein, Felder mit (optional) darfst du weglassen."]


def _scalar(value: str, in_list: bool = False) -> str:
    """A text as YAML that reads back as exactly this text: plain where that is safe, else in quotes."""
    written, expected = (f"k: [{value}]\n", {"k": [value]}) if in_list else (f"k: {value}\n", {"k": value})
    try:
        plain = bool(value) and "#" not in value and yaml.load(written, Loader=_SAFE_YAML) == expected
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted ones


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_scalar(value, in_list=True) for value in values) + "]"


def _status_lines(context: _EventContext) -> list[str]:
    width = max(len(status) for status in STATUSES)
    labels = [f"#   {status.ljust(width)} = {STATUS_LABELS[status]}" for status in STATUSES]
    why = ("Das Datum liegt in der Zukunft, darum steht hier planned." if context.status == "planned"
           else "Ist es nur angekündigt, schreib planned; ist es nur im Gespräch, tentative.")
    return ["Einer dieser Werte; fehlt die Zeile, gilt happened:", *labels, f"# {why}", f"status: {context.status}"]


def _topics_lines(context: _EventContext) -> list[str]:
    topics = list(context.settings.topics)
    allowed = textwrap.wrap("Erlaubt sind: " + ", ".join(topics) + ".", width=96)
    return ["Themen: Kennungen aus der Themenliste.", *(f"# {line}" for line in allowed), "# topics: [THEMA]"]


def _people_lines(context: _EventContext) -> list[str]:
    """Present people, one a line; the qualified form as a commented example that stays invalid until edited."""
    head = ["Beteiligte Personen, die dabei waren: Kennungen aus people/ (Dateiname ohne .yaml), je Person",
            '# eine Zeile `- kennung`. Fehlt eine Person, lege sie an: ./dev new person "Vorname Nachname"']
    example = ["# Mit einem Zusatz neben dem Namen („möglicherweise“, „per Video“) zwei Felder:",
               "# - id: KENNUNG", "#   note: möglicherweise"]
    if context.people:
        return [*head, "people:", *(f"  - {_scalar(pid, in_list=True)}" for pid in context.people),
                *(f"  {line}" for line in example)]
    return [*head, "# people:", f"#   {example[0]}", "#   - id: KENNUNG", "#     note: möglicherweise"]


def _example_person(context: _EventContext) -> str:
    return context.people[0] if context.people else "KENNUNG"


_EVENT_BLOCKS: dict[str, Callable[[_EventContext], list[str]]] = {
    "title": lambda c: [f"Überschrift: eine Zeile, reiner Text, höchstens {MAX_TEXT} Zeichen.",
                        f"title: {_scalar(c.title)}"],
    "date": lambda c: ["Datum: JJJJ-MM-TT, JJJJ-MM (nur Monat bekannt) oder JJJJ (nur Jahr bekannt).",
                       "# Schreib nur so genau, wie die Quelle es sagt.", f"date: {c.date.iso()}"],
    "end": lambda c: ["Letzter Tag bei mehrtägigen Ereignissen; dieselben Formen wie bei date, nicht vor date.",
                      f"# end: {c.date.iso()}"],
    "time": lambda c: ["Uhrzeit, nur bei einem Datum mit Tag: \"HH:MM\" (24 Stunden, Ortszeit, in Anführungszeichen)",
                       "# oder ein Tagesteil: morning, midday, afternoon, evening, night (morgens … nachts).",
                       "# Ereignisse eines Tages stehen nach der Uhrzeit geordnet, solche ohne Uhrzeit danach.",
                       '# time: "HH:MM"'],
    "approximate": lambda c: ["true, wenn die Daten nur ungefähr bekannt sind („Anfang Januar“);",
                              "# fehlt die Zeile, gilt false. Nur true oder false.", "# approximate: true"],
    "status": _status_lines,
    "place": lambda c: ["Ort, freier Text, eine Zeile, zuerst die Stadt: z. B. Lima, Palacio de Gobierno.", '# place: ""'],
    "location": lambda c: ["Nur falls die Karten den Ort nicht finden; die Felder erklärt docs/mitmachen.md.", "# location:",
                           *(f"#   {key}: {value}" for key, value in LOCATION_PLACEHOLDERS.items())],
    "countries": lambda c: ["Beteiligte Länder, mindestens eines: Codes nach ISO 3166-1 in Großbuchstaben,",
                            '# z. B. [AR, PE]. Norwegen: "NO" in Anführungszeichen.',
                            f"countries: {_flow(c.countries)}"],
    "people": _people_lines,
    "mentioned": lambda c: ["Personen, die nur erwähnt werden oder über die gesprochen wird, ohne dabei zu sein:",
                            "# Kennungen aus people/; niemand steht zugleich unter people.",
                            "# mentioned: [KENNUNG]"],
    "topics": _topics_lines,
    "part_of": lambda c: ["Kennung eines anderen Ereignisses, zu dem dieses gehört, z. B. einer Reise.",
                          "# part_of: KENNUNG-DES-EREIGNISSES"],
    "summary": lambda c: ["Was geschah, in ganzen Sätzen. Markdown ist erlaubt (**fett**, [Linktext](https://…)),",
                          "# HTML und Bilder nicht. Schreib den Text in die Zeilen unter `summary: |`, jede um zwei",
                          "# Leerzeichen eingerückt. Beschreiben, nicht bewerten.",
                          "summary: |"],
    "teaser": lambda c: ["Eigener Anreißer für Zeitleiste und Listen: ein Satz, reiner Text, bis 160 Zeichen, nur",
                         "# Tatsachen aus summary. Fehlt er, steht dort der erste Satz von summary.", '# teaser: ""'],
    "quotes": lambda c: ["Wörtliche Zitate, kurz, je Zitat zwei bis fünf Felder:",
                         "# quotes:",
                         "#   # by (Pflicht): Kennung der Person, die spricht; sie muss auch unter people stehen.",
                         f"#   - by: {_example_person(c)}",
                         "#     # text (Pflicht): das Zitat auf Deutsch, eine Zeile, ohne „…“.",
                         '#     text: ""',
                         "#     # original (optional): ist text deine Übersetzung, hier der Wortlaut wie in der Quelle.",
                         '#     original: ""',
                         "#     # language (Pflicht mit original): Sprache des Originals, z. B. es, en, pt.",
                         "#     language: es",
                         "#     # source (Pflicht mit original): Nummer der Quelle unter sources, die es wiedergibt.",
                         "#     source: 1"],
    "figures": lambda c: ["Zahlen aus den Quellen, je Zahl drei Felder. Nennen Quellen verschiedene Werte, trag",
                          "# jeden mit seiner Quelle ein; die Seite zeigt dann, dass die Quellen abweichen.",
                          "# figures:",
                          "#   # label (Pflicht): was die Zahl angibt, eine Zeile.",
                          '#   - label: ""',
                          '#     # value (Pflicht): der Wert wie in der Quelle, z. B. "58,2 %".',
                          '#     value: ""',
                          "#     # source (Pflicht): Nummer der Quelle unter sources, von 1 an gezählt.",
                          "#     source: 1"],
    "sources": lambda c: ["Mindestens eine Quelle, je Quelle bis zu fünf Felder. Nichts erfinden, Adressen nie raten.",
                          "sources:",
                          "  # publisher (Pflicht): wer die Quelle veröffentlicht hat, eine Zeile.",
                          "  - publisher:",
                          "    # title (Pflicht): Titel des Artikels, Interviews oder Dokuments, eine Zeile.",
                          "    title:",
                          "    # date (optional): Tag der Veröffentlichung, JJJJ-MM-TT (oder JJJJ-MM, JJJJ).",
                          f"    # date: {c.date.iso()}",
                          "    # url (optional): Adresse der Quelle, beginnend mit https:// oder http://.",
                          "    # url: https://",
                          "    # archive_url (optional): Adresse einer archivierten Kopie, z. B. bei web.archive.org.",
                          "    # archive_url: https://"],
    "corrections": lambda c: ["Korrekturen, die Leser auf der Seite sehen, je Korrektur zwei Felder;",
                              "# nur, wenn du eine Angabe berichtigst:",
                              "# corrections:",
                              "#   # date (Pflicht): Tag der Korrektur, JJJJ-MM-TT.",
                              f"#   - date: {c.today.isoformat()}",
                              "#     # text (Pflicht): was korrigiert wurde, z. B. „Ort ergänzt.“;",
                              "#     # Markdown wie bei summary.",
                              '#     text: ""'],
}

_PERSON_BLOCKS: dict[str, Callable[[_PersonContext], list[str]]] = {
    "name": lambda c: ["Name, wie er im Herkunftsland geschrieben wird; eine Zeile.", f"name: {_scalar(c.name)}"],
    "sort_name": lambda c: [f"Sortierform „Nachname, Vorname“. Fehlt sie, gilt „{default_sort_name(c.name)}“.",
                            "# Wichtig bei zwei Nachnamen: „Eduardo Frei Ruiz-Tagle“ braucht",
                            "# „Frei Ruiz-Tagle, Eduardo“.",
                            f"# sort_name: {default_sort_name(c.name)}"],
    "aliases": lambda c: ["Andere Schreibweisen und vollständige Namen, als Liste.", '# aliases: [""]'],
    "description": lambda c: ["Wer die Person ist, eine Zeile, z. B. „Außenministerin Perus“.", "description:"],
    "countries": lambda c: ["Länder der Person als Codes nach ISO 3166-1, z. B. [AR].",
                            f"countries: {_flow(c.countries)}" if c.countries else "# countries: [LAND]"],
    "roles": lambda c: ["Ämter mit Daten, je Amt bis zu vier Felder:",
                        "# roles:",
                        "#   # title (Pflicht): Amt oder Funktion, eine Zeile.",
                        '#   - title: ""',
                        "#     # from (Pflicht): Beginn, JJJJ-MM-TT, JJJJ-MM oder JJJJ.",
                        "#     from: JJJJ-MM-TT",
                        "#     # to (optional): Ende, gleiche Formen; lass die Zeile weg, solange das Amt andauert.",
                        "#     to: JJJJ-MM-TT",
                        "#     # source (optional): Beleg, die Kennung eines Ereignisses, dessen Quellen das Amt",
                        "#     # nennen, oder eine Adresse; nötig, wenn das Amt in der Zeit der Chronik beginnt oder endet.",
                        "#     source: KENNUNG-DES-EREIGNISSES"],
    "wikidata": lambda c: ["Wikidata-Kennung: Q und Ziffern, wie in der Adresse der Wikidata-Seite.",
                           "# Prüfe sie auf wikidata.org, bevor du sie einträgst.",
                           "# wikidata: Q"],
}
