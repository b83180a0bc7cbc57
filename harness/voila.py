"""Start the real Voilà server and a browser for tests and scripts (no tests in here).

- ``start_voila(...)`` runs ``python -P -m voila NOTEBOOK`` in the repository root, so that Voilà
  reads the repository's voila.json, with the repository's share/jupyter on JUPYTER_PATH (for
  the template voila.json names), on a free loopback port. It is ready when
  Voilà logs "Voilà is running at": nothing here ever polls ``GET /``, since every GET of the
  notebook starts a kernel and runs the notebook.
- ``launch_chromium(playwright)`` uses Debian's /usr/bin/chromium where it exists, else
  Playwright's own build (``python -m playwright install chromium`` on a developer's machine).
- ``wait_for_dashboard(page)`` waits until Voilà has rendered the page: spinner gone, every
  cell output rendered, every widget view drawn, and the DOM quiet for a moment.
- ``PageWatch(page)`` records a page's request URLs, errors and CSP violations.
- ``http_get(url)`` fetches a URL on loopback (never a proxy) and returns what came back,
  errors included; ``KernelPeak(server)`` samples how many kernels run while it is open;
  ``kernel_pid(id)`` finds a kernel's process; ``wait_until(condition, timeout, what)`` polls.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_NOTEBOOK = "notebooks/dashboard.ipynb"
READY_LINE = "Voilà is running at"
POOL_FILLED = re.compile(r"Kernel pool of .* is filled with \d+ kernel")

DEBIAN_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class VoilaServer:
    """One Voilà process (a process-group leader) and the kernels it starts.

    Use it as a context manager, or call ``start()`` and ``stop()``.
    """

    def __init__(
        self,
        notebook: str | os.PathLike[str] = DEFAULT_NOTEBOOK,
        port: int | None = None,
        extra_args: Sequence[str] = (),
        startup_timeout: float = 60.0,
        env: Mapping[str, str] | None = None,
    ) -> None:
        nb = Path(notebook)
        self.notebook = nb if nb.is_absolute() else REPO_ROOT / nb
        self.port = port or free_port()
        self.extra_args = tuple(extra_args)
        self.startup_timeout = startup_timeout
        self.extra_env = dict(env or {})
        self.url = ""
        self.proc: subprocess.Popen[str] | None = None
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._new_line = threading.Condition(self._lock)
        self._reader: threading.Thread | None = None
        self._conn_root = ""

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> VoilaServer:
        if not self.notebook.is_file():
            raise FileNotFoundError(f"no notebook at {self.notebook}")
        # Kernel connection files go here, so that stop() can find this server's kernels.
        self._conn_root = tempfile.mkdtemp(prefix="voila-harness-")
        cmd = [
            sys.executable,
            "-P",  # keep the working directory off sys.path: nothing there may shadow a module
            "-m",
            "voila",
            str(self.notebook),
            "--no-browser",
            f"--port={self.port}",
            "--Voila.ip=127.0.0.1",
            f"--Voila.connection_dir_root={self._conn_root}",
            *self.extra_args,
        ]
        env = {
            **os.environ,
            **self.extra_env,
            "PYTHONUNBUFFERED": "1",
            "JUPYTER_PATH": _jupyter_path(),
        }
        self.proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,  # Voilà reads voila.json from its working directory
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()
        try:
            # Voilà logs the URL on the line after "Voilà is running at:".
            match = self.wait_for_log(
                re.compile(re.escape(READY_LINE) + r":?\s*\n?\s*(http://\S+)"),
                timeout=self.startup_timeout,
            )
            self.url = match.group(1)
            self.port = urlsplit(self.url).port or self.port  # Voilà moves on if it is taken
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self, timeout: float = 15.0) -> None:
        """Stop Voilà (SIGTERM to its process group, which lets it shut its kernels down),
        then SIGKILL whatever is left: the group, and any kernel of this server still alive."""
        proc = self.proc
        if proc is not None and proc.poll() is None:
            _signal_group(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(proc.pid, signal.SIGKILL)
                proc.wait(timeout=timeout)
        # Kernels run in sessions of their own: end the ones that outlived Voilà, by pid.
        for pid in self.kernel_pids():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        if self._reader is not None:
            self._reader.join(timeout=5)
        if proc is not None and proc.stdout is not None:
            proc.stdout.close()
        if self._conn_root:
            shutil.rmtree(self._conn_root, ignore_errors=True)

    def kill(self, timeout: float = 15.0) -> None:
        """Kill Voilà and its kernels at once (SIGKILL, no shutdown): a worker that dies.
        ``stop()`` afterwards still cleans up."""
        pids = self.kernel_pids()
        proc = self.proc
        if proc is not None and proc.poll() is None:
            _signal_group(proc.pid, signal.SIGKILL)
            proc.wait(timeout=timeout)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)

    def __enter__(self) -> VoilaServer:
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

    # -- log -----------------------------------------------------------------------------
    def _read_log(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._new_line:
                self._lines.append(line)
                self._new_line.notify_all()
        with self._new_line:
            self._new_line.notify_all()

    @property
    def log(self) -> str:
        with self._lock:
            return "".join(self._lines)

    def wait_for_log(
        self, pattern: str | re.Pattern[str], timeout: float = 60.0, count: int = 1
    ) -> re.Match[str]:
        """Wait until the server's log (stdout and stderr) matches ``pattern`` ``count``
        times; return the last match."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        with self._new_line:
            while True:
                matches = list(rx.finditer("".join(self._lines)))
                if len(matches) >= count:
                    return matches[count - 1]
                if (
                    self.proc is not None
                    and self.proc.poll() is not None
                    and not (self._reader and self._reader.is_alive())
                ):
                    raise RuntimeError(
                        f"voila exited with code {self.proc.returncode} before logging "
                        f"{rx.pattern!r}:\n{''.join(self._lines)}"
                    )
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"voila did not log {rx.pattern!r} within {timeout} s:\n"
                        + "".join(self._lines)
                    )
                self._new_line.wait(timeout=min(left, 0.5))

    def wait_for_preheated_pool(
        self, timeout: float = 60.0, fills: int = 1, executed: bool = True
    ) -> None:
        """Wait until Voilà has logged that its preheated kernel pool is filled ``fills``
        times (1: at startup; it refills after each page that takes a kernel), and with
        ``executed`` also until every kernel is idle, i.e. the pool's kernel has run the
        notebook (the log line comes as soon as the kernel has started)."""
        t0 = time.monotonic()
        self.wait_for_log(POOL_FILLED, timeout=timeout, count=fills)
        if executed:
            self.wait_until_quiet(timeout=max(1.0, timeout - (time.monotonic() - t0)))

    # -- kernels -------------------------------------------------------------------------
    def kernel_ids(self) -> list[str]:
        """Ids of the kernels Voilà has logged as started and not as shut down."""
        log = self.log
        stopped = set(re.findall(r"Kernel shutdown: ([0-9a-f-]{36})", log))
        return [k for k in re.findall(r"Kernel started: ([0-9a-f-]{36})", log) if k not in stopped]

    def kernel_models(self) -> list[dict[str, Any]]:
        """Voilà's model (execution_state, last_activity, connections) of each live kernel,
        from GET /api/kernels/<id> (which starts nothing, unlike GET /)."""
        models = []
        for kernel_id in self.kernel_ids():
            try:
                with _NO_PROXY.open(f"{self.url}api/kernels/{kernel_id}", timeout=10) as r:
                    models.append(json.load(r))
            except urllib.error.HTTPError as e:
                if e.code != 404:  # 404: culled or shut down meanwhile
                    raise
        return models

    def is_quiet(self, quiet: float = 1.0) -> bool:
        """Whether every kernel is idle and has done nothing for ``quiet`` seconds."""
        now = datetime.now(UTC)
        return all(
            m["execution_state"] == "idle"
            and (now - datetime.fromisoformat(m["last_activity"])).total_seconds() >= quiet
            for m in self.kernel_models()
        )

    def wait_until_quiet(self, quiet: float = 1.0, timeout: float = 60.0) -> None:
        """Wait until every kernel is idle and has done nothing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while not self.is_quiet(quiet):
            if time.monotonic() > deadline:
                raise TimeoutError(f"kernels still busy after {timeout} s: {self.kernel_models()}")
            time.sleep(0.2)

    def kernel_pids(self) -> list[int]:
        """Pids of the live kernels this server started (Linux: read from /proc)."""
        proc_dir = Path("/proc")
        if not self._conn_root or not proc_dir.is_dir():
            return []
        pids = []
        for entry in proc_dir.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
                state = (entry / "stat").read_text().split(") ", 1)[1][:1]
            except (OSError, IndexError):
                continue
            # A kernel's command line names its connection file under our root; Voilà's
            # own names the root alone (no separator after it).
            if self._conn_root + os.sep in cmdline and state != "Z":
                pids.append(int(entry.name))
        return pids


def kernel_pid(kernel_id: str) -> int | None:
    """The pid of the live kernel process whose connection file names `kernel_id` (Linux:
    read from /proc), or None."""
    proc_dir = Path("/proc")
    if not proc_dir.is_dir():
        return None
    for entry in proc_dir.iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if f"kernel-{kernel_id}.json" in cmdline:
                return int(entry.name)
    return None


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> float:
    """Poll `condition()` every 0.25 s (no HTTP to Voilà's page) until true; the seconds it
    took. AssertionError naming `what` after `timeout` seconds."""
    t0 = time.monotonic()
    while not condition():
        if time.monotonic() - t0 > timeout:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.25)
    return time.monotonic() - t0


@dataclass
class Reply:
    """One HTTP reply: status, headers, body, and the seconds from request to whole body."""

    status: int
    headers: Any
    body: str
    seconds: float


def http_get(url: str, timeout: float = 120.0) -> Reply:
    """GET `url` (loopback only: no proxy) and read the whole body; HTTP errors are
    replies too. Note: a GET of a Voilà notebook starts a kernel."""
    if urlsplit(url).hostname not in LOOPBACK_HOSTS:
        raise ValueError(f"loopback only: {url}")
    t0 = time.perf_counter()
    try:
        with _NO_PROXY.open(url, timeout=timeout) as r:
            body = r.read().decode("utf-8", "replace")
            return Reply(r.status, r.headers, body, time.perf_counter() - t0)
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        return Reply(e.code, e.headers, body, time.perf_counter() - t0)


class KernelPeak:
    """The most kernel processes of `server` seen alive at once while open (a context
    manager sampling /proc every `interval` seconds in a thread)."""

    def __init__(self, server: VoilaServer, interval: float = 0.05) -> None:
        self.server = server
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, len(self.server.kernel_pids()))
            self._stop.wait(self.interval)

    def __enter__(self) -> KernelPeak:
        self.peak = len(self.server.kernel_pids())
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.peak = max(self.peak, len(self.server.kernel_pids()))


def write_notebook(path: str | os.PathLike[str], source: str) -> Path:
    """A one-cell Python 3 notebook holding `source`, written to `path` (floor notebooks)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(source)]
    nbformat.write(nb, path)
    return Path(path)


