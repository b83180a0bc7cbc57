"""HAProxy in front of Voilà workers, for the tests and benchmarks (no tests in here).

- ``HAProxy(workers)`` writes the configuration `woonlib.serving.balancer` generates (with a
  stats socket and a log line per request on its standard output) into a temporary folder,
  checks it with ``haproxy -c``, starts ``haproxy -db`` on a free loopback port and waits
  until it accepts connections and every worker is up (nothing here GETs a page: that
  would start a kernel).
- ``start_workers(n, ...)`` starts `n` Voilà workers (``harness.voila``), each with its tag
  ($WOONLIB_WORKER_TAG) and cap ($WOONLIB_MAX_KERNELS); ``cluster(...)`` is both together.
- ``server_states()`` reads HAProxy's view of each worker (UP, DOWN, ...) from its socket;
  ``routed()`` parses its log: which worker each request went to.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from harness.voila import DEFAULT_NOTEBOOK, VoilaServer, _die_with_parent, free_port
from woonlib.serving.balancer import Options, Worker, busy_response, config, workers
from woonlib.serving.worker import WORKER_TAG_ENV, tag_for

DEBIAN_HAPROXY = "/usr/sbin/haproxy"
# An httplog line: ... <frontend> voila/<server> <timers> <status> ... "<method> <path> ..."
_ROUTED = re.compile(
    r" voila/(?P<server>\S+) \S+ (?P<status>-?\d+) .*\"(?P<method>[A-Z]+) (?P<path>\S+)"
)


def haproxy_binary() -> str | None:
    """`haproxy` on PATH, else Debian's /usr/sbin/haproxy if it exists."""
    exe = shutil.which("haproxy") or DEBIAN_HAPROXY
    return exe if Path(exe).exists() else None


def haproxy_version() -> str:
    """What ``haproxy -v`` prints first, e.g. "HAProxy version 2.6.12-1+deb12u4 ..."."""
    exe = haproxy_binary()
    if exe is None:
        raise FileNotFoundError("no haproxy: run `bash scripts/ensure_test_tools.sh` (as root)")
    run = subprocess.run([exe, "-v"], capture_output=True, text=True, timeout=30, check=True)
    return run.stdout.splitlines()[0]


