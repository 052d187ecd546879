"""The possible-duplicate notice compares only pairs that can be alike; it must find exactly what
comparing every pair finds."""

from __future__ import annotations

import datetime as dt
import random
from itertools import combinations

from chronik.sources import duplicates
from chronik.chronicle.dates import DAY, MONTH, PartialDate

WORDS = ["Kast", "trifft", "Reise", "nach", "Peru", "plant", "reist", "Besuch", "Lima", "Gipfel"]


def _candidates(count: int, seed: int = 7) -> list[duplicates._Candidate]:
    rng = random.Random(seed)
    made = []
    for number in range(count):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(120))
        first = PartialDate(day, DAY) if rng.random() < 0.7 else PartialDate(day.replace(day=1), MONTH)
        last = first if rng.random() < 0.8 else PartialDate(first.first + dt.timedelta(days=rng.randrange(40)), DAY)
        made.append(duplicates._Candidate(
            f"e{number:04d}", f"events/e{number:04d}.yaml", 2, first, last,
            frozenset(rng.sample(["CL", "PE", "AR", "EC"], rng.randint(1, 2))),
            frozenset(rng.sample(["ana", "juan", "luisa"], rng.randint(1, 2))),
            duplicates.title_stems(" ".join(rng.sample(WORDS, 4))), None))
    return made


def test_buckets_find_what_every_pair_finds() -> None:
    candidates = _candidates(600)
    every_pair = [(a.event_id, b.event_id) for a, b in combinations(candidates, 2) if duplicates._alike(a, b, "CL")]
    bucketed = [(a.event_id, b.event_id) for a, b in duplicates._pairs_to_compare(candidates, "CL")
                if duplicates._alike(a, b, "CL")]
    assert len(every_pair) > 20 and bucketed == every_pair