def _jupyter_path() -> str:
    """JUPYTER_PATH with the repository's share/jupyter first: it holds the "lab-offline"
    Voilà template that voila.json selects."""
    share = str(REPO_ROOT / "share" / "jupyter")
    rest = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != share]
    return os.pathsep.join([share, *rest])


def _load_libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc()  # loaded here, not in the forked child
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child before exec: on Linux, get SIGTERM when the process that started Voilà
    dies (a test runner killed by a timeout runs no ``finally``), so that Voilà still shuts
    its kernels down. Linux ties this to the starting thread: start Voilà from a thread that
    outlives it (the main thread, as pytest and the scripts do)."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def start_voila(
    notebook: str | os.PathLike[str] = DEFAULT_NOTEBOOK,
    port: int | None = None,
    extra_args: Sequence[str] = (),
    startup_timeout: float = 60.0,
    env: Mapping[str, str] | None = None,
) -> VoilaServer:
    """Start Voilà on ``notebook`` (relative to the repository root, or absolute) with the
    repository's configuration, on ``port`` or a free loopback port; return once it listens.

    ``extra_args`` are passed on the command line, after voila.json, and override it
    (e.g. ``["--MappingKernelManager.cull_idle_timeout=5"]``). ``env`` adds to (or
    overrides) the environment Voilà, and so every kernel it starts, inherits
    (e.g. ``{"WOONLIB_TEST_FAULT": "1"}``).
    """
    return VoilaServer(notebook, port, extra_args, startup_timeout, env).start()


