"""A writer process for the store's concurrency tests (`python -m tests.store_writer`).

``submit URL CODE PARTICIPANT GO``: open the store, print "ready", wait until the file GO
exists (all writers then start together), submit a scenario, print "done".
``burst URL PREFIX COUNT``: save PREFIX-0, PREFIX-1, … and print "committed I" after each
save has returned (a committed write), until COUNT or until killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from woonlib.model.assumptions import DEFAULTS
from woonlib.store import scenarios, workshops
from woonlib.store.database import open_store

WAIT = 120.0  # seconds a writer waits for the go at most


def submit(url: str, code: str, participant: str, go: str) -> None:
    store = open_store(url, timeout=60)
    number = int(participant.rsplit("-", 1)[1])
    scenario = DEFAULTS.replace(build_rate=500 + 50 * number)
    print("ready", flush=True)
    deadline = time.monotonic() + WAIT
    while not Path(go).exists():
        if time.monotonic() > deadline:
            sys.exit("no go")
        time.sleep(0.005)
    workshops.submit(store, code, participant, scenario)
    print("done", flush=True)


def burst(url: str, prefix: str, count: int) -> None:
    store = open_store(url, timeout=60)
    print("ready", flush=True)
    for i in range(count):
        scenarios.save(store, f"{prefix}-{i}", "writer", "", DEFAULTS.replace(build_rate=i % 3000))
        print(f"committed {i}", flush=True)


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "submit":
        submit(*args)
    else:
        burst(args[0], args[1], int(args[2]))
