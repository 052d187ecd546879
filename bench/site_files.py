"""How large the files beside the pages are (feeds, calendars, open data), by kind and by file.

    python bench/site_files.py --events 10000 [--keep ORDNER] [--top 5]

Writes a synthetic chronicle (bench/synthetic.py), loads it as the build does and measures what
`site_files.build_site_files` returns, raw and gzip (level 6, as a static host sends it).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from chronik.chronicle.index import index_chronicle  # noqa: E402
from chronik.sources.loading import load_chronicle  # noqa: E402
from chronik.pages.published import SiteFile  # noqa: E402
from chronik.sources.settings import build_date, read_config, settings_from_config  # noqa: E402
from chronik.publish.site_files import build_site_files  # noqa: E402
from synthetic import generate, german  # noqa: E402


def site_files(project: Path) -> list[SiteFile]:
    settings = settings_from_config(read_config(project))
    chronicle = load_chronicle(project, settings, build_date()).chronicle
    assert chronicle is not None, "synthetic chronicle has errors"
    return build_site_files(index_chronicle(chronicle))


def kind(path: str) -> str:
    if path.endswith(".xml"):
        return "Feeds"
    if path.endswith(".ics"):
        return "Kalender"
    return "Daten" if path.startswith("daten/") else "Sonstiges"


def report(files: list[SiteFile], top: int) -> None:
    by_kind: dict[str, list[SiteFile]] = defaultdict(list)
    for file in files:
        by_kind[kind(file.path)].append(file)
    total = sum(len(file.content) for file in files)
    print(f"Dateien neben den Seiten: {german(len(files))}, {german(total / 1e6, 1)} MB roh")
    for name, group in sorted(by_kind.items()):
        raw = sum(len(file.content) for file in group)
        print(f"  {name}: {german(len(group))} Dateien, {german(raw / 1e6, 1)} MB roh")
        for file in sorted(group, key=lambda f: (-len(f.content), f.path))[:top]:
            packed = len(gzip.compress(file.content, 6))
            print(f"    {german(len(file.content) / 1e3, 1):>9} KB ({german(packed / 1e3, 1)} KB gzip)  {file.path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="die synthetische Chronik hier anlegen (oder wiederverwenden)")
    parser.add_argument("--top", type=int, default=5, help="so viele größte Dateien je Art")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = arguments.keep or Path(folder) / "chronik"
        if not (project / "mkdocs.yml").exists():
            generate(project, arguments.events)
        print(f"Synthetische Chronik: {german(arguments.events)} Ereignisse")
        report(site_files(project), arguments.top)


if __name__ == "__main__":
    main()