# -- browser -----------------------------------------------------------------------------
def system_chromium() -> str | None:
    """$CHROMIUM_PATH, else Debian's /usr/bin/chromium if it exists."""
    exe = os.environ.get("CHROMIUM_PATH") or DEBIAN_CHROMIUM
    return exe if Path(exe).exists() else None


def chromium_available(playwright: Any) -> bool:
    """Whether launch_chromium() has a browser to start."""
    return system_chromium() is not None or Path(playwright.chromium.executable_path).exists()


def launch_chromium(playwright: Any, headless: bool = True, **kwargs: Any) -> Any:
    """A Chromium browser: $CHROMIUM_PATH or Debian's /usr/bin/chromium when present
    (Playwright cannot download its own build on every machine), else Playwright's own
    (``python -m playwright install chromium``)."""
    exe = system_chromium()
    args = [*CHROMIUM_ARGS, *kwargs.pop("args", ())]
    if exe:
        return playwright.chromium.launch(
            executable_path=exe, headless=headless, args=args, **kwargs
        )
    return playwright.chromium.launch(headless=headless, args=args, **kwargs)


_RENDERED_JS = """
([selector, settleMs]) => {
  const w = window;
  if (!w.__voilaHarnessObserver) {
    w.__voilaHarnessLastMutation = performance.now();
    w.__voilaHarnessObserver = new MutationObserver(() => {
      w.__voilaHarnessLastMutation = performance.now();
    });
    w.__voilaHarnessObserver.observe(document, {
      subtree: true, childList: true, attributes: true, characterData: true
    });
  }
  if (document.readyState !== 'complete') return false;
  if (document.getElementById('loading')) return false;             // Voilà's spinner
  const cells = document.getElementById('rendered_cells');
  if (!cells || cells.style.display === 'none') return false;
  // Outputs not yet handed to a renderer.
  if (document.querySelector('script[type="application/vnd.voila.cell-output+json"]')) {
    return false;
  }
  // A widget output is an empty lumino Panel until its view is attached.
  for (const out of document.querySelectorAll('.jp-OutputArea-output.lm-Panel')) {
    if (out.children.length === 0) return false;
  }
  if (selector && !document.querySelector(selector)) return false;
  return performance.now() - w.__voilaHarnessLastMutation >= settleMs;
}
"""


