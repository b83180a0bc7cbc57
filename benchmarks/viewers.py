"""Measurement 5: N viewers at once — N−2 plain GETs of the page plus 2 real browser pages.

Measured on the servers without preheated kernels (with voila.json's pool of one, only the
first viewer of a crowd gets a kernel that has run the notebook; each later one waits for the
refill that the previous one started, so a crowd costs the same).

Every GET of a Voilà notebook runs it in a kernel of its own, so a plain GET that reads the
whole streamed HTML costs the server what a viewer costs before the browser connects. The two
browser pages show what a person sees under that load (time to the first chart and to all
charts). Memory is sampled twice a second: Voilà's RSS plus every kernel's. Afterwards the
pages are closed and the server must cull the kernels (see `cull_args`) back to its baseline.
Loopback only, and bounded: every request and page has a timeout.
"""

from __future__ import annotations

import threading
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from benchmarks.harness import server_rss_mb
from benchmarks.inpage import RENDER_TIMES_JS, WAIT_RENDERED_JS, render_watch_script
from benchmarks.pages import PAGE_TIMEOUT_MS, open_page, page_errors, quiet
from benchmarks.render import Notebook

BROWSER_PAGES = 2
GET_TIMEOUT_S = 300


def cull_args(idle_s: int) -> list[str]:
    """voila.json's culling, but after `idle_s` idle seconds instead of
    900, checked every 2 s. Only for servers without preheated kernels: a preheated kernel
    that idled longer than that in the pool is culled as soon as a page takes it, before the
    page connects (voila.json has the same race at 900 s, see README)."""
    return [
        f"--MappingKernelManager.cull_idle_timeout={idle_s}",
        "--MappingKernelManager.cull_interval=2",
    ]


FAILED_CELL = "There was an error when executing cell"
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Crowd:
    """What N simultaneous viewers got."""

    viewers: int
    rendered: int = 0
    html: list[float] = field(default_factory=list)  # [s] request → whole HTML, each viewer
    first_chart: list[float] = field(default_factory=list)  # [s] browser pages
    all_charts: list[float] = field(default_factory=list)  # [s] browser pages
    peak_mb: float = 0.0  # Voilà + kernels [MB]
    baseline_mb: float = 0.0  # before, with only the pool's kernel (if any)
    after_mb: float = 0.0  # after culling
    baseline_kernels: int = 0  # the preheated pool's one kernel, or none
    kernels_after: int = 0
    back_to_baseline_s: float = float("nan")
    errors: list[str] = field(default_factory=list)


def _get(url: str, crowd: Crowd, lock: threading.Lock, start: threading.Event) -> None:
    start.wait()
    t0 = time.perf_counter()
    try:
        with _NO_PROXY.open(url, timeout=GET_TIMEOUT_S) as response:
            body = response.read().decode("utf-8", errors="replace")
            ok = response.status == 200 and "</html>" in body and FAILED_CELL not in body
    except OSError as exc:
        ok = False
        with lock:
            crowd.errors.append(f"GET: {exc}")
    with lock:
        if ok:
            crowd.rendered += 1
            crowd.html.append(time.perf_counter() - t0)


class Sampler(threading.Thread):
    """Peak of Voilà + kernels RSS, sampled every `every` seconds until stopped."""

    def __init__(self, server: Any, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.server, self.every, self.peak = server, every, 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, server_rss_mb(self.server))
            self.stop.wait(self.every)


def measure(browser: Any, server: Any, viewers: int, nb: Notebook, cull_s: int) -> Crowd:
    """`viewers` viewers at once (2 in browsers, the rest plain GETs) on a server without
    preheated kernels, started with `cull_args(cull_s)`, once earlier pages' kernels are
    culled."""
    crowd = Crowd(viewers, baseline_kernels=0)
    _wait_for_culling(server, crowd, cull_s + 60)
    quiet(server, preheated=False)
    crowd.baseline_mb = server_rss_mb(server)
    lock, start = threading.Lock(), threading.Event()
    getters = [
        threading.Thread(target=_get, args=(server.url, crowd, lock, start), daemon=True)
        for _ in range(max(0, viewers - BROWSER_PAGES))
    ]
    sampler = Sampler(server)
    sampler.start()
    for g in getters:
        g.start()
    start.set()
    opened = [
        open_page(browser, server.url, render_watch_script(nb.chart, nb.charts))
        for _ in range(min(viewers, BROWSER_PAGES))
    ]
    try:
        for _, page, watch in opened:
            _wait_page(page, crowd)
            crowd.errors.extend(page_errors(watch))
        for g in getters:
            g.join(GET_TIMEOUT_S)
    finally:
        sampler.stop.set()
        sampler.join()
        crowd.peak_mb = sampler.peak
        for context, _, _ in opened:
            context.close()
    _wait_for_culling(server, crowd, cull_s + 60)
    return crowd


def _wait_page(page: Any, crowd: Crowd) -> None:
    try:
        page.wait_for_function(WAIT_RENDERED_JS, timeout=PAGE_TIMEOUT_MS, polling=100)
    except Exception as exc:  # a page that never rendered is a result, not a crash
        crowd.errors.append(f"page: {exc}")
        return
    t = page.evaluate(RENDER_TIMES_JS)
    crowd.rendered += 1
    crowd.html.append(t["responseEnd"] / 1000)
    crowd.first_chart.append(t["firstChart"] / 1000)
    crowd.all_charts.append(t["allCharts"] / 1000)


def _wait_for_culling(server: Any, crowd: Crowd, timeout: float) -> None:
    """Wait until the server is back to its baseline number of kernels (pages closed)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        crowd.kernels_after = len(server.kernel_pids())
        if crowd.kernels_after <= crowd.baseline_kernels:
            crowd.back_to_baseline_s = time.monotonic() - t0
            break
        time.sleep(0.5)
    crowd.after_mb = server_rss_mb(server)
