"""Rules for where an event happened: an explicit `location` must name one known place in a listed country
(errors); a free-text `place` the gazetteer cannot find only costs the event its dot on the maps (notices)."""

from __future__ import annotations

import re
from typing import Any, Callable

from ..chronicle import countries as country_names
from ..chronicle import places
from .problems import INFO, Problem
from .references import Checked
from .yaml_source import Path

Report = Callable[[Path, str, str, str], None]


def check_places(events: dict[str, Checked]) -> list[Problem]:
    """Every event file with a readable `place` or `location` and readable `countries`."""
    problems: list[Problem] = []
    for event_id in sorted(events):
        checked = events[event_id]
        document, good = checked.document, checked.good
        if document is None or "countries" in checked.bad or "countries" not in good:
            continue

        def report(path: Path, message: str, hint: str, severity: str = "error") -> None:
            problems.append(Problem(document.path, document.line(path), message, hint, severity))

        listed = tuple(good["countries"])
        if "location" in good:
            _check_location(good["location"], listed, report)
        elif "location" not in checked.bad and good.get("place", "").strip():
            _check_place(good["place"], listed, report)
    return problems


def _check_location(location: dict[str, Any], listed: tuple[str, ...], report: Report) -> None:
    if not {"geonames", "latitude", "country"} & set(location):
        report(("location",), "`location` nennt weder `geonames` noch `latitude`/`longitude` noch `country`",
               "Ergänze eines davon, z. B. `location: {geonames: 3871336}` für Santiago.")
        return
    code = location.get("country")
    if "geonames" in location:
        city = places.city(location["geonames"])
        if city is None:
            report(("location", "geonames"), f"GeoNames-Kennung {location['geonames']} ist im Ortsverzeichnis "
                   "nicht bekannt", "Es kennt Orte ab 15.000 Einwohnern; für kleinere gib `latitude`, `longitude` "
                   "und `country` an.")
            return
        if code is not None and code != city.country:
            report(("location", "country"), f"{city.name} (GeoNames {city.geonames}) liegt in "
                   f"{country_names.dative(city.country)} ({city.country}), nicht in {code}",
                   f"Schreibe `country: {city.country}` oder lösche `country`.")
            return
        code = city.country
    if code not in listed:
        report(("location",), f"Der Ort liegt in {country_names.dative(code)} ({code}); {code} fehlt unter "
               "`countries`", f"Ergänze {code} unter `countries` oder prüfe den Ort.")


def _check_place(place: str, listed: tuple[str, ...], report: Report) -> None:
    lookup = places.locate(place, None, listed)
    for piece, city in lookup.elsewhere:
        report(("place",), f"„{piece}“ liegt laut Ortsverzeichnis (GeoNames) in {country_names.dative(city.country)} "
               f"({city.country}); {city.country} fehlt unter `countries`, die Karten zeigen den Ort nicht",
               f"Ergänze {city.country} unter `countries`, oder gib den Ort mit `location` an.", INFO)
    for first, drawn in lookup.passed_over:
        report(("place",), f"„{first}“ steht nicht im Ortsverzeichnis (GeoNames, Orte ab 15.000 Einwohnern); die "
               f"Karten zeigen stattdessen „{drawn}“", "Ist das richtig, ist nichts zu tun; sonst gib den Ort mit "
               "`location` an oder schreibe ihn mit „und“ als eigenen Ort.", INFO)
    for piece in lookup.unknown:
        close = places.closest_names(re.split(r"[,(/]", piece)[0], listed)  # the city comes first
        hint = f"Meintest du „{close[0]}“? " if close else ""
        report(("place",), f"„{piece}“ steht nicht im Ortsverzeichnis (GeoNames, Orte ab 15.000 Einwohnern); "
               "die Karten zeigen den Ort nicht", hint + "Schreibe zuerst die Stadt („Stadt, Gebäude“) oder gib "
               "den Ort mit `location` an: `{latitude: …, longitude: …, country: …}`.", INFO)
