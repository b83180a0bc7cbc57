"""The store under load and faults, on SQLite and on a real PostgreSQL: 20 participants
submitting at once from separate processes are all stored, and every write committed
before a writer (or PostgreSQL's server) is killed with SIGKILL is still there."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.postgres import Cluster
from woonlib.store import scenarios, workshops
from woonlib.store.database import open_store

REPO_ROOT = Path(__file__).resolve().parents[1]
WRITERS = 20
TIMEOUT = 240  # seconds: 20 Python processes on two busy cores


def writer(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store_writer", *args],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line:
        process.wait(timeout=30)
        assert process.stderr is not None
        pytest.fail(f"writer ended early: {process.stderr.read()[-3000:]}")
    return line


def test_twenty_participants_submitting_at_once_are_all_stored(
    store_url: str, tmp_path: Path
) -> None:
    store = open_store(store_url)
    workshops.open_workshop(store, "Drukte", "DRUKTE")
    go = tmp_path / "go"
    with ExitStack() as running:  # each writer killed if still running, its pipes closed
        processes = [
            running.enter_context(
                writer("submit", store_url, "DRUKTE", f"deelnemer-{i:02}", str(go))
            )
            for i in range(WRITERS)
        ]
        for p in processes:
            running.callback(p.kill)
        assert [read_line(p) for p in processes] == ["ready"] * WRITERS
        go.touch()  # all at once
        assert [read_line(p) for p in processes] == ["done"] * WRITERS
        assert [p.wait(timeout=TIMEOUT) for p in processes] == [0] * WRITERS
    got = workshops.submitted(store, "DRUKTE")
    assert [s.participant for s in got] == [f"deelnemer-{i:02}" for i in range(WRITERS)]
    assert [s.assumptions.build_rate for s in got] == [500 + 50 * i for i in range(WRITERS)]
    store.close()


def committed_until_killed(process: subprocess.Popen[str], kill: int, then: object) -> set[int]:
    """Read "committed I" lines until `kill` of them, call `then` (the kill), read the rest."""
    assert read_line(process) == "ready"
    done: set[int] = set()
    while len(done) < kill:
        done.add(int(read_line(process).split()[1]))
    then()  # type: ignore[operator]
    assert process.stdout is not None
    rest = process.stdout.read()  # what it printed before it died
    done.update(int(line.split()[1]) for line in rest.splitlines() if line.startswith("committed"))
    process.wait(timeout=30)
    return done


def test_every_committed_write_survives_a_writer_killed_mid_burst(store_url: str) -> None:
    open_store(store_url).close()
    with writer("burst", store_url, "burst", "100000") as process:
        done = committed_until_killed(process, 40, lambda: os.kill(process.pid, signal.SIGKILL))
    assert process.returncode == -signal.SIGKILL
    store = open_store(store_url)
    stored = {s.name for s in scenarios.scenarios(store)}
    assert {f"burst-{i}" for i in done} <= stored
    assert len(stored) in (len(done), len(done) + 1)  # one more: committed, not yet printed
    assert scenarios.save(store, "na de kill", "Anna", "", {}).version == 1
    store.close()
    if "://" not in store_url:
        with sqlite3.connect(store_url) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_every_committed_write_survives_postgresql_killed_and_restarted(
    postgres: Cluster,
) -> None:
    url = postgres.new_database()
    open_store(url).close()

    def kill_server() -> None:
        os.kill(postgres.pid, signal.SIGKILL)  # the postmaster: no shutdown, no checkpoint

    try:
        with writer("burst", url, "burst", "100000") as process:
            done = committed_until_killed(process, 40, kill_server)
    finally:
        deadline = time.monotonic() + 60
        while (postgres.data / "postmaster.pid").exists() and time.monotonic() < deadline:
            try:  # the killed postmaster's children end on their own; restart after them
                postgres.start()
                break
            except RuntimeError:
                time.sleep(0.5)
    assert process.returncode != 0  # the writer lost its server mid-write
    store = open_store(url)
    stored = {s.name for s in scenarios.scenarios(store)}
    assert {f"burst-{i}" for i in done} <= stored
    store.close()
