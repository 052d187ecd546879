"""Countries by ISO 3166-1 alpha-2 code: German and Spanish names from babel, flags."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from .text import fold

# CLDR knows some territories that are not ISO 3166-1 countries (EU, UN, Ceuta, pseudo-locales).
_NOT_ISO_3166_1 = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})


@lru_cache(maxsize=None)
def _names(locale: str) -> dict[str, str]:
    territories = Locale.parse(locale).territories
    return {code: name for code, name in territories.items()
            if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_ISO_3166_1}


def is_country_code(code: str) -> bool:
    return code in _names("de")


def german_name(code: str) -> str:
    return _names("de")[code]


def spanish_name(code: str) -> str:
    return _names("es")[code]


def flag(code: str) -> str:
    """The flag emoji: two regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code)


def suggest(text: str) -> str | None:
    """The code a contributor probably meant: `ar` -> AR, `Peru` -> PE, `Perú` -> PE, `peru` -> PE."""
    names = _names("de")
    if text.strip().upper() in names:
        return text.strip().upper()
    folded = fold(text.strip())
    for locale in ("de", "es", "en"):
        for code, name in _names(locale).items():
            if fold(name) == folded:
                return code
    return None
