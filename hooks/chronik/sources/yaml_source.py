"""Read one YAML data file into plain values, remembering the line of every value.

libyaml (the C parser) composes the node tree; we build the values ourselves so
that we can refuse what PyYAML would silently accept: duplicate keys, anchors
and aliases (billion laughs), tags such as `!!python/object`, and merge keys.
Scalars keep YAML 1.1's typing (so `NO` is still `False`), but we remember the
text as written, so the checker can name the trap instead of a bare type error.
Timestamps stay strings: the date rules parse them with their own messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import yaml

from .problems import Problem
from ..chronicle.text import format_count
from .yaml_syntax import likely_cause

try:  # libyaml is ~12x faster; the pure-Python parser gives the same nodes.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only without libyaml
    _Loader = yaml.SafeLoader  # type: ignore[misc]

Path = tuple[Union[str, int], ...]

MAX_FILE_BYTES = 100_000
MAX_NODES = 5_000

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Document:
    """A parsed file: its values, the line of each value, and scalars as written."""

    path: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    written: dict[Path, str] = field(default_factory=dict)
    text_starts: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """The line of the value at `path`, or of its nearest parent that exists."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


class _Refused(Exception):
    def __init__(self, line: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def read_document(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse `raw` (the bytes of the file at `path`) into a Document."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(path, None, f"Die Datei ist {format_count(len(raw))} Bytes groß, erlaubt sind höchstens "
                              f"{format_count(MAX_FILE_BYTES)}",
                              "Teile den Inhalt auf mehrere Ereignisse auf oder kürze die Zusammenfassung.")]
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from Windows editors is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "Die Datei ist nicht in UTF-8 gespeichert",
                              "Speichere sie in deinem Editor mit der Kodierung UTF-8.")]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(path, None, "Die Datei ist leer",
                              "Fülle sie nach der Vorlage in docs/mitmachen.md aus oder lösche sie.")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(path, text, exc)]
    except yaml.YAMLError as exc:  # errors without a position, e.g. reader errors
        return None, [Problem(path, None, f"YAML-Syntaxfehler: {exc}",
                              "Prüfe Einrückung und Anführungszeichen.")]
    if node is None:
        return None, [Problem(path, None, "Die Datei ist leer",
                              "Fülle sie nach der Vorlage in docs/mitmachen.md aus oder lösche sie.")]
    document = Document(path, None)
    try:
        document.data = _Builder(document).build(node, (), 1)
    except _Refused as refusal:
        return None, [Problem(path, refusal.line, refusal.message, refusal.hint)]
    return document, []


class _Builder:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path, used_at: int) -> Any:
        """`used_at` is the line where the value is used: for an alias the node's own
        position is its anchor's, elsewhere in the file."""
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            raise _Refused(used_at, "Anker und Verweise (&name, *name) sind nicht erlaubt",
                           "Schreibe den Wert an jeder Stelle aus.")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise _Refused(line, f"Die Datei enthält mehr als {format_count(MAX_NODES)} Werte",
                           "Ein Ereignis braucht nur wenige Einträge; teile es auf.")
        self.document.lines[path] = line
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, "tag:yaml.org,2002:map", line)
            return self._build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq", line)
            return [self.build(item, path + (index,), line) for index, item in enumerate(node.value)]
        return self._build_scalar(node, path, line)

    def _build_mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(line, "Zusammenführungen mit `<<` sind nicht erlaubt",
                               "Schreibe die Felder einzeln aus.")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(line, "Ein Feldname muss ein einfacher Text sein",
                               "Schreibe `name: wert`.")
            key = key_node.value
            if key in result:
                first = self.document.lines[path + (key,)]
                raise _Refused(line, f"Das Feld `{key}` steht doppelt (zuerst in Zeile {first})",
                               "Lösche eine der beiden Zeilen.")
            # A value's position is its key's line: that is where a contributor looks.
            result[key] = self.build(value_node, path + (key,), line)
            self.document.lines[path + (key,)] = line
        return result

    def _build_scalar(self, node: yaml.ScalarNode, path: Path, line: int) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            raise _Refused(line, f"Die YAML-Markierung `{_short_tag(tag)}` ist nicht erlaubt",
                           "Entferne die Markierung, die mit `!` beginnt.")
        text = node.value
        if tag == "tag:yaml.org,2002:str" or tag == "tag:yaml.org,2002:timestamp":
            # A block text (`summary: |`) starts on the line after its indicator.
            self.document.text_starts[path] = line + 1 if node.style in ("|", ">") else line
            return text
        self.document.written[path] = text
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return text.lower() in ("yes", "true", "on", "y")
        if tag == "tag:yaml.org,2002:int":
            return _yaml11_int(text)
        return _yaml11_float(text)

    @staticmethod
    def _check_tag(node: yaml.Node, expected: str, line: int) -> None:
        if node.tag != expected:
            raise _Refused(line, f"Die YAML-Markierung `{_short_tag(node.tag)}` ist nicht erlaubt",
                           "Entferne die Markierung, die mit `!` beginnt.")


