"""A deterministic synthetic chronicle in the real file format, for benchmarks.

    python bench/synthetic.py ZIELORDNER --events 10000

writes ZIELORDNER/{mkdocs.yml,docs/,events/,people/} (plus a symlink to hooks/: the hook file and the
package, which brings its theme), so that
`SOURCE_DATE_EPOCH=1795000000 mkdocs build` there builds it exactly like the real chronicle.
Same arguments, same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import unicodedata
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
# The day the chronicle is built "on": later events are plans. Build with this SOURCE_DATE_EPOCH.
SOURCE_DATE_EPOCH = 1795000000
AS_OF = dt.datetime.fromtimestamp(SOURCE_DATE_EPOCH, dt.timezone.utc).date()

FIRST_NAMES = ["José", "María", "Andrés", "Sofía", "Cristián", "Verónica", "Joaquín", "Inés", "Tomás", "Begoña",
               "Ramón", "Lucía", "Sebastián", "Mónica", "Iván", "Natalia", "Héctor", "Julián", "Ángela", "Rubén",
               "Matías", "Valentina", "Nicolás", "Camila", "Agustín", "Fernanda", "Martín", "Daniela", "Óscar",
               "Renée"]
LAST_NAMES = ["Pérez", "González", "Muñoz", "Rojas", "Díaz", "Jerí", "Núñez", "Fernández", "Gutiérrez", "Ibáñez",
              "Sáez", "Peña", "Valdés", "Álvarez", "Cáceres", "Ortúzar", "Echeverría", "Larraín", "Zúñiga", "Frei",
              "Ruiz-Tagle", "Vásquez", "Bustamante", "Montes", "Aránguiz", "Ossandón", "Briceño", "Olavarría",
              "Undurraga", "Errázuriz"]
COUNTRIES = ["CL", "AR", "PE", "BO", "EC", "CO", "VE", "BR", "UY", "PY", "MX", "US", "CA", "ES", "PT", "FR", "DE",
             "IT", "GB", "IE", "NL", "BE", "CH", "AT", "PL", "SE", "NO", "DK", "FI", "CN", "JP", "KR", "IN", "AU",
             "NZ", "ZA", "EG", "MA", "NG", "KE", "IL", "TR", "SA", "AE", "QA", "RU", "UA", "CZ", "HU", "RO", "GR",
             "HR", "CU", "DO", "GT", "HN", "SV", "NI", "CR", "PA"]
TOPICS = {"sicherheit": "Sicherheit", "migration": "Migration", "wirtschaft": "Wirtschaft",
          "aussenpolitik": "Außenpolitik", "regierungsbildung": "Regierungsbildung", "energie": "Energie",
          "bildung": "Bildung", "gesundheit": "Gesundheit", "umwelt": "Umwelt", "handel": "Handel",
          "verteidigung": "Verteidigung", "justiz": "Justiz"}
VERBS = ["trifft", "spricht mit", "empfängt", "besucht", "telefoniert mit", "berät sich mit"]
PLACES = ["Santiago", "Valparaíso", "Concepción", "Arica", "Antofagasta", "Temuco", "Puerto Montt", "Lima",
          "Buenos Aires", "Quito", "Bogotá", "Madrid", "Washington", "Brasília", "Montevideo"]
# The country of each place: an event lists it, as real events do, so the maps find the place (issue 24).
PLACE_COUNTRIES = {"Santiago": "CL", "Valparaíso": "CL", "Concepción": "CL", "Arica": "CL", "Antofagasta": "CL",
                   "Temuco": "CL", "Puerto Montt": "CL", "Lima": "PE", "Buenos Aires": "AR", "Quito": "EC",
                   "Bogotá": "CO", "Madrid": "ES", "Washington": "US", "Brasília": "BR", "Montevideo": "UY"}
WORDS = ("der die das und mit für über nach vor während Regierung Präsident Treffen Gespräch Thema Frage Plan "
         "Reform Land Region Grenze Zusammenarbeit Sicherheit Wirtschaft Migration Handel Abkommen Minister "
         "Kabinett Berater Delegation Besuch Reise Erklärung Presse Kongress Senat Partei Opposition Wahl "
         "Programm Haushalt Steuer Investition Arbeit Bildung Gesundheit Energie Kupfer Lithium Hafen Export "
         "Import Verhandlung Einigung Kritik Unterstützung Vorschlag Entscheidung Woche Monat Jahr Zukunft").split()
PUBLISHERS = ["El Mercurio", "La Tercera", "BioBioChile", "Emol", "Cooperativa", "Canal 13", "CNN Chile",
              "T13", "El País", "Deutsche Welle", "Reuters", "AFP", "EFE"]


def german(number: float, digits: int = 0) -> str:
    """12345.6 -> `12.345,6`: the benchmarks print German figures."""
    return f"{number:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def summary(rng: random.Random, names: list[str]) -> str:
    sentences = []
    for _ in range(rng.randint(12, 18)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(9, 15))]
        if names and rng.random() < 0.4:
            words.insert(rng.randrange(len(words)), rng.choice(names))
        sentences.append(" ".join(words).capitalize() + ".")
    return "\n".join(sentences)


def generate(target: Path, events: int, seed: int = 2025) -> None:
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "events").mkdir(parents=True)
    (target / "people").mkdir()
    shutil.copytree(PROJECT / "docs", target / "docs")
    (target / "hooks").symlink_to(PROJECT / "hooks", target_is_directory=True)  # the hook file and the package

    people = {}
    for index in range(max(events // 10, 10)):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {rng.choice(LAST_NAMES)}"
        person_id = f"{slug(name)}-{index}"
        people[person_id] = name
        data = {"name": name, "description": f"{rng.choice(['Minister', 'Senatorin', 'Berater', 'Botschafterin', 'Abgeordneter'])} "
                f"({rng.choice(['Chile', 'Argentinien', 'Peru', 'Spanien'])})",
                "aliases": [name.split()[0] + " " + name.split()[1]], "countries": [rng.choice(COUNTRIES[:12])]}
        _write(target / "people" / f"{person_id}.yaml", data)
    ids = sorted(people)
    ids[0] = "jose-antonio-kast"
    people["jose-antonio-kast"] = "José Antonio Kast"
    _write(target / "people" / "jose-antonio-kast.yaml", {"name": "José Antonio Kast", "description": "Präsident"})

    start = dt.date(2025, 12, 14)
    span = 365 * 4
    trips: list[str] = []
    for index in range(events):
        day = start + dt.timedelta(days=index * span // events)
        others = sorted(set(rng.sample(ids[1:], rng.randint(1, 3))))
        involved = ["jose-antonio-kast", *others]
        names = [people[p] for p in involved]
        title = f"{names[0]} {rng.choice(VERBS)} {names[-1]} in {rng.choice(PLACES)}"
        event_id = f"{day.isoformat()}-{slug(title)[:40].strip('-')}-{index}"
        data: dict = {"title": title, "date": day.isoformat(), "countries": sorted(set(rng.sample(COUNTRIES, rng.randint(1, 3)))),
                      "people": involved, "topics": sorted(rng.sample(sorted(TOPICS), rng.randint(1, 3))),
                      "place": rng.choice(PLACES), "summary": summary(rng, names),
                      "sources": [{"publisher": rng.choice(PUBLISHERS), "title": f"Bericht {index}",
                                   "date": day.isoformat(), "url": f"https://example.org/bericht/{index}"}]}
        data["countries"] = sorted({*data["countries"], PLACE_COUNTRIES[data["place"]]})
        if day > AS_OF:
            data["status"] = rng.choice(["planned", "planned", "tentative"])
        if rng.random() < 0.1:
            data["quotes"] = [{"by": involved[0], "text": " ".join(rng.choice(WORDS) for _ in range(12)).capitalize()}]
        if rng.random() < 0.05:
            trips.append(event_id)
        elif trips and rng.random() < 0.1:
            data["part_of"] = trips[-1]
        _write(target / "events" / str(day.year) / f"{event_id}.yaml", data)

    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^    topics:\n(?:      .*\n)+", "    topics:\n" + "".join(
        f"      {key}: {label}\n" for key, label in TOPICS.items()), config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    arguments = parser.parse_args()
    generate(arguments.target, arguments.events, arguments.seed)
