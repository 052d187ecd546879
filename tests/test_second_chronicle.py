"""A second chronicle, of another transition (Argentina 2023), built strict from its own settings and pages.

It proves that the generator knows no country: whatever is Chilean in the shipped chronicle must come
from its data and settings, never from hooks/.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, PROJECT, mkdocs_build

SECOND = FIXTURES / "argentinien"
# Text files a reader or a program downloads; the theme's own assets and Pagefind's binary index are not ours.
SCANNED = {".html", ".xml", ".ics", ".json", ".csv"}
NOT_SCANNED = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "pagefind/")
CHILE = re.compile(r"\w*chile\w*", re.IGNORECASE)


def second_chronicle(target: Path) -> Path:
    """The fixture chronicle as a newsroom has it: its own files and the hook file, no generator inside."""
    shutil.copytree(SECOND, target)
    assert not (target / "hooks" / "chronik").exists()
    return target


def test_the_second_chronicle_has_the_hook_file_every_chronicle_has() -> None:
    assert (SECOND / "hooks" / "chronicle.py").read_bytes() == (PROJECT / "hooks" / "chronicle.py").read_bytes()


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = second_chronicle(tmp_path_factory.mktemp("second") / "project")
    site = project / "site"
    result = mkdocs_build(project, site, pythonpath=PROJECT / "hooks")  # the package from this checkout
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


def _read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_event_and_person_of_the_second_chronicle_has_a_page(second_site: Path) -> None:
    for event in sorted((SECOND / "events").glob("*.yaml")):
        assert (second_site / "ereignisse" / event.stem / "index.html").is_file(), event.stem
    for person in sorted((SECOND / "people").glob("*.yaml")):
        assert (second_site / "personen" / person.stem / "index.html").is_file(), person.stem
    assert (second_site / "laender" / "ar" / "index.html").is_file()


def test_days_count_from_the_second_chronicles_election_day(second_site: Path) -> None:
    election = _read(second_site, "ereignisse/2023-11-19-milei-gewinnt-stichwahl/index.html")
    assert '<time datetime="2023-11-19">19. November 2023</time> · am Wahltag · ' in election
    inauguration = _read(second_site, "ereignisse/2023-12-10-amtsantritt/index.html")
    assert '<time datetime="2023-12-10">10. Dezember 2023</time> · 21\u00a0Tage nach der Wahl' in inauguration


def test_start_page_and_feeds_name_the_second_chronicles_title(second_site: Path) -> None:
    title = "Argentiniens Machtwechsel 2023"
    start = _read(second_site, "index.html")
    assert f"<title>Chronik: {title}</title>" in start and f">{title}</h1>" in start
    assert "Milei gewinnt die Stichwahl" in start  # the markers were filled from its own data
    assert f"<title>{title}</title>" in _read(second_site, "feeds/chronik.xml")
    assert f"X-WR-CALNAME:{title}: alle Ereignisse" in _read(second_site, "kalender/alle.ics")
    data = json.loads(_read(second_site, "daten/ereignisse.json"))
    assert (data["title"], data["country"], data["election"]) == (title, "AR", "2023-11-19")


def test_the_front_matter_of_the_hand_written_pages_decides_what_is_searched(second_site: Path) -> None:
    def article(path: str) -> str:
        return re.findall(r'<article class="md-content__inner md-typeset"[^>]*>', _read(second_site, path))[0]
    assert "data-pagefind-body" not in article("index.html") + article("suche/index.html")
    assert 'data-pagefind-body data-pagefind-weight="0.2"' in article("daten/index.html")
    assert "data-pagefind-body" in article("ueber/index.html")


def test_edit_links_point_at_the_second_chronicles_repository(second_site: Path) -> None:
    html = _read(second_site, "ereignisse/2023-12-10-amtsantritt/index.html")
    assert ('href="https://github.com/beispiel-redaktion/chronik-argentinien/edit/main/events/'
            '2023-12-10-amtsantritt.yaml"') in html


def _scanned_files(site: Path) -> list[Path]:
    return [path for path in sorted(site.rglob("*")) if path.suffix in SCANNED
            and not path.relative_to(site).as_posix().startswith(NOT_SCANNED)]


def _words_of_the_data() -> set[str]:
    """Every word naming Chile that the second chronicle's own data, settings and pages contain."""
    words: set[str] = set()
    for path in sorted(SECOND.rglob("*")):
        if path.is_file():
            words.update(word.lower() for word in CHILE.findall(path.read_text(encoding="utf-8")))
    return words


def test_nothing_generated_says_chile_unless_the_data_does(second_site: Path) -> None:
    files = _scanned_files(second_site)
    # The scan reads every kind of file, and reads it as text: each kind names its president-elect.
    assert {path.suffix for path in files} == SCANNED
    for suffix in sorted(SCANNED):
        assert any("Milei" in path.read_text(encoding="utf-8") for path in files if path.suffix == suffix), suffix
    allowed = _words_of_the_data()
    hits = [f"{path.relative_to(second_site)}: {word}" for path in files
            for word in CHILE.findall(path.read_text(encoding="utf-8")) if word.lower() not in allowed]
    assert hits == []


def _shipped_surnames() -> set[str]:
    """The last names of the shipped chronicle's people: examples in the generator must not name them."""
    names = set()
    for path in sorted((PROJECT / "people").glob("*.yaml")):
        names.add(yaml.safe_load(path.read_text(encoding="utf-8"))["name"].split()[-1])
    return names


def test_nothing_generated_names_the_shipped_chronicles_people_unless_the_data_does(second_site: Path) -> None:
    data = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SECOND.rglob("*.yaml")))
    names = sorted(name for name in _shipped_surnames() if name not in data)
    assert "Kast" in names and "Milei" not in names  # Milei is in both chronicles' data
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    hits = [f"{path.relative_to(second_site)}: {match}" for path in _scanned_files(second_site)
            for match in pattern.findall(path.read_text(encoding="utf-8"))]
    assert hits == []


def test_the_chile_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "chronik.xml").write_text("<title>Chiles Machtwechsel</title>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    files = _scanned_files(tmp_path)
    assert files == [tmp_path / "feeds" / "chronik.xml"]
    assert CHILE.findall(files[0].read_text(encoding="utf-8")) == ["Chiles"]
    assert "chiles" not in _words_of_the_data()
