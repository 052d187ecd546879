"""argparse in German: its usage, help and error texts, as every other message of the tools.

Python ships no German catalogue for argparse, which looks its texts up through `argparse._`
(gettext) when a parser is built and when it parses. `german()` answers those look-ups from the
table below for as long as the command line is read, and restores argparse afterwards.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from typing import Iterator, NoReturn

# The texts of Python 3.11's argparse a user of these commands can meet.
_GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "Diese Hilfe zeigen und beenden",
    "the following arguments are required: %s": "Es fehlt: %s",
    "unrecognized arguments: %s": "Unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "„%(value)s“ gibt es nicht; möglich sind: %(choices)s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "Hier fehlt ein Wert",
    "expected at most one argument": "Hier ist höchstens ein Wert erlaubt",
    "expected at least one argument": "Hier fehlt mindestens ein Wert",
    "invalid %(type)s value: %(value)r": "„%(value)s“ ist kein gültiger Wert",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s ist mehrdeutig: %(matches)s",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "ignored explicit argument %r": "Der Wert %r wird nicht erwartet",
    "one of the arguments %s is required": "Eine dieser Angaben ist nötig: %s",
    "unexpected option string: %s": "Unerwartete Option: %s",
}


def _translate(text: str) -> str:
    return _GERMAN.get(text, text)


@contextmanager
def german() -> Iterator[None]:
    """German argparse texts while building and running a parser; argparse is restored afterwards."""
    original = argparse._
    argparse._ = _translate
    try:
        yield
    finally:
        argparse._ = original


class GermanParser(argparse.ArgumentParser):
    """Errors as the other tools print them: `Fehler: … – Hinweis`, after the usage line."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Fehler: {message} – Mehr dazu: {self.prog} --help\n")