def _short_tag(tag: str) -> str:
    """`tag:yaml.org,2002:python/object` -> `!!python/object`, as it was written."""
    return tag.replace("tag:yaml.org,2002:", "!!")


# PyYAML's own constructor gives the YAML 1.1 readings, e.g. `012` -> 10, `12:30` -> 750.
_CONSTRUCTOR = yaml.SafeLoader("")


def _yaml11_int(text: str) -> int:
    return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode("tag:yaml.org,2002:int", text))


def _yaml11_float(text: str) -> float:
    return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode("tag:yaml.org,2002:float", text))


_SYNTAX_HINTS = (
    ("found character '\\t'", "Tabulatorzeichen sind in YAML nicht erlaubt",
     "Rücke mit Leerzeichen statt Tabulatoren ein."),
    ("mapping values are not allowed", "Ein Doppelpunkt steht an einer Stelle, an der YAML keinen erwartet",
     'Setze einen Text, der `: ` enthält, in Anführungszeichen, z. B. title: "Gipfel: Ergebnis".'),
    ("found undefined alias", "Ein Verweis (*name) zeigt auf keinen Anker",
     "Anker und Verweise sind nicht erlaubt; schreibe den Wert aus."),
    ("found unexpected end of stream", "Ein Anführungszeichen wird nicht geschlossen",
     "Schließe jedes \" oder ' am Ende des Textes."),
    ("did not find expected key", "Die Einrückung oder eine Klammer stimmt nicht",
     "Beginnt ein Text mit [, {, *, &, ! oder @, setze ihn in Anführungszeichen oder schreibe ihn als Block mit `|`."),
    ("did not find expected '-' indicator", "Die Einrückung einer Liste stimmt nicht",
     "Rücke alle Einträge einer Liste gleich weit ein, jeden mit `- ` am Anfang."),
    ("second occurrence", "Anker und Verweise (&name, *name) sind nicht erlaubt",
     "Schreibe den Wert an jeder Stelle aus."),
    ("but found another document", "Eine Datei enthält genau einen Eintrag; hier beginnt mit `---` ein zweiter",
     "Lösche die Zeile `---` und was folgt, oder lege den zweiten Eintrag in einer eigenen Datei an."),
    ("did not find expected ',' or ']'", "Eine eckige Klammer `[` wird nicht geschlossen",
     "Schließe die Liste mit `]`, z. B. countries: [AR, PE]."),
    ("expected <block end>", "Die Einrückung stimmt nicht",
     "Rücke Felder derselben Ebene gleich weit ein."),
    ("could not find expected ':'", "Nach einem Feldnamen fehlt der Doppelpunkt",
     "Schreibe `name: wert`; mehrzeilige Texte beginnen mit `|`."),
)


# For these, libyaml's problem mark lies where it gave up (often the end of the file);
# its context mark is where the unclosed thing began, which is where to look.
_AT_CONTEXT = ("found unexpected end of stream", "did not find expected ',' or", "could not find expected ':'")


def _syntax_problem(path: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and any(problem.startswith(needle) for needle in _AT_CONTEXT):
        mark = exc.context_mark
    line = mark.line + 1 if mark else None
    cause = likely_cause(text, line) if line else None
    if cause:
        return Problem(path, cause.line, f"YAML-Syntaxfehler: {cause.message}", cause.hint)
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
        problem = "found character '\\t'"  # libyaml often calls a tab only "cannot start any token"
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in problem:
            return Problem(path, line, f"YAML-Syntaxfehler: {message}", hint)
    return Problem(path, line, f"YAML-Syntaxfehler: {problem}",
                   "Prüfe Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile.")
