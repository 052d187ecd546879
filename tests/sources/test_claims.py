"""Two processes share a list from both ends: every item is taken exactly once."""

from __future__ import annotations

import multiprocessing

import pytest

from chronik.sources import claims as claims_module
from chronik.sources.claims import ClaimError, Claims

FORK = multiprocessing.get_context("fork")


def test_front_and_back_meet_and_every_index_is_taken_once() -> None:
    claims = Claims(FORK, 5)
    assert claims.front_takes_next() == 0 and claims.back_takes() == 4
    assert claims.front_takes(2) is True  # the front may skip ahead; 1 is then given up
    assert claims.back_takes() == 3 and claims.back_takes() is None
    assert claims.front_takes_next() is None and claims.front_takes(3) is False


def test_two_processes_racing_take_each_index_exactly_once() -> None:
    count = 3000
    claims = Claims(FORK, count)
    receiver, sender = FORK.Pipe(duplex=False)

    def back() -> None:
        taken = []
        while (index := claims.back_takes()) is not None:
            taken.append(index)
        sender.send(taken)

    process = FORK.Process(target=back)
    process.start()
    front = []
    while (index := claims.front_takes_next()) is not None:
        front.append(index)
    from_the_back = receiver.recv()
    process.join()
    assert sorted(front + from_the_back) == list(range(count))
    assert front == list(range(len(front))) and from_the_back == list(range(count - 1, len(front) - 1, -1))


def test_a_lock_left_taken_stops_the_build_instead_of_hanging(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claims_module, "CLAIM_TIMEOUT", 0.05)
    claims = Claims(FORK, 10)
    claims._lock.acquire()  # as if a process had died holding it
    with pytest.raises(ClaimError, match="hält die Verteilung der Arbeit fest"):
        claims.front_takes_next()
