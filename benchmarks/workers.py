"""Measurement 7: two Voilà workers behind HAProxy against one Voilà directly.

- **Crowd.** N viewers at once (40; quick: 3) as in measurement 5 (`viewers.measure`: N−2
  plain GETs reading the whole HTML, 2 browser pages to their first view), through HAProxy
  in front of two workers, then straight to one Voilà; both cold (no preheated kernel) with
  fast culling, each worker capped at half the machine's cap so that both sides have the
  same. Failures: viewers not rendered. While a crowd runs, /proc is sampled every 0.5 s:
  each kernel's RSS and CPU time, the Voilà processes' and HAProxy's RSS and CPU time: the
  memory and CPU a viewer costs (the README's capacity table).
- **Proxy latency.** Slider moves (Huishoudens & programma, as in measurement 2) in a page
  through HAProxy and in a page straight to the same preheated worker behind it,
  alternating: what a move gains through the proxy (target: at most 5 ms at p95).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from benchmarks import slider, viewers
from benchmarks.harness import cpu_seconds, rss_mb, start_voila
from benchmarks.render import Loads, Notebook
from benchmarks.report import Row
from benchmarks.stats import median, percentile, ratio
from harness.haproxy import Cluster, cluster
from woonlib.serving.capacity import default_max_kernels

WORKERS = 2
PROXY_LIMIT_MS = 5.0  # [ms] at most this much more per slider move at p95 through HAProxy
# [s] idle before culling: not measurement 5's 5 s of quick mode, which on a loaded machine
# culls a kernel whose page is still loading its scripts (seen here: 404 on its websocket).
# Closed pages end their kernels themselves; the crowd's plain GETs end after 60 s.
CULL_S = 60


class ClusterView:
    """Workers behind HAProxy as `viewers.measure` sees one server: HAProxy's URL, every
    worker's kernels, and the workers' and HAProxy's own processes."""

    def __init__(self, c: Cluster) -> None:
        self.cluster, self.url = c, c.url

    def kernel_pids(self) -> list[int]:
        return [pid for s in self.cluster.servers for pid in s.kernel_pids()]

    def kernel_models(self) -> list[dict[str, Any]]:
        return [m for s in self.cluster.servers for m in s.kernel_models()]

    def own_pids(self) -> list[int]:
        procs = [*(s.proc for s in self.cluster.servers), self.cluster.proxy.proc]
        return [p.pid for p in procs if p is not None]


class Proxied:
    """A worker's server, reached through HAProxy's URL (everything else is the worker's)."""

    def __init__(self, server: Any, url: str) -> None:
        self._server, self.url = server, url

    def __getattr__(self, name: str) -> Any:
        return getattr(self._server, name)


@dataclass
class Usage:
    """What a crowd's processes used: per kernel its peak RSS and its CPU time; the
    servers' (Voilà, HAProxy) peak RSS and CPU time over the crowd."""

    kernel_rss: dict[int, float] = field(default_factory=dict)  # pid -> [MB] peak
    kernel_cpu: dict[int, float] = field(default_factory=dict)  # pid -> [s] last seen
    server_rss: dict[int, float] = field(default_factory=dict)  # pid -> [MB] peak
    server_cpu: dict[int, float] = field(default_factory=dict)  # pid -> [s] used meanwhile

    @property
    def cpu_total(self) -> float:
        return sum(self.kernel_cpu.values()) + sum(self.server_cpu.values())


@contextmanager
def sampling(server: Any, every: float = 0.5) -> Iterator[Usage]:
    """Sample `server`'s kernels and own processes (and HAProxy's) while open."""
    usage, stop = Usage(), threading.Event()
    own = list(server.own_pids()) if hasattr(server, "own_pids") else [server.proc.pid]
    start_cpu = {pid: cpu_seconds(pid) for pid in own}

    def run() -> None:
        while not stop.is_set():
            for pid in server.kernel_pids():
                usage.kernel_rss[pid] = max(usage.kernel_rss.get(pid, 0.0), rss_mb(pid))
                usage.kernel_cpu[pid] = max(usage.kernel_cpu.get(pid, 0.0), cpu_seconds(pid))
            for pid in own:
                usage.server_rss[pid] = max(usage.server_rss.get(pid, 0.0), rss_mb(pid))
            stop.wait(every)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield usage
    finally:
        stop.set()
        thread.join(timeout=10)
        usage.server_cpu = {pid: cpu_seconds(pid) - start_cpu[pid] for pid in own}


@dataclass
class Side:
    """One side of the comparison: its crowd and what the crowd used."""

    crowd: viewers.Crowd
    usage: Usage
    haproxy_mb: float = float("nan")
    worker_mb: float = float("nan")  # the largest Voilà process


def cold_args(cull_s: int) -> list[str]:
    return ["--VoilaConfiguration.preheat_kernel=False", *viewers.cull_args(cull_s)]