# What the served dashboard shows first (Overzicht's headline cards): the other tabs are built
# when first opened, so a chart is no sign of a rendered page.
DASHBOARD_SHOWN = ".wl-card"

# The tab in view is built (no placeholder of a tab not built yet) and every visible chart in
# it drawn by plotly (a tab's first opening may still be loading plotly.js).
_TAB_READY_JS = """
() => {
  const shown = Array.from(document.querySelectorAll('.widget-tab-contents > .lm-Widget'))
    .filter((el) => !el.classList.contains('lm-mod-hidden'));
  if (shown.length === 0) return false;
  for (const panel of shown) {
    if (panel.querySelector('.wl-tab-pending')) return false;
    for (const gd of panel.querySelectorAll('.wl-chart')) {
      if (gd.offsetParent !== null && !(gd.data && gd.querySelector('.main-svg'))) return false;
    }
  }
  return true;
}
"""


def wait_for_tab(page: Any, timeout: float = 60_000) -> None:
    """Wait until the tab in view is built and its charts drawn, then for the page to settle
    (`wait_for_dashboard`). ``timeout`` in milliseconds."""
    page.wait_for_function(_TAB_READY_JS, timeout=timeout, polling=100)
    wait_for_dashboard(page, timeout=timeout)


def wait_for_dashboard(
    page: Any,
    timeout: float = 60_000,
    selector: str | None = None,
    settle_ms: int = 300,
) -> float:
    """Wait until Voilà has rendered ``page``; return the seconds waited.

    Voilà 0.5 sets no "finished" flag on the page, so this waits for what a person sees:
    the spinner (#loading) gone and #rendered_cells shown, no cell output still waiting for
    its renderer, every widget output holding its view, ``selector`` (e.g.
    ``".js-plotly-plot"``) present when given, and no DOM change for ``settle_ms``.
    ``timeout`` is in milliseconds, like Playwright's.

    Under voila.json's Content-Security-Policy (no 'unsafe-eval') pass Playwright's
    ``wait_for_function`` a function (``"() => ..."``), never a bare expression: Playwright
    eval()s expressions inside the page, and the browser refuses.
    """
    t0 = time.perf_counter()
    page.wait_for_function(_RENDERED_JS, arg=[selector, settle_ms], timeout=timeout, polling=100)
    return time.perf_counter() - t0


