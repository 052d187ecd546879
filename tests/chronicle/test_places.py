"""Places looked up in the GeoNames gazetteer (chronicle/places.py): part by part, accent-insensitive, in the
event's countries only, with explicit precision."""

from __future__ import annotations

import pytest

from chronik.chronicle.places import COUNTRY, POINT, closest_names, locate


def _found(place: str, countries: list[str]) -> list[tuple[str, str, str]]:
    return [(loc.precision, loc.name, loc.country) for loc in locate(place, None, countries).locations]


@pytest.mark.parametrize("place, countries, expected", [
    ("Quito, Palacio de Carondelet", ["EC", "CL"], [(POINT, "Quito", "EC")]),
    ("Santiago (Las Condes), Icare", ["CL"], [(POINT, "Santiago", "CL")]),
    ("Brüssel", ["CL", "BE"], [(POINT, "Brüssel", "BE")]),  # a German alternate name, shown as written
    ("Rom, Palazzo Chigi", ["IT"], [(POINT, "Rom", "IT")]),
    ("Panama-Stadt", ["PA", "CL"], [(POINT, "Panama-Stadt", "PA")]),
    ("Valparaiso", ["CL"], [(POINT, "Valparaiso", "CL")]),  # without the accent
    ("Miami (Doral), Florida", ["US", "CL"], [(POINT, "Miami", "US")]),
    ("Viña del Mar (Cerro Castillo) und Valparaíso (Nationalkongress)", ["CL"],
     [(POINT, "Viña del Mar", "CL"), (POINT, "Valparaíso", "CL")]),
    ("Dominikanische Republik, Panama, El Salvador", ["CL", "DO", "PA", "SV"],
     [(COUNTRY, "Dominikanische Republik", "DO"), (COUNTRY, "Panama", "PA"), (COUNTRY, "El Salvador", "SV")]),
    ("Santiago", ["DO"], [(POINT, "Santiago", "DO")]),  # GeoNames: Santiago de los Caballeros, the Dominican one
])
def test_a_place_is_found_part_by_part_in_the_events_countries(place, countries, expected) -> None:
    assert _found(place, countries) == expected


def test_the_same_city_in_another_country_is_reported_not_drawn() -> None:
    lookup = locate("Lima", None, ["CL"])
    assert lookup.locations == () and lookup.unknown == ()
    assert [(piece, city.country) for piece, city in lookup.elsewhere] == [("Lima", "PE")]


def test_an_unknown_place_is_neither_drawn_nor_guessed() -> None:
    lookup = locate("Archipel Juan Fernández", None, ["CL"])
    assert lookup.locations == () and lookup.unknown == ("Archipel Juan Fernández",)


def test_without_a_place_only_the_countries_are_known_and_marked_as_a_stand_in() -> None:
    lookup = locate(None, None, ["US", "CL"])
    assert [(loc.precision, loc.country) for loc in lookup.locations] == [(COUNTRY, "US"), (COUNTRY, "CL")]
    assert lookup.guessed


def test_an_explicit_location_wins_with_its_precision() -> None:
    by_id = locate("Santiago", {"geonames": 3936456}, ["PE"]).locations[0]
    assert (by_id.precision, by_id.name, by_id.country, by_id.geonames) == (POINT, "Lima", "PE", 3936456)
    point = locate("Archipel Juan Fernández", {"latitude": -33.64, "longitude": -78.83, "country": "CL"},
                   ["CL"]).locations[0]
    assert (point.precision, point.name, point.latitude, point.longitude) == (POINT, "Archipel Juan Fernández",
                                                                              -33.64, -78.83)
    only_country = locate("irgendwo", {"country": "PE"}, ["PE"]).locations[0]
    assert (only_country.precision, only_country.latitude) == (COUNTRY, None)


def test_the_hint_names_the_closest_known_city() -> None:
    assert closest_names("Valparaízo", ["CL"])[0] == "Valparaíso"
    assert closest_names("Nirgendwo", ["CL"]) == []


def test_a_first_part_not_found_is_named_when_a_later_one_is_drawn() -> None:
    lookup = locate("Bulnes (Ñuble), Penco", None, ["CL"])
    assert [loc.name for loc in lookup.locations] == ["Penco"]
    assert lookup.passed_over == (("Bulnes", "Penco"),)
    assert locate("Santiago, Las Condes", None, ["CL"]).passed_over == ()
