"""German country names in sentences: "mit Bezug zu den Vereinigten Staaten", "aus Peru"."""

from __future__ import annotations

import pytest

from chronik.chronicle import countries


@pytest.mark.parametrize("code, dative", [
    ("US", "den Vereinigten Staaten"),
    ("DO", "der Dominikanischen Republik"),
    ("GB", "dem Vereinigten Königreich"),
    ("CH", "der Schweiz"),
    ("NL", "den Niederlanden"),
    ("PE", "Peru"),
    ("EC", "Ecuador"),
    ("CL", "Chile"),
])
def test_names_that_take_an_article_get_it_in_the_dative(code: str, dative: str) -> None:
    assert countries.dative(code) == dative


def test_every_entry_of_the_table_declines_the_name_babel_gives() -> None:
    """The table follows CLDR's names: its last word starts like the name's last word."""
    for code, dative in countries.DATIVE.items():
        assert countries.is_country_code(code), code
        article, *words = dative.split(" ")
        assert article in ("der", "dem", "den"), code
        name = countries.german_name(code)
        assert words[-1].startswith(name.split(" ")[-1][:5]), (code, name, dative)
        assert len(words) == len(name.split(" ")), (code, name, dative)