def check_config(path: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    """``haproxy -c -f path``: exit code 0 when HAProxy accepts the configuration."""
    exe = haproxy_binary()
    if exe is None:
        raise FileNotFoundError("no haproxy: run `bash scripts/ensure_test_tools.sh` (as root)")
    return subprocess.run(
        [exe, "-c", "-f", str(path)], capture_output=True, text=True, timeout=30, check=False
    )


@dataclass(frozen=True)
class Route:
    """One request in HAProxy's log: the worker it went to, its status, method and path."""

    server: str
    status: int
    method: str
    path: str


class HAProxy:
    """One HAProxy process in front of `ws`; a context manager, or ``start()``/``stop()``."""

    def __init__(
        self,
        ws: Sequence[Worker],
        port: int | None = None,
        check_interval_s: float = 1.0,
        startup_timeout: float = 60.0,
    ) -> None:
        self.workers = list(ws)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.check_interval_s = check_interval_s
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen[str] | None = None
        self.dir = ""
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._reader: threading.Thread | None = None

    @property
    def socket_path(self) -> str:
        return os.path.join(self.dir, "haproxy.sock")

    def start(self, wait_up: bool = True) -> HAProxy:
        exe = haproxy_binary()
        if exe is None:
            raise FileNotFoundError("no haproxy: run `bash scripts/ensure_test_tools.sh`")
        self.dir = tempfile.mkdtemp(prefix="haproxy-harness-")
        errorfile = Path(self.dir, "busy-503.http")
        errorfile.write_bytes(busy_response())
        options = Options(
            bind=f"127.0.0.1:{self.port}",
            errorfile=str(errorfile),
            check_interval_s=self.check_interval_s,
            stats_socket=self.socket_path,
            log_stdout=True,
        )
        cfg = Path(self.dir, "haproxy.cfg")
        cfg.write_text(config(self.workers, options), encoding="utf-8")
        checked = check_config(cfg)
        if checked.returncode != 0:
            raise RuntimeError(f"haproxy -c refused {cfg}:\n{checked.stdout}{checked.stderr}")
        self.proc = subprocess.Popen(
            [exe, "-db", "-f", str(cfg)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
            preexec_fn=_die_with_parent,  # a killed test runner leaves no HAProxy behind
        )
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()
        try:
            self._wait_listening()
            if wait_up:
                for w in self.workers:
                    self.wait_for_state(w.name, "UP", timeout=self.startup_timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self, timeout: float = 10.0) -> None:
        proc = self.proc
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=timeout)
        if self._reader is not None:
            self._reader.join(timeout=5)
        if proc is not None and proc.stdout is not None:
            proc.stdout.close()
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> HAProxy:
        if self.proc is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- state ---------------------------------------------------------------------------
    def _read_log(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._lock:
                self._lines.append(line)

    @property
    def log(self) -> str:
        with self._lock:
            return "".join(self._lines)

    def routed(self) -> list[Route]:
        """Every request HAProxy has logged so far, in order."""
        out = []
        for line in self.log.splitlines():
            m = _ROUTED.search(line)
            if m:
                out.append(Route(m["server"], int(m["status"]), m["method"], m["path"]))
        return out

    def _wait_listening(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"haproxy exited with {self.proc.returncode}:\n{self.log}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1),
            ):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"haproxy not listening on {self.port}:\n{self.log}")
            time.sleep(0.1)

    def command(self, text: str) -> str:
        """One command on HAProxy's stats socket (e.g. "show stat"); its answer."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(5)
            s.connect(self.socket_path)
            s.sendall(text.encode() + b"\n")
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode(errors="replace")

    def server_states(self) -> dict[str, str]:
        """Each worker's status as HAProxy sees it: "UP", "DOWN", "UP 1/2", ..."""
        lines = self.command("show stat").splitlines()
        if not lines or not lines[0].startswith("# "):
            return {}
        head = lines[0][2:].split(",")
        name_i, sv_i, status_i = head.index("pxname"), head.index("svname"), head.index("status")
        names = {w.name for w in self.workers}
        states = {}
        for line in lines[1:]:
            cells = line.split(",")
            if len(cells) > status_i and cells[name_i] == "voila" and cells[sv_i] in names:
                states[cells[sv_i]] = cells[status_i]
        return states

    def wait_for_state(self, name: str, state: str, timeout: float = 60.0) -> float:
        """Wait until HAProxy reports worker `name` as `state` ("UP", "DOWN"); seconds."""
        t0 = time.monotonic()
        while self.server_states().get(name) != state:
            if time.monotonic() - t0 > timeout:
                raise TimeoutError(f"{name} not {state} within {timeout} s: {self.server_states()}")
            time.sleep(0.2)
        return time.monotonic() - t0


def start_workers(
    n: int,
    max_kernels: int | None = None,
    extra_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    notebook: str | None = None,
) -> tuple[list[Worker], list[VoilaServer]]:
    """`n` Voilà workers on free loopback ports, each with its tag and (if given) its own cap
    of `max_kernels`; they are stopped again if one fails to start. Their addresses are the
    ports they listen on (Voilà moves on if a kernel took the port meanwhile)."""
    servers: list[VoilaServer] = []
    try:
        for i in range(1, n + 1):
            wenv = {**(env or {}), WORKER_TAG_ENV: tag_for(i)}
            if max_kernels is not None:
                wenv["WOONLIB_MAX_KERNELS"] = str(max_kernels)
            server = VoilaServer(notebook or DEFAULT_NOTEBOOK, None, extra_args, env=wenv)
            servers.append(server.start())
    except BaseException:
        for s in servers:
            s.stop()
        raise
    return workers([f"127.0.0.1:{s.port}" for s in servers]), servers


@dataclass
class Cluster:
    """Workers and the HAProxy in front of them."""

    workers: list[Worker]
    servers: list[VoilaServer]
    proxy: HAProxy

    @property
    def url(self) -> str:
        return self.proxy.url

    def server_of(self, kernel_id: str) -> VoilaServer:
        """The worker's server whose tag `kernel_id` starts with."""
        for w, s in zip(self.workers, self.servers, strict=True):
            if kernel_id.startswith(w.tag):
                return s
        raise KeyError(f"no worker's tag starts {kernel_id}")


@contextlib.contextmanager
def cluster(
    n: int = 2,
    max_kernels: int | None = None,
    extra_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    notebook: str | None = None,
    check_interval_s: float = 1.0,
) -> Iterator[Cluster]:
    """`n` workers behind HAProxy, all stopped on exit."""
    ws, servers = start_workers(n, max_kernels, extra_args, env, notebook)
    try:
        with HAProxy(ws, check_interval_s=check_interval_s) as proxy:
            yield Cluster(ws, servers, proxy)
    finally:
        for s in servers:
            s.stop()