def crowd_direct(browser: Any, n: int, nb: Notebook, cull_s: int) -> Side:
    with start_voila(nb.path, extra_args=cold_args(cull_s), startup_timeout=120) as server:
        with sampling(server) as usage:
            crowd = viewers.measure(browser, server, n, nb, cull_s)
        return Side(crowd, usage, worker_mb=max(usage.server_rss.values(), default=float("nan")))


def crowd_proxied(browser: Any, n: int, nb: Notebook, cull_s: int) -> Side:
    cap = max(2, default_max_kernels() // WORKERS)
    with cluster(WORKERS, cap, extra_args=cold_args(cull_s), notebook=nb.path) as c:
        view = ClusterView(c)
        with sampling(view) as usage:
            crowd = viewers.measure(browser, view, n, nb, cull_s)
        proxy_pid = c.proxy.proc.pid if c.proxy.proc else -1
        workers = [v for pid, v in usage.server_rss.items() if pid != proxy_pid]
        return Side(crowd, usage, usage.server_rss.get(proxy_pid, float("nan")), max(workers))


def slider_moves(
    browser: Any, nb: Notebook, moves: int, rounds: int, quiet_ms: int
) -> tuple[list[float], list[float]]:
    """Slider latencies [ms] straight to one preheated worker and through HAProxy in front of
    it, `rounds` pages of each, alternating, `moves` moves a page."""
    direct: list[float] = []
    proxied: list[float] = []
    case = slider.PROGRAMME
    with cluster(1, notebook=nb.path) as c:
        server = c.servers[0]
        through = Proxied(server, c.url)
        for _ in range(rounds):
            for target, out in ((server, direct), (through, proxied)):
                m = slider.measure(browser, target, nb, [case], moves, quiet_ms, Loads())[0]
                out.extend(m.latencies)
    return direct, proxied


def rows(prox: Side, direct: Side, n: int, moves: tuple[list[float], list[float]]) -> list[Row]:
    """The table's rows: HAProxy + two workers in the Dashboard column, one Voilà in Floor."""
    who = f"{n} viewers, HAProxy + {WORKERS} workers / one Voilà"
    p, d = prox.crowd, direct.crowd
    fails_p, fails_d = n - p.rendered, n - d.rendered
    errors = f"errors {len(p.errors)}/{len(d.errors)}" + (
        f", first: {next(iter([*p.errors, *d.errors]))[:120]}" if p.errors or d.errors else ""
    )
    straight, through = moves
    s95, t95 = percentile(straight, 95), percentile(through, 95)
    kernel_p, kernel_d = (
        median(list(prox.usage.kernel_rss.values())),
        median(list(direct.usage.kernel_rss.values())),
    )
    cpu_p, cpu_d = prox.usage.cpu_total / n, direct.usage.cpu_total / n
    return [
        Row(f"{who}: failures [of {n}]", fails_p, fails_d, "0", fails_p == 0, errors, 0),
        Row(f"{who}: full HTML p95 [s]", percentile(p.html, 95), percentile(d.html, 95), digits=2),
        Row(
            f"{who}: first view p95 [s]",
            percentile(p.first_chart, 95),
            percentile(d.first_chart, 95),
            notes=f"the {viewers.BROWSER_PAGES} browser pages",
            digits=2,
        ),
        Row(
            "Slider through HAProxy / straight to the worker, p95 [ms]",
            t95,
            s95,
            f"≤ +{PROXY_LIMIT_MS:.0f} ms",
            t95 - s95 <= PROXY_LIMIT_MS,
            f"n={len(through)}/{len(straight)}; gain {t95 - s95:+.1f} ms; p50 "
            f"{percentile(through, 50):.0f}/{percentile(straight, 50):.0f} ms",
            0,
        ),
        Row(
            f"{who}: kernel RSS at its peak, median [MB]",
            kernel_p,
            kernel_d,
            notes=f"kernels per GB: {ratio(1024, kernel_p):.1f}/{ratio(1024, kernel_d):.1f}",
            digits=0,
        ),
        Row(
            f"{who}: largest Voilà process RSS [MB]",
            prox.worker_mb,
            direct.worker_mb,
            notes=f"HAProxy {prox.haproxy_mb:.1f} MB",
            digits=0,
        ),
        Row(
            f"{who}: CPU per viewer, kernels + servers [s]",
            cpu_p,
            cpu_d,
            notes=f"viewers per core-minute: {ratio(60, cpu_p):.1f}/{ratio(60, cpu_d):.1f}",
            digits=2,
        ),
    ]


def section(
    browser: Any, nb: Notebook, n: int, moves: int, cull_s: int, quiet_ms: int
) -> list[Row]:
    """The crowd on both sides, then the slider through the proxy and straight."""
    cull_s = max(cull_s, CULL_S)
    prox = crowd_proxied(browser, n, nb, cull_s)
    direct = crowd_direct(browser, n, nb, cull_s)
    rounds = 2 if moves >= 20 else 1
    latencies = slider_moves(browser, nb, max(1, moves // rounds), rounds, quiet_ms)
    return rows(prox, direct, n, latencies)
