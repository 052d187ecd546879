"""The chronicle's settings (`extra.chronicle` and `site_url` in mkdocs.yml): read strictly, every problem at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chronik.chronicle.model import Licence
from chronik.sources.settings import SettingsError, build_date, read_config, settings_from_config
from conftest import FIXTURES, PROJECT

GOOD = {"title": "Argentiniens Machtwechsel 2023", "country": "AR", "president_elect": "javier-milei",
        "election": "2023-11-19", "inauguration": "2023-12-10", "topics": {"wahl": "Wahl"}}


def _problems(chronicle: Any, **config: Any) -> list[str]:
    try:
        settings_from_config({**config, "extra": {"chronicle": chronicle}})
    except SettingsError as error:
        return [p.format() for p in error.problems]
    return []


def test_the_shipped_and_the_second_chronicles_settings_are_read_from_their_mkdocs_yml() -> None:
    shipped = settings_from_config(read_config(PROJECT))
    assert (shipped.country, shipped.election, shipped.inauguration) == ("CL", dt.date(2025, 12, 14),
                                                                         dt.date(2026, 3, 11))
    second = settings_from_config(read_config(FIXTURES / "argentinien"))
    assert (second.title, second.country, second.president_elect) == ("Argentiniens Machtwechsel 2023", "AR",
                                                                      "javier-milei")
    assert (second.election, second.inauguration) == (dt.date(2023, 11, 19), dt.date(2023, 12, 10))
    assert second.site_url == "https://example.org/argentinien-2023/"


def test_without_extra_chronicle_the_settings_say_so() -> None:
    for chronicle in (None, "Chile", ["title"]):
        assert _problems(chronicle) == [
            "mkdocs.yml: Fehler: `extra.chronicle` fehlt – Trage die Einstellungen der Chronik unter extra.chronicle "
            "ein."]


def test_every_missing_and_unknown_setting_is_reported_at_once() -> None:
    problems = _problems({"titel": "Chronik"})
    assert problems[:6] == [f"mkdocs.yml: Fehler: `extra.chronicle.{key}` fehlt – Siehe README.md, Abschnitt "
                            "Einstellungen." for key in GOOD]
    assert len(problems) == 7 and problems[6].startswith(
        "mkdocs.yml: Fehler: Unbekannte Einstellung `extra.chronicle.titel` – Erlaubt sind: title, country, ")


@pytest.mark.parametrize("written, message", [
    ("2023-11", "braucht einen Tag"),
    ("2023", "braucht einen Tag"),
    ("2023-02-30", "den 30. Februar 2023 gibt es nicht (Februar 2023 hat 28 Tage)"),
    ("19.11.2023", None),
])
def test_election_and_inauguration_need_a_real_day(written: str, message: str | None) -> None:
    for key in ("election", "inauguration"):
        problems = _problems({**GOOD, key: written})
        assert len(problems) == 1 and problems[0].startswith(f"mkdocs.yml: Fehler: `extra.chronicle.{key}`: ")
        assert problems[0].endswith(" – Schreibe das Datum als JJJJ-MM-TT.")
        assert message is None or message in problems[0]


def test_dates_may_be_written_as_yaml_dates() -> None:
    settings = settings_from_config({"extra": {"chronicle": {**GOOD, "election": dt.date(2023, 11, 19)}}})
    assert settings.election == dt.date(2023, 11, 19)


@pytest.mark.parametrize("topics", [{"Wahl": "Wahl"}, {"wahl": 1}, ["wahl"], "wahl", {"wahl_2": "Wahl"}])
def test_topics_must_be_ids_with_labels(topics: Any) -> None:
    assert _problems({**GOOD, "topics": topics}) == [
        "mkdocs.yml: Fehler: `extra.chronicle.topics` muss Kennung: Bezeichnung-Paare enthalten – Schreibe z. B. "
        "`sicherheit: Sicherheit`."]


def test_topics_are_sorted_by_their_id() -> None:
    settings = settings_from_config({"extra": {"chronicle": {**GOOD, "topics": {"wahl": "Wahl", "amt": "Amt"}}}})
    assert list(settings.topics) == ["amt", "wahl"]


def test_the_licence_and_site_url_settings_are_checked_strictly() -> None:
    config = read_config(PROJECT)
    assert settings_from_config(config).licence == Licence("CC BY 4.0",
                                                           "https://creativecommons.org/licenses/by/4.0/deed.de")
    assert settings_from_config(config).site_url == "https://chronik-chile.github.io/chronik/"
    assert settings_from_config({**config, "site_url": "https://example.org/x"}).site_url == "https://example.org/x/"

    def problems(licence=None, site_url="https://example.org/") -> list[str]:
        chronicle = dict(config["extra"]["chronicle"])
        if licence is None:
            chronicle.pop("licence")
        else:
            chronicle["licence"] = licence
        try:
            settings_from_config({"site_url": site_url, "extra": {"chronicle": chronicle}})
        except SettingsError as error:
            return [p.message for p in error.problems]
        return []
    assert problems() == []
    assert problems({"name": "CC0"}) == []
    assert problems({"name": "CC0", "version": 1}) == ["Unbekannte Einstellung `extra.chronicle.licence.version`"]
    assert problems({"url": "https://x.org/"}) == ["`extra.chronicle.licence.name` fehlt oder ist kein Text"]
    assert problems({"name": "CC0", "url": "javascript:alert(1)"}) == [
        "`extra.chronicle.licence.url` ist keine Web-Adresse: 'javascript:alert(1)'"]
    assert problems("CC BY") == ["`extra.chronicle.licence` muss `name` und `url` enthalten"]
    assert problems(site_url="chronik.example.org") == ["`site_url` ist keine Web-Adresse: 'chronik.example.org'"]
    assert problems(site_url=None) == []


def test_the_build_day_is_source_date_epoch_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    assert build_date() == dt.date(2026, 11, 18)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.date.today()
    assert build_date() in {before, dt.date.today()}


def test_the_repository_names_the_edit_address() -> None:
    settings = settings_from_config({"extra": {"chronicle": {**GOOD, "repository": "https://github.com/zeitung/chronik"}}})
    assert settings.repository == "https://github.com/zeitung/chronik"
    assert settings.edit_uri == "https://github.com/zeitung/chronik/edit/main/"
    assert settings_from_config({"extra": {"chronicle": GOOD}}).edit_uri is None


@pytest.mark.parametrize("written", ["github.com/zeitung/chronik", "https://github.com/zeitung/chronik/",
                                     "https://gitlab.com/zeitung/chronik", "https://github.com/zeitung", 42])
def test_a_repository_must_be_a_github_repository_address(written: object) -> None:
    assert _problems({**GOOD, "repository": written}) == [
        f"mkdocs.yml: Fehler: `extra.chronicle.repository` ist keine Repository-Adresse: {written!r} – Schreibe die "
        "Adresse des Repositorys auf GitHub, z. B. https://github.com/zeitung/chronik."]


def test_a_short_title_is_a_short_text() -> None:
    assert settings_from_config({"extra": {"chronicle": GOOD | {"short_title": " Chronik AR 2023 "}}}).short_title \
        == "Chronik AR 2023"
    assert settings_from_config({"extra": {"chronicle": GOOD}}).short_title is None
    for bad in ("", "Argentiniens Machtwechsel 2023/24", 3):
        assert _problems(GOOD | {"short_title": bad}) == [
            f"mkdocs.yml: Fehler: `extra.chronicle.short_title` ist kein kurzer Text: {bad!r} – Schreibe höchstens "
            "24 Zeichen, z. B. `short_title: Chronik Chile 2025/26`."], bad


def test_the_footer_names_pages_in_docs_in_the_order_written() -> None:
    footer = {"Mitmachen": "mitmachen.md", "Quellenregeln": "regeln/quellen.md"}
    assert settings_from_config({"extra": {"chronicle": GOOD | {"footer": footer}}}).footer == (
        ("Mitmachen", "mitmachen.md"), ("Quellenregeln", "regeln/quellen.md"))
    for bad in (["mitmachen.md"], {"Mitmachen": "https://x.org/"}, {"Mitmachen": "mitmachen.md#a"},
                {"": "mitmachen.md"}, {"Mitmachen": "../geheim.md"}):
        assert _problems(GOOD | {"footer": bad}) == [
            "mkdocs.yml: Fehler: `extra.chronicle.footer` muss Beschriftung: Seite-Paare enthalten – Schreibe z. B. "
            "`Mitmachen: mitmachen.md` (Seiten in docs/, ohne Anker)."], bad
