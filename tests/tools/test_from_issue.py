"""`from-issue`: an issue made with the form "Ereignis vorschlagen" becomes an event file, or a German
error list. Golden fixtures in tests/fixtures/issues/<case>/ (title.txt, body.md) hold good and hostile
bodies; expected.txt is the file written (good-*) or what the command prints (bad-*). After a
deliberate change: `./dev test tests/tools/test_from_issue.py --update-goldens`, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from chronik.tools.cli import main as chronik_cli
from chronik.chronicle.fields import EVENT_FIELDS
from chronik.tools.issue_form import FLAGS, LABELS, NO_RESPONSE, REQUIRED, parse_body, parse_sources
from chronik.sources.yaml_source import read_document
from conftest import FIXTURES, PROJECT
from test_cli import root  # noqa: F401 - the shipped data on 2026-01-15, as a fixture

ISSUES = FIXTURES / "issues"
CASES = sorted(path for path in ISSUES.iterdir() if path.is_dir())
FORM = PROJECT / ".github/ISSUE_TEMPLATE/ereignis-vorschlagen.yml"


def convert(root: Path, capsys, title: str, body: str, number: int = 7) -> tuple[int, str, str]:
    payload = root / "event.json"
    issue = {"number": number, "title": title, "body": body,
             "html_url": f"https://github.com/chronik-chile/chronik/issues/{number}"}
    payload.write_text(json.dumps({"action": "labeled", "issue": issue}), encoding="utf-8")
    status = chronik_cli(["--root", str(root), "from-issue", str(payload)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def events(root: Path) -> set[str]:
    return {path.name for path in (root / "events").glob("**/*.yaml")}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_issue_bodies_match_golden(case: Path, root: Path, capsys, update_goldens: bool) -> None:
    title = (case / "title.txt").read_text(encoding="utf-8").removesuffix("\n")
    before = events(root)
    status, out, err = convert(root, capsys, title, (case / "body.md").read_text(encoding="utf-8"))
    if case.name.startswith("good-"):
        assert status == 0, err
        written = root / out.strip()
        result = written.read_text(encoding="utf-8")
        # Never an extra key, never a second document: the checker's own reader agrees.
        assert len(list(yaml.safe_load_all(result))) == 1
        document, problems = read_document(out.strip(), written.read_bytes())
        assert problems == [] and set(document.data) <= set(EVENT_FIELDS)
        assert events(root) == before | {written.name}
    else:
        assert (status, out) == (1, "")
        assert events(root) == before, "a failed conversion leaves a file behind"
        result = err
    if update_goldens:
        (case / "expected.txt").write_text(result, encoding="utf-8")
    assert result == (case / "expected.txt").read_text(encoding="utf-8")


def test_hostile_text_stays_literal(root: Path, capsys) -> None:
    case = ISSUES / "good-hostile-literal"
    title = (case / "title.txt").read_text(encoding="utf-8").removesuffix("\n")
    status, out, err = convert(root, capsys, title, (case / "body.md").read_text(encoding="utf-8"))
    assert status == 0, err
    data = yaml.safe_load((root / out.strip()).read_text(encoding="utf-8"))
    assert data["title"] == title.removeprefix("Ereignis: ")
    assert "---\ntitle: nicht ich\nsummary: auch nicht\n...\n{{ config.extra }}" in data["summary"]
    assert data["sources"] == [{"publisher": "Zeitung: mit Doppelpunkt", "title": "Titel: mit {{ x }} und --- darin",
                                "date": dt.date(2026, 1, 6)}]


def body_with_summary(summary: str) -> str:
    return f"### Datum\n\n2026-01-06\n\n### Was geschah\n\n{summary}\n\n### Quellen\n\nLa Tercera, „Bericht“\n"


def test_huge_answers_are_refused_by_the_checker(root: Path, capsys) -> None:
    status, out, err = convert(root, capsys, "Ereignis: Treffen", body_with_summary("Sehr lang. " * 10_000))
    assert (status, out) == (1, "")
    assert "Fehler: Die Datei ist 110.326 Bytes groß" in err and "erlaubt sind höchstens 100.000" in err, err
    status, out, err = convert(root, capsys, "Ereignis: " + "Lang " * 100, body_with_summary("Lang. " * 4_000))
    assert (status, out) == (1, "")
    assert "`title` hat 499 Zeichen, erlaubt sind höchstens 300" in err and "`summary` hat 24.000 Zeichen" in err, err


def test_an_ambiguous_name_lists_the_people_it_could_mean(root: Path, capsys) -> None:
    (root / "people/jose-kast-otro.yaml").write_text(
        "name: José Kast\naliases: [José Antonio Kast]\ndescription: Ein Namensvetter\n", encoding="utf-8")
    body = "### Datum\n\n2026-01-06\n\n### Was geschah\n\nx\n\n### Personen\n\njose antonio kast\n\n" \
           "### Quellen\n\nLa Tercera, „Bericht“\n"
    status, _, err = convert(root, capsys, "Ereignis: Treffen", body)
    assert status == 1
    assert "„jose antonio kast“ passt auf mehrere Personen: jose-antonio-kast, jose-kast-otro" in err


def test_broken_payloads_get_a_german_error(root: Path, capsys, tmp_path: Path) -> None:
    for content in ("kein json", json.dumps({"issue": {"title": "x"}}), json.dumps([1, 2])):
        (tmp_path / "p.json").write_text(content, encoding="utf-8")
        status = chronik_cli(["--root", str(root), "from-issue", str(tmp_path / "p.json")])
        assert status == 1
        assert capsys.readouterr().err.startswith(f"Fehler: {tmp_path / 'p.json'} enthält kein Issue – ")
    assert chronik_cli(["--root", str(root), "from-issue", str(tmp_path / "fehlt.json")]) == 1
    assert "lässt sich nicht lesen" in capsys.readouterr().err


def test_the_same_issue_twice_never_overwrites(root: Path, capsys) -> None:
    case = ISSUES / "good-minimal"
    title = (case / "title.txt").read_text(encoding="utf-8").removesuffix("\n")
    body = (case / "body.md").read_text(encoding="utf-8")
    assert convert(root, capsys, title, body)[0] == 0
    status, _, err = convert(root, capsys, title, body)
    assert status == 1
    assert err == ("Fehler: Die Datei events/2026-03-kast-reist-nach-lima.yaml gibt es schon; sie bleibt, wie sie ist "
                   "– Ist das Ereignis schon eingetragen? Sonst gib dem Issue einen anderen Titel.\n")


# The form is the contract ---------------------------------------------------------------------

def _form() -> list[dict]:
    return [element for element in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]
            if element["type"] != "markdown"]


def test_every_field_of_the_form_maps_to_the_parser() -> None:
    fields = _form()
    assert [field["attributes"]["label"] for field in fields] == list(LABELS)
    required = [field["attributes"]["label"] for field in fields if field.get("validations", {}).get("required")]
    assert required == list(REQUIRED)
    [checkboxes] = [field for field in fields if field["type"] == "checkboxes"]
    assert [option["label"] for option in checkboxes["attributes"]["options"]] == list(FLAGS)


def render(answers: dict[str, str | None]) -> str:
    """The issue body as GitHub renders a submitted form."""
    return "\n\n".join(f"### {label}\n\n{answer if answer else NO_RESPONSE}" for label, answer in answers.items())


def test_the_form_filled_with_its_own_placeholders_converts(root: Path, capsys) -> None:
    answers: dict[str, str | None] = {}
    for field in _form():
        label = field["attributes"]["label"]
        if field["type"] == "checkboxes":
            answers[label] = "\n".join(f"- [ ] {option['label']}" for option in field["attributes"]["options"])
        else:
            assert field["attributes"].get("placeholder"), f"{label}: no placeholder"
            answers[label] = str(field["attributes"]["placeholder"]).strip()
    status, out, err = convert(root, capsys, "Ereignis: Kast trifft Bachelet erneut", render(answers))
    assert status == 0, err
    data = yaml.safe_load((root / out.strip()).read_text(encoding="utf-8"))
    assert data["people"] == ["jose-antonio-kast", "michelle-bachelet"] and data["countries"] == ["CL", "PE"]
    assert data["sources"][0]["url"].startswith("https://")


def test_checkboxes_and_empty_answers_are_read_as_github_writes_them() -> None:
    body = render({"Datum": "2026-01", "Was geschah": "x", "Personen": None, "Quellen": "a, „b“",
                   "Angaben": "- [X] Das Datum ist nur ungefähr bekannt\n- [ ] Das Ereignis ist erst angekündigt "
                              "oder geplant"}).replace("\n", "\r\n")
    answers, problems = parse_body(body, "Issue #1")
    assert problems == []
    assert answers.get("Personen") is None and answers.get("Datum") == "2026-01"
    assert answers.get("Angaben").startswith("- [X]")


@pytest.mark.parametrize("line, source", [
    ("La Tercera, „Kast, Bachelet“, 2026-01-06, https://x.cl/a", {"publisher": "La Tercera",
                                                                  "title": "Kast, Bachelet", "date": "2026-01-06",
                                                                  "url": "https://x.cl/a"}),
    ("El País, Kast und Bachelet, 2026", {"publisher": "El País", "title": "Kast und Bachelet", "date": "2026"}),
    ("El País, “Titel”, https://x.cl", {"publisher": "El País", "title": "Titel", "url": "https://x.cl"}),
    ("- Emol, «Titel»", {"publisher": "Emol", "title": "Titel"}),
])
def test_sources_are_read_in_the_shape_the_form_asks_for(line: str, source: dict) -> None:
    assert parse_sources(line, "Issue #1") == ([source], [])


def test_the_workflow_hands_the_issue_over_as_a_file_never_as_an_expression() -> None:
    text = (PROJECT / ".github/workflows/ereignis-uebernehmen.yml").read_text(encoding="utf-8")
    assert "github.event.issue.body" not in text and "github.event.issue.title" not in text
    assert re.search(r'\./dev from-issue "\$GITHUB_EVENT_PATH"', text)
