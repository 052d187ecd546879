"""Check one parsed file against its field definitions (shape, types, formats).

Rules that need other files (does this person exist?) live in `references`.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from ..chronicle import countries, languages
from ..chronicle.dates import DateError, PartialDate, parse_partial_date
from ..chronicle.fields import (ID_PATTERN, MAX_ITEMS, MAX_MARKDOWN, MAX_TEXT, NUMBER_RANGES, PARTS_OF_DAY, STATUSES,
                     TIME_PATTERN, URL_PATTERN, WIKIDATA_PATTERN, Field)
from .kind_words import EXPECTED_TEXT, WRONG_TYPE_HINTS
from .markdown_safety import find_offences
from .problems import Problem
from ..chronicle.text import format_count
from .yaml_source import Document, Path

_ID = re.compile(ID_PATTERN)
_WIKIDATA = re.compile(WIKIDATA_PATTERN)
_URL = re.compile(URL_PATTERN, re.IGNORECASE)
_TIME = re.compile(TIME_PATTERN)
_LOOSE_TIME = re.compile(r"^([0-9]{1,2})[:.h]([0-9]{2})(?:\s*(?:h|Uhr))?$")


def validate_document(document: Document, spec: dict[str, Field]) -> tuple[list[Problem], set[str],
                                                                         dict[Path, PartialDate]]:
    """All problems of shape, type and format in one file, the top-level keys they concern (so that
    rules across files can still check the keys that are fine), and every valid date, parsed once."""
    checker = _Checker(document)
    if not isinstance(document.data, dict):
        first_key = next(iter(spec))
        return [Problem(document.path, document.line(()), "Die Datei muss Felder der Form `name: wert` enthalten, "
                        f"hier steht aber {_describe(document.data)}",
                        f"Beginne mit `{first_key}: …` (siehe die Vorlage in docs/mitmachen.md).")], set(spec), {}
    for key, value in document.data.items():
        before = len(checker.problems)
        checker.mapping_entry(key, value, spec, ())
        if len(checker.problems) > before:
            checker.bad_keys.add(key)
    checker.missing(document.data, spec, ())
    return checker.problems, checker.bad_keys, checker.dates


class _Checker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.bad_keys: set[str] = set()
        self.dates: dict[Path, PartialDate] = {}

    def report(self, path: Path, message: str, hint: str) -> None:
        self.problems.append(Problem(self.document.path, self.document.line(path), message, hint))

    def mapping(self, data: dict[str, Any], spec: dict[str, Field], path: Path) -> None:
        for key, value in data.items():
            self.mapping_entry(key, value, spec, path)
        self.missing(data, spec, path)

    def mapping_entry(self, key: str, value: Any, spec: dict[str, Field], path: Path) -> None:
        if key not in spec:
            self.report(path + (key,), f"Unbekanntes Feld `{_name(path + (key,))}`", _unknown_key_hint(key, spec))
        elif value is None:  # `title:` with nothing after it, or `~`
            self.report(path + (key,), f"`{_name(path + (key,))}` ist leer", _empty_hint(spec[key], "einen Wert"))
        else:
            self.value(value, spec[key], path + (key,))

    def missing(self, data: dict[str, Any], spec: dict[str, Field], path: Path) -> None:
        for key, field in spec.items():
            if field.required and key not in data:
                where = f" in `{_name(path)}`" if path else ""
                self.report(path, f"Pflichtfeld `{key}` fehlt{where}",
                            f"Ergänze `{key}:` ({field.help}).")

    def companions(self, data: dict[str, Any], field: Field, path: Path) -> None:
        """Keys that only make sense together: a quote's `original` needs its `language` and `source`."""
        for key, needed in field.needs.items():
            if key not in data:
                continue
            for other in needed:
                if other not in data:
                    self.report(path + (key,), f"`{_name(path + (key,))}` braucht `{other}`",
                                f"Ergänze `{other}:` ({field.fields[other].help}).")

    def value(self, value: Any, field: Field, path: Path) -> None:
        kind = field.kind
        if kind == "list":
            self.sequence(value, field, path)
        elif kind == "object":
            if isinstance(value, dict):
                self.mapping(value, field.fields, path)
                self.companions(value, field, path)
            else:
                self.wrong_type(value, path, "eine Gruppe von Feldern der Form `name: wert`",
                                "Schreibe die Felder eingerückt darunter.")
        elif kind == "bool":
            written = self.document.written.get(path)
            if not isinstance(value, bool) or written not in ("true", "false"):
                shown = written if written is not None else value
                what = f"nicht `{shown}`" if isinstance(shown, str) else f"ist aber {_describe(value)}"
                self.report(path, f"`{_name(path)}` muss true oder false sein, {what}",
                            "Schreibe `true` oder `false` (klein, ohne Anführungszeichen).")
        elif kind == "date":
            self.date(value, path)
        elif kind == "source":
            self.source_number(value, path)
        elif kind in NUMBER_RANGES:
            self.number(value, kind, path)
        elif kind == "participant" and isinstance(value, dict):
            self.mapping(value, field.fields, path)
        elif not isinstance(value, str):
            self.wrong_type(value, path, EXPECTED_TEXT[kind], WRONG_TYPE_HINTS.get(kind, "Schreibe einen Text."))
        elif field.required and not value.strip():
            self.report(path, f"`{_name(path)}` ist leer", _empty_hint(field, "einen Text"))
        else:
            _TEXT_RULES[kind](self, value, path)

    def sequence(self, value: Any, field: Field, path: Path) -> None:
        if not isinstance(value, list):
            self.wrong_type(value, path, "eine Liste", f"Schreibe `{path[-1]}: [A, B]` oder eine Zeile `- A` je Eintrag.")
            return
        if len(value) < field.min_items:
            self.report(path, f"`{_name(path)}` braucht mindestens {field.min_items} Eintrag",
                        f"Ergänze einen Eintrag ({field.help}).")
        if len(value) > MAX_ITEMS:
            self.report(path, f"`{_name(path)}` hat {len(value)} Einträge, erlaubt sind höchstens {MAX_ITEMS}",
                        "Kürze die Liste.")
            return
        seen: dict[Any, int] = {}
        for index, item in enumerate(value):
            if isinstance(item, str) and field.item.kind != "text" and item in seen:
                self.report(path + (index,), f"`{item}` steht doppelt in `{_name(path)}`", "Lösche den doppelten Eintrag.")
            seen.setdefault(item if isinstance(item, str) else id(item), index)
            self.value(item, field.item, path + (index,))

    def date(self, value: Any, path: Path) -> None:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.wrong_type(value, path, "ein Datum (JJJJ-MM-TT, JJJJ-MM oder JJJJ)", "Schreibe z. B. `2025-12-22`.")
            return
        try:
            self.dates[path] = parse_partial_date(value)
        except DateError as exc:
            self.report(path, f"`{_name(path)}`: {exc}", "Schreibe das Datum als JJJJ-MM-TT, JJJJ-MM oder JJJJ.")

    def source_number(self, value: Any, path: Path) -> None:
        """A position in `sources`; whether that source exists is checked in `references`."""
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            shown = f"ist aber {_describe(value)}"
            self.report(path, f"`{_name(path)}` muss die Nummer einer Quelle sein (1, 2, …), {shown}",
                        "Zähle die Einträge unter `sources` von 1 an und schreibe die Nummer ohne Anführungszeichen.")

    def number(self, value: Any, kind: str, path: Path) -> None:  # a GeoNames id or a coordinate in degrees
        low, high, whole, example = NUMBER_RANGES[kind]
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            self.wrong_type(value, path, "eine ganze Zahl" if whole else "eine Zahl in Grad",
                            f"Schreibe die Zahl ohne Anführungszeichen, mit Punkt, z. B. {example}.")
        elif not low <= value <= high:
            self.report(path, f"`{_name(path)}` ist {value}, erlaubt ist {low} bis {high}",
                        f"Prüfe Vorzeichen und Reihenfolge (Breite −90 bis 90, Länge −180 bis 180), z. B. {example}.")

    def wrong_type(self, value: Any, path: Path, expected: str, hint: str) -> None:
        written = self.document.written.get(path)
        trap = _yaml_trap(value, written)
        if trap:
            message = f"`{_name(path)}` soll {expected} sein, aber YAML liest `{written}` als {trap}"
            hint = f'Setze den Wert in Anführungszeichen: "{written}".'
        else:
            message = f"`{_name(path)}` soll {expected} sein, ist aber {_describe(value)}"
        self.report(path, message, hint)

    # Rules for string-valued kinds.
    def text(self, value: str, path: Path) -> None:
        if not value.strip():
            self.report(path, f"`{_name(path)}` ist leer", "Trage einen Text ein oder lösche die Zeile.")
        elif "\n" in value.strip():
            self.report(path, f"`{_name(path)}` muss eine einzige Zeile sein", "Schreibe den Text in eine Zeile.")
        elif len(value) > MAX_TEXT:
            self.report(path, f"`{_name(path)}` hat {len(value)} Zeichen, erlaubt sind höchstens {MAX_TEXT}",
                        "Kürze den Text.")
        elif "<" in value or ">" in value:
            # Page titles pass through the theme's `striptags`, which would turn &lt; back into <.
            self.report(path, f"`{_name(path)}` enthält < oder >",
                        "Spitze Klammern sind in einzeiligen Feldern nicht erlaubt; lass sie weg oder schreibe „…“.")

    def markdown(self, value: str, path: Path) -> None:
        if not value.strip():
            self.report(path, f"`{_name(path)}` ist leer", "Trage einen Text ein.")
            return
        if len(value) > MAX_MARKDOWN:
            self.report(path, f"`{_name(path)}` hat {format_count(len(value))} Zeichen, erlaubt sind höchstens "
                        f"{format_count(MAX_MARKDOWN)}", "Kürze den Text.")
            return
        line_of = _line_finder(value, path, self.document)
        for offence in find_offences(value):
            if offence.kind == "image":
                self.problems.append(Problem(self.document.path, line_of(offence.needle),
                                             f"`{_name(path)}` enthält ein Bild",
                                             "Bilder von fremden Servern sind nicht erlaubt; verlinke die Quelle "
                                             "stattdessen."))
            elif offence.kind == "link":
                shown = offence.detail if len(offence.detail) <= 40 else offence.detail[:39] + "…"
                self.problems.append(Problem(self.document.path, line_of(offence.needle),
                                             f"`{_name(path)}` enthält einen Link auf `{shown}`",
                                             "Links müssen vollständige Adressen mit http:// oder https:// sein."))
            else:
                self.problems.append(Problem(self.document.path, line_of(offence.needle),
                                             f"`{_name(path)}` enthält HTML (`{offence.detail}`)",
                                             "HTML ist nicht erlaubt; schreibe Markdown, z. B. **fett** oder "
                                             "[Text](https://…)."))

    def identifier(self, value: str, path: Path) -> None:
        if not _ID.match(value):
            self.report(path, f"`{value}` ist keine gültige Kennung",
                        "Kennungen bestehen aus Kleinbuchstaben a–z, Ziffern und Bindestrichen, z. B. `ana-perez`.")

    def country(self, value: str, path: Path) -> None:
        if countries.is_country_code(value):
            return
        suggestion = countries.suggest(value)
        hint = f"Meintest du `{suggestion}`?" if suggestion else "Nutze den zweistelligen Code nach ISO 3166-1, z. B. AR, PE, US."
        self.report(path, f"`{value}` ist kein Ländercode nach ISO 3166-1", hint)

    def status(self, value: str, path: Path) -> None:
        if value not in STATUSES:
            close = difflib.get_close_matches(value, STATUSES, n=1)
            hint = f"Meintest du `{close[0]}`? " if close else ""
            self.report(path, f"Unbekannter Status `{value}`", hint + "Erlaubt sind: " + ", ".join(STATUSES) + ".")

    def time(self, value: str, path: Path) -> None:
        if _TIME.match(value) or value in PARTS_OF_DAY:
            return
        loose = _LOOSE_TIME.match(value.strip())
        if loose and int(loose.group(1)) < 24 and int(loose.group(2)) < 60:
            hint = f'Meintest du "{int(loose.group(1)):02d}:{loose.group(2)}"? Stunden immer zweistellig, mit Doppelpunkt.'
        else:
            close = difflib.get_close_matches(value, PARTS_OF_DAY, n=1)
            hint = (f"Meintest du `{close[0]}`? " if close else "") + (
                'Schreibe eine Uhrzeit wie "12:30" (in Anführungszeichen, 24 Stunden) oder einen dieser Werte: '
                + ", ".join(PARTS_OF_DAY) + ".")
        self.report(path, f"`{_name(path)}`: „{value}“ ist keine Uhrzeit", hint)

    def url(self, value: str, path: Path) -> None:
        if not _URL.match(value):
            self.report(path, f"`{_name(path)}` ist keine http- oder https-Adresse",
                        "Gib die vollständige Adresse an, beginnend mit https://.")

    def language(self, value: str, path: Path) -> None:
        if languages.is_language_tag(value):
            return
        suggestion = languages.suggest(value)
        hint = (f"Meintest du `{suggestion}`? " if suggestion else "") + (
            "Schreibe den Sprachcode nach BCP 47: klein, zwei Buchstaben, z. B. es (Spanisch), en, pt; "
            "mit Land dahinter es-CL.")
        self.report(path, f"`{_name(path)}`: `{value}` ist kein bekannter Sprachcode", hint)

    def reference(self, value: str, path: Path) -> None:
        """An event id (whether it exists is checked in `references`) or a full address."""
        if _ID.match(value) or _URL.match(value):
            return
        self.report(path, f"`{_name(path)}` ist weder die Kennung eines Ereignisses noch eine Adresse",
                    "Schreibe die Kennung eines Ereignisses (Dateiname in events/ ohne .yaml), dessen Quellen das "
                    "belegen, oder die vollständige Adresse einer Quelle, beginnend mit https://.")

    def wikidata(self, value: str, path: Path) -> None:
        if not _WIKIDATA.match(value):
            self.report(path, f"`{value}` ist keine Wikidata-Kennung", "Schreibe Q gefolgt von Ziffern, z. B. Q320.")


