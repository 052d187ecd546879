"""How large the names list for „Meintest du …?“ (suche/namen.json) grows with the chronicle.

    python bench/search_names.py --events 1000 --events 10000

Generates a synthetic chronicle (bench/synthetic.py: N events, N/10 people with alias) for each size,
loads it as the build does and prints the size of the names list, raw and gzip-compressed as a static
host sends it. The search loads it once, when a reader opens the search.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from chronik.sources.loading import load_chronicle  # noqa: E402
from chronik.chronicle.index import index_chronicle  # noqa: E402
from chronik.publish.search_names import SEARCH_NAMES, build_search_names  # noqa: E402
from chronik.sources.settings import read_config, settings_from_config  # noqa: E402
from synthetic import AS_OF, generate, german  # noqa: E402


def names_list(events: int) -> tuple[int, bytes]:
    """The number of people and the names list of a synthetic chronicle with `events` events."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "chronik"
        generate(project, events)
        result = load_chronicle(project, settings_from_config(read_config(project)), AS_OF)
        assert result.chronicle is not None, [problem.format() for problem in result.problems]
        return len(result.chronicle.people), build_search_names(index_chronicle(result.chronicle)).content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, action="append", help="Ereignisse (Standard: 1.000 und 10.000)")
    arguments = parser.parse_args()
    print(f"Namensliste der Suche ({SEARCH_NAMES}), synthetische Chronik:")
    for events in arguments.events or [1000, 10_000]:
        people, content = names_list(events)
        packed = len(gzip.compress(content, 6))
        print(f"  {german(events):>6} Ereignisse, {german(people):>5} Personen: {german(len(content) / 1000, 1)} KB "
              f"roh, {german(packed / 1000, 1)} KB gzip ({german(packed / people)} Byte je Person)")


if __name__ == "__main__":
    main()
