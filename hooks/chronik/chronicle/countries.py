"""Countries by ISO 3166-1 alpha-2 code: German and Spanish names from babel, and the dative
of the names that take an article, for sentences ("mit Bezug zu den Vereinigten Staaten")."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from .text import fold

# CLDR knows some territories that are not ISO 3166-1 countries (EU, UN, Ceuta, pseudo-locales).
_NOT_ISO_3166_1 = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})


# CLDR has names only, no grammar: these German names (as babel spells them) take an article.
# Dative forms; every other name stands without one ("aus Peru").
DATIVE = {
    "AE": "den Vereinigten Arabischen Emiraten", "AQ": "der Antarktis", "AX": "den Ålandinseln",
    "BQ": "den Karibischen Niederlanden", "BS": "den Bahamas", "BV": "der Bouvetinsel",
    "CC": "den Kokosinseln", "CF": "der Zentralafrikanischen Republik", "CH": "der Schweiz",
    "CK": "den Cookinseln", "CX": "der Weihnachtsinsel", "DO": "der Dominikanischen Republik",
    "FK": "den Falklandinseln", "FO": "den Färöern", "GB": "dem Vereinigten Königreich",
    "HK": "der Sonderverwaltungsregion Hongkong", "IQ": "dem Irak", "IR": "dem Iran",
    "KM": "den Komoren", "KY": "den Kaimaninseln", "LB": "dem Libanon",
    "MH": "den Marshallinseln", "MN": "der Mongolei", "MO": "der Sonderverwaltungsregion Macau",
    "MP": "den Nördlichen Marianen", "MV": "den Malediven", "NE": "dem Niger",
    "NF": "der Norfolkinsel", "NL": "den Niederlanden", "PH": "den Philippinen",
    "PN": "den Pitcairninseln", "PS": "den Palästinensischen Autonomiegebieten", "SB": "den Salomonen",
    "SC": "den Seychellen", "SD": "dem Sudan", "SK": "der Slowakei", "SS": "dem Südsudan",
    "TC": "den Turks- und Caicosinseln", "TD": "dem Tschad", "TR": "der Türkei", "UA": "der Ukraine",
    "UM": "den Amerikanischen Überseeinseln", "US": "den Vereinigten Staaten",
    "VA": "der Vatikanstadt", "VG": "den Britischen Jungferninseln",
    "VI": "den Amerikanischen Jungferninseln", "YE": "dem Jemen",
}


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


def dative(code: str) -> str:
    """The name after "zu", "aus", "mit": `den Vereinigten Staaten`, `Peru`."""
    return DATIVE.get(code, german_name(code))


def suggest(text: str) -> str | None:
    """The code a contributor probably meant: `ar` -> AR, `Peru` -> PE, `Perú` -> PE, `peru` -> PE."""
    names = _names("de")
    if text.strip().upper() in names:
        return text.strip().upper()
    return _folded_names().get(fold(text.strip()))


@lru_cache(maxsize=1)
def _folded_names() -> dict[str, str]:
    """Every country's German, Spanish and English name, folded -> code; on a clash German wins, then Spanish
    (the maps ask for every part of every place: folding all names per question took seconds)."""
    index: dict[str, str] = {}
    for locale in ("de", "es", "en"):
        for code, name in _names(locale).items():
            index.setdefault(fold(name), code)
    return index