_TEXT_RULES = {
    "text": _Checker.text,
    "markdown": _Checker.markdown,
    "person": _Checker.identifier,
    "topic": _Checker.identifier,
    "event": _Checker.identifier,
    "country": _Checker.country,
    "status": _Checker.status,
    "time": _Checker.time,
    "participant": _Checker.identifier,
    "url": _Checker.url,
    "wikidata": _Checker.wikidata,
    "language": _Checker.language,
    "reference": _Checker.reference,
}

def _yaml_trap(value: Any, written: str | None) -> str:
    """Name YAML 1.1's surprising readings, e.g. `NO` -> false, `12:30` -> 750."""
    if written is None:
        return ""
    if isinstance(value, bool):
        return f"Wahrheitswert ({'true' if value else 'false'})"
    if isinstance(value, int) and ":" in written:
        return f"Zahl {value} (Minuten und Sekunden zur Basis 60)"
    if isinstance(value, int) and re.match(r"^[-+]?0[0-7]+$", written):
        return f"Zahl {value} (Oktalzahl wegen der führenden Null)"
    if value is None and written.strip():
        return "leeren Wert"
    return ""


def _describe(value: Any) -> str:
    """What a value is, as the subject of a German sentence."""
    if value is None:
        return "nichts"
    if isinstance(value, bool):
        return f"der Wahrheitswert {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"die Zahl {value}"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "eine Gruppe von Feldern"
    return f"der Text „{str(value)[:40]}“"


def _name(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _empty_hint(field: Field, what: str) -> str:
    """A required field is filled in, never deleted (that only leads to "Pflichtfeld fehlt")."""
    if field.required:
        return f"Trage {what} ein ({field.help}); das Feld ist Pflicht."
    return f"Trage {what} ein ({field.help}) oder lösche die Zeile."


def _unknown_key_hint(key: str, spec: dict[str, Field]) -> str:
    close = difflib.get_close_matches(key, list(spec), n=1, cutoff=0.6)
    allowed = "Erlaubt sind: " + ", ".join(spec) + "."
    return f"Meintest du `{close[0]}`? {allowed}" if close else allowed


def _line_finder(value: str, path: Path, document: Document):
    """Find the file line of a piece of a text value, e.g. the line of `<script>` in a summary."""
    start = document.text_starts.get(path, document.line(path))

    def line_of(needle: str) -> int:
        offset = value.find(needle)
        return start if offset < 0 else start + value.count("\n", 0, offset)
    return line_of
