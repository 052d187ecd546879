"""Where a YAML syntax error really starts, for the mistakes contributors make.

libyaml reports where it gave up, which can be many lines after the cause: an unclosed quote on
line 3 runs on until the next quote in the file. Only when parsing has failed, this reads the
lines up to that point as a person would and names the first line that cannot be right:
an unclosed quote, a tab in the indentation, `key:value` without a space, an unclosed bracket,
or an indentation that matches no level above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = r"[A-Za-z_][\w-]*"
_LINE = re.compile(rf"^(?P<indent> *)(?P<dash>- +)?(?:(?P<key>{_KEY}):(?P<gap>[ \t]*)(?P<value>.*)|(?P<item>.*))$")
_BLOCK_TEXT = re.compile(r"^[|>][-+0-9]*\s*(#.*)?$")


@dataclass(frozen=True)
class Cause:
    line: int  # 1-based
    message: str
    hint: str


def likely_cause(text: str, error_line: int) -> Cause | None:
    """The first line up to `error_line` that is wrong on its own, or None."""
    levels = [0]  # the indentations of the keys that are open at this point
    opened = False  # the line before ended with `key:`, so the next may go deeper
    block = None  # the indentation of the key whose block text (`|`) we are inside
    for number, line in enumerate(text.splitlines()[:error_line], start=1):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not stripped or indent > block):
            continue
        block = None
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            continue
        if line[:len(line) - len(line.lstrip())].count("\t"):
            return Cause(number, "Tabulatorzeichen sind in YAML nicht erlaubt",
                         "Rücke mit Leerzeichen statt Tabulatoren ein.")
        parts = _LINE.match(line)
        key_indent = indent + len(parts["dash"] or "")
        if parts["key"] and parts["value"] and not parts["gap"] and not parts["value"].startswith(("/", ":")):
            return Cause(number, f"Nach `{parts['key']}:` fehlt ein Leerzeichen",
                         f"Schreibe `{parts['key']}: {parts['value'][:40]}` – mit Leerzeichen nach dem Doppelpunkt.")
        value = (parts["value"] if parts["key"] else parts["item"]) or ""
        cause = _value_cause(number, value)
        if cause:
            return cause
        if opened and indent > levels[-1]:
            levels.append(indent)
        while levels and indent < levels[-1]:
            levels.pop()
        if not levels or indent != levels[-1]:
            return Cause(number, "Die Einrückung stimmt nicht: die Zeile steht nicht unter einem Feld darüber",
                         "Rücke Felder derselben Ebene gleich weit ein; die Felder eines Listeneintrags stehen "
                         "genau unter dem ersten Feld nach `- `.")
        if parts["dash"] and key_indent != indent:
            levels.append(key_indent)  # the keys of this list item line up after `- `
        opened = bool(parts["key"]) and not value.split("#")[0].strip()
        if parts["key"] and _BLOCK_TEXT.match(value.strip()):
            block = key_indent
    return None


def _value_cause(number: int, value: str) -> Cause | None:
    value = value.strip()
    if value[:1] in ("'", '"') and not _closes(value):
        return Cause(number, f"Das Anführungszeichen {value[0]} in dieser Zeile wird nicht geschlossen",
                     f"Setze ans Ende des Textes in derselben Zeile ebenfalls {value[0]}, "
                     f"z. B. title: {value[0]}Gipfel: Ergebnis{value[0]}.")
    if value[:1] in ("[", "{"):
        unquoted = re.sub(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'", "", value.split(" #")[0])
        if unquoted.count("[") + unquoted.count("{") > unquoted.count("]") + unquoted.count("}"):
            if value[0] == "[":
                return Cause(number, "Eine eckige Klammer `[` wird nicht geschlossen",
                             "Schließe die Liste mit `]`, z. B. countries: [AR, PE].")
            return Cause(number, "Eine geschweifte Klammer `{` wird nicht geschlossen",
                         "Schließe sie mit `}` – oder setze einen Text, der mit { beginnt, in Anführungszeichen.")
    return None


def _closes(value: str) -> bool:
    """Whether a quoted value that starts this line also ends on it (YAML's escapes respected)."""
    quote, index = value[0], 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1:index + 2] == "'":
                index += 2
                continue
            return True
        index += 1
    return False
