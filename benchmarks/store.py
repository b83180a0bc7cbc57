"""The scenario store's speed: one save, one load, one workshop submission, against a floor
of the same row written with the bare driver (sqlite3 / psycopg) in the same durability,
measured alternately in one run; and the cold import of the page with and without the store.

    .venv/bin/python -m benchmarks.store [--n 200] [--imports 7] [--main /work/main]

``--main`` names a checkout without the store (the branch point) for the import A/B.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.stats import median, ratio
from tests.postgres import USER, remove, start_cluster
from woonlib.model.assumptions import DEFAULTS
from woonlib.store import scenarios, workshops
from woonlib.store.checks import stored
from woonlib.store.database import Store, open_store

ROW = stored(DEFAULTS.replace(build_rate=1200))
IMPORT = "import time; t = time.perf_counter(); from woonlib.ui import build_dashboard; " \
    "print(time.perf_counter() - t)"  # fmt: skip


def once(fn: Callable[[], object]) -> float:
    """The time `fn()` takes [ms]."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def sqlite_floor(path: Path) -> Callable[[int], object]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS floor (name TEXT, version INT, body TEXT)")

    def write(i: int) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO floor VALUES (?, 1, ?)", (f"f{i}", ROW))
        conn.execute("COMMIT")

    return write


def postgres_floor(dsn: str) -> Callable[[int], object]:
    import psycopg

    conn = psycopg.connect(dsn, autocommit=True)
    conn.execute("CREATE TABLE IF NOT EXISTS floor (name TEXT, version INT, body TEXT)")

    def write(i: int) -> None:
        with conn.transaction():
            conn.execute("INSERT INTO floor VALUES (%s, 1, %s)", (f"f{i}", ROW))

    return write


def measure(store: Store, floor: Callable[[int], object], n: int) -> dict[str, list[float]]:
    """Each operation and the floor, interleaved, `n` times."""
    workshops.open_workshop(store, "Bench", "BENCH")
    got: dict[str, list[float]] = {"floor": [], "save": [], "load": [], "submit": []}
    for i in range(n):
        got["floor"].append(once(partial(floor, i)))
        got["save"].append(once(partial(scenarios.save, store, f"s{i}", "b", "", DEFAULTS)))
        got["load"].append(once(partial(scenarios.load, store, f"s{i}")))
        got["submit"].append(once(partial(workshops.submit, store, "BENCH", f"p{i}", DEFAULTS)))
    return got


def imports(root: str, n: int) -> list[float]:
    env = {**os.environ, "PYTHONPATH": root}
    return [
        float(subprocess.run([sys.executable, "-c", IMPORT], env=env, capture_output=True,
                             text=True, check=True, cwd=root).stdout) * 1000
        for _ in range(n)
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--imports", type=int, default=7)
    parser.add_argument("--main", default="")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.sqlite"))
        report("SQLite", measure(store, sqlite_floor(Path(folder) / "floor.sqlite"), args.n))
        store.close()
    cluster = start_cluster()
    try:
        store = open_store(cluster.new_database())
        dsn = f"host=127.0.0.1 port={cluster.port} user={USER} dbname=postgres"
        report("PostgreSQL", measure(store, postgres_floor(dsn), args.n))
        store.close()
    finally:
        remove(cluster)
    if args.main:
        here, there = [], []
        for _ in range(args.imports):  # alternately
            here += imports(str(Path(__file__).resolve().parents[1]), 1)
            there += imports(args.main, 1)
        print(
            f"cold `from woonlib.ui import build_dashboard`, median of {args.imports}: "
            f"with the store {median(here):.0f} ms, {args.main} {median(there):.0f} ms, "
            f"ratio {ratio(median(here), median(there)):.2f}"
        )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


def report(backend: str, got: dict[str, list[float]]) -> None:
    floor = median(got["floor"])
    print(f"{backend}: bare driver INSERT + COMMIT median {floor:.2f} ms")
    for op in ("save", "load", "submit"):
        m = median(got[op])
        print(f"  {op:<6} median {m:6.2f} ms  ({ratio(m, floor):.2f}x the floor, n={len(got[op])})")


if __name__ == "__main__":
    main()