# Voilà 0.5 lays the page out in a lumino panel as high as the window, and #rendered_cells
# scrolls inside it: a "full page" shot is a window as high as that content.
_CONTENT_HEIGHT_JS = """() => {
  const cells = document.getElementById('rendered_cells');
  if (!cells) return document.documentElement.scrollHeight;
  return Math.ceil(cells.getBoundingClientRect().top + window.scrollY + cells.scrollHeight);
}"""


def screenshot_full(
    page: Any, path: str | os.PathLike[str], viewport: dict[str, int], timeout: float = 60_000
) -> None:
    """Save the whole rendered page as PNG: grow the window to the content's height (a
    taller window can re-wrap it; up to three tries), shoot, then restore ``viewport``."""
    height = viewport["height"]
    for _ in range(3):
        needed = max(viewport["height"], int(page.evaluate(_CONTENT_HEIGHT_JS)))
        if needed == height:
            break
        height = needed
        page.set_viewport_size({"width": viewport["width"], "height": height})
        wait_for_dashboard(page, timeout=timeout)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)


_CSP_REPORTER_JS = """
document.addEventListener('securitypolicyviolation', (e) => {
  const blocked = e.blockedURI || '(inline)';
  console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + blocked);
});
"""


class PageWatch:
    """What a page did, recorded from before it loads: every request and websocket URL,
    uncaught errors, console errors, and Content-Security-Policy violations (voila.json
    sends a CSP)."""

    def __init__(self, page: Any) -> None:
        self.urls: list[str] = []
        self.page_errors: list[str] = []
        self.csp_violations: list[str] = []
        self.console_errors: list[str] = []
        page.add_init_script(_CSP_REPORTER_JS)
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("websocket", lambda ws: self.urls.append(ws.url))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("console", self._on_console)

    def _on_console(self, message: Any) -> None:
        if message.text.startswith("CSP violation: "):
            self.csp_violations.append(message.text)
        elif message.type == "error":
            self.console_errors.append(message.text)

    def non_loopback(self) -> list[str]:
        return non_loopback(self.urls)


def non_loopback(urls: Iterable[str]) -> list[str]:
    """The URLs in ``urls`` that go to a host other than this machine's loopback
    (data:, blob: and about: URLs go to no host and are left out)."""
    bad = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if parts.hostname is None or parts.hostname not in LOOPBACK_HOSTS:
            bad.append(url)
    return bad
