"""A throwaway PostgreSQL server for the store's tests: Debian's `postgresql` package
(scripts/ensure_test_tools.sh installs it), a cluster made with initdb in a temporary folder,
listening on a free loopback port and a socket in that folder, removed afterwards.

initdb refuses to run as root: as root the cluster is made and run as the `postgres` user
that Debian's package creates (through `runuser`).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

USER = "woonlib"  # the cluster's superuser (trust authentication on loopback only)
INSTALL = "bash scripts/ensure_test_tools.sh (as root: apt-get install postgresql)"


def bindir() -> Path:
    """The folder of initdb and pg_ctl: the newest /usr/lib/postgresql/<ver>/bin, or PATH's."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError(f"PostgreSQL's initdb was not found: run {INSTALL}")
    return Path(initdb).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """A running cluster: its folder, port and the server's process (`pid`)."""

    root: Path
    port: int
    bin: Path
    run_as: str | None

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False, cwd=self.root
        )

    def _checked(self, *args: str) -> None:
        done = self._run(*args)
        if done.returncode:
            log = self.root / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr}{done.stdout}{tail}")

    def start(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            f"-c unix_socket_directories={self.root} -c max_connections=60"
        )
        self._checked(
            "pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "120", "start",
        )  # fmt: skip

    @property
    def pid(self) -> int:
        """The postmaster's process id (the first line of postmaster.pid)."""
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def new_database(self) -> str:
        """A fresh, empty database's URL (one per test: nothing left from another)."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        dsn = f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def start_cluster() -> Cluster:
    """initdb a new cluster in a temporary folder and start it (the caller stops it)."""
    run_as = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="woonlib-pg-"))
    if run_as:
        shutil.chown(root, user=run_as)
    cluster = Cluster(root, free_port(), bindir(), run_as)
    cluster._checked(
        "initdb", "-D", str(cluster.data), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync"
    )
    cluster.start()
    return cluster


def remove(cluster: Cluster) -> None:
    """Stop the cluster and remove its folder."""
    try:
        cluster.stop()
    finally:
        shutil.rmtree(cluster.root, ignore_errors=True)
