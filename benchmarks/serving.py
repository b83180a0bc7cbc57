"""Serving under churn and abuse: ``python -m benchmarks.serving [--quick] [--out FILE]``.

Each case runs twice in the same go, against the real Voilà with the repository's voila.json:
**after** (as configured: woonlib's ServingKernelManager) and **before** (the same settings
with jupyter_server's stock AsyncMappingKernelManager named on the command line, i.e. what
voila.json served before the cap). Loopback only; every request has a timeout.

1. Closed pages: three pages opened in Chromium and closed; extra kernels 10 s later.
2. Never connected: two plain GETs (no browser); extra kernels 90 s after they were served.
3. Storm: WOONLIB_MAX_KERNELS=4, twelve parallel GETs: the most kernels alive at once
   (/proc, every 50 ms), how many were refused with 503 and how fast, and once the storm's
   kernels have ended (unconnected timeout; the stock manager: culling after 10 s idle), the
   time until a real page renders in Chromium; the Voilà process's RSS before the storm,
   at its peak and after the kernels' end (three storms in a row: 36 requests).

``--pool`` instead measures bursts of 10 and 20 viewers (plain GETs at once, time to the
whole HTML) with preheated pools of 0, 1 and 2 kernels, to choose voila.json's pool size;
``--lean 0`` runs it with every import kept in the kernels (WOONLIB_LEAN_KERNEL=0).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.harness import REPO_ROOT, launch_chromium, rss_mb, start_voila, vh

STOCK = [
    "--VoilaConfiguration.multi_kernel_manager_class="
    "jupyter_server.services.kernels.kernelmanager.AsyncMappingKernelManager"
]
FAST_CULL = [
    "--MappingKernelManager.cull_idle_timeout=10",
    "--MappingKernelManager.cull_interval=2",
]
DEFAULT_OUT = REPO_ROOT / "benchmarks" / "serving.md"
VIEWPORT = {"width": 1400, "height": 900}


def progress(message: str) -> None:
    print(f"[serving] {message}", file=sys.stderr, flush=True)


@dataclass
class Outcome:
    """What one configuration did, case by case."""

    label: str
    closed_left: int = -1  # extra kernels 10 s after three pages closed
    unconnected_left: int = -1  # extra kernels 90 s after two plain GETs
    peak: int = 0  # most kernels at once during a storm
    statuses: dict[int, int] = field(default_factory=dict)  # status -> count, all storms
    refused_s: list[float] = field(default_factory=list)  # seconds to each 503
    page_after_s: float = float("nan")  # kernels free -> a real page drawn
    rss: list[float] = field(default_factory=list)  # Voilà's own RSS [MB]: start, peak, end


def _live(server: Any) -> int:
    return len(server.kernel_pids())


def _wait(condition: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


def closed_pages(pw: Any, args: list[str], out: Outcome) -> None:
    with start_voila(extra_args=args) as server:
        server.wait_for_preheated_pool(timeout=120)
        base = _live(server)
        browser = launch_chromium(pw)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            for _ in range(3):
                page = context.new_page()
                page.goto(server.url)
                vh.wait_for_dashboard(page, timeout=120_000, selector=vh.DASHBOARD_SHOWN)
                page.close(run_before_unload=True)
            time.sleep(10)
            out.closed_left = _live(server) - base
        finally:
            browser.close()


def never_connected(args: list[str], out: Outcome, wait_s: float) -> None:
    with start_voila(extra_args=args) as server:
        server.wait_for_preheated_pool(timeout=120)
        base = _live(server)
        for _ in range(2):
            vh.http_get(server.url, timeout=180)
        time.sleep(wait_s)
        out.unconnected_left = _live(server) - base


def _storm(server: Any, n: int, out: Outcome) -> None:
    barrier = threading.Barrier(n)

    def one() -> None:
        barrier.wait()
        reply = vh.http_get(server.url, timeout=300)
        out.statuses[reply.status] = out.statuses.get(reply.status, 0) + 1
        if reply.status == 503:
            out.refused_s.append(reply.seconds)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=400)


class _RssPeak:
    """The highest RSS of process `pid` [MB] while open, sampled every 0.25 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            self.peak = max(self.peak, rss_mb(self.pid))

    def __enter__(self) -> _RssPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def storms(pw: Any, args: list[str], out: Outcome, waves: int, cap: int) -> None:
    # Pool kernels beat every 3 s, so that the 10 s culling spares the pool's kernel.
    env = {"WOONLIB_MAX_KERNELS": str(cap), "WOONLIB_KEEPALIVE_SECONDS": "3"}
    with start_voila(extra_args=args, env=env) as server:
        server.wait_for_preheated_pool(timeout=120)
        base = _live(server)
        assert server.proc is not None
        pid = server.proc.pid
        out.rss = [rss_mb(pid), 0.0, 0.0]
        for wave in range(waves):
            with vh.KernelPeak(server) as peak, _RssPeak(pid) as rss_peak:
                _storm(server, 3 * cap, out)
            out.rss[1] = max(out.rss[1], rss_peak.peak)
            out.peak = max(out.peak, peak.peak)
            t0 = time.monotonic()
            ended = _wait(lambda: _live(server) <= base, 150)
            progress(
                f"{out.label}: storm {wave + 1}: kernels back to {_live(server)} "
                f"({'ended' if ended else 'NOT ended'}) after {time.monotonic() - t0:.0f} s"
            )
            if wave == 0:
                browser = launch_chromium(pw)
                try:
                    page = browser.new_page(viewport=VIEWPORT)
                    t1 = time.perf_counter()
                    response = page.goto(server.url)
                    if response is not None and response.status == 200:
                        try:
                            vh.wait_for_dashboard(
                                page, timeout=120_000, selector=vh.DASHBOARD_SHOWN
                            )
                            out.page_after_s = time.perf_counter() - t1
                        except Exception:  # a page that never renders is a result
                            progress(f"{out.label}: the page after the storm did not render")
                    page.close(run_before_unload=True)
                finally:
                    browser.close()
                _wait(lambda: _live(server) <= base, 60)
        time.sleep(3)
        out.rss[2] = rss_mb(pid)


@dataclass
class Burst:
    """N viewers at once on a server with a preheated pool of `pool` kernels."""

    pool: int
    viewers: int
    html_s: list[float] = field(default_factory=list)  # request -> whole HTML, each viewer
    failed: int = 0


def _pool_args(pool: int) -> list[str]:
    if pool == 0:
        return ["--VoilaConfiguration.preheat_kernel=False"]
    return [f"--VoilaConfiguration.default_pool_size={pool}"]


def bursts(pools: Sequence[int], crowds: Sequence[int], lean: str) -> list[Burst]:
    """For each pool size, one server; each crowd once its pool is full and it is quiet."""
    from benchmarks.pages import quiet

    results = []
    fast_end = [
        "--ServingKernelManager.unconnected_timeout=5",
        "--ServingKernelManager.unconnected_interval=1",
    ]
    for pool in pools:
        with start_voila(
            extra_args=[*_pool_args(pool), *fast_end], env={"WOONLIB_LEAN_KERNEL": lean}
        ) as server:
            for n in crowds:
                _wait(lambda p=pool: _live(server) <= p, 240)
                if pool:  # the pool's kernels start and run the notebook
                    server.wait_for_log(vh.POOL_FILLED, timeout=240)
                    time.sleep(20)
                else:
                    quiet(server, preheated=False, timeout=240, idle_s=2.0)
                burst = Burst(pool, n)
                barrier = threading.Barrier(n)
                lock = threading.Lock()

                def one(
                    burst: Burst = burst,
                    barrier: threading.Barrier = barrier,
                    lock: threading.Lock = lock,
                ) -> None:
                    barrier.wait()
                    reply = vh.http_get(server.url, timeout=300)
                    with lock:
                        if reply.status == 200 and "</html>" in reply.body:
                            burst.html_s.append(reply.seconds)
                        else:
                            burst.failed += 1

                threads = [threading.Thread(target=one) for _ in range(n)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join(timeout=400)
                results.append(burst)
                progress(
                    f"pool {pool}, {n} viewers: p50 {_pct(burst.html_s, 50):.1f} s, "
                    f"p95 {_pct(burst.html_s, 95):.1f} s, failed {burst.failed}"
                )
    return results


def _pct(samples: list[float], q: float) -> float:
    from benchmarks.stats import percentile

    return percentile(samples, q) if samples else float("nan")


def burst_table(results: list[Burst]) -> str:
    lines = [
        "| Preheated pool | Viewers at once | Whole HTML p50 [s] | p95 [s] | max [s] | failed |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for b in results:
        top = max(b.html_s) if b.html_s else float("nan")
        lines.append(
            f"| {b.pool} | {b.viewers} | {_pct(b.html_s, 50):.1f} | "
            f"{_pct(b.html_s, 95):.1f} | {top:.1f} | {b.failed} |"
        )
    return "\n".join(lines) + "\n"


def run(quick: bool) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    outcomes = []
    waves = 1 if quick else 3
    unconnected_wait = 20 if quick else 90
    with sync_playwright() as pw:
        for label, args in (("after", []), ("before", STOCK)):
            out = Outcome(label)
            quick_args = (
                ["--ServingKernelManager.unconnected_timeout=5"]
                if quick and label == "after"
                else []
            )
            closed_pages(pw, args, out)
            progress(f"{label}: closed pages: {out.closed_left} extra kernels after 10 s")
            never_connected([*args, *quick_args], out, unconnected_wait)
            progress(f"{label}: never connected: {out.unconnected_left} extra kernels")
            storms(pw, [*args, *FAST_CULL, *quick_args], out, waves, cap=4)
            progress(f"{label}: storms: peak {out.peak}, statuses {out.statuses}, RSS {out.rss}")
            outcomes.append(out)
    return outcomes


def _secs(value: float) -> str:
    return "not drawn in 120 s" if value != value else f"{value:.1f}"


def table(outcomes: list[Outcome], waves: int) -> str:
    after, before = outcomes

    def refused(o: Outcome) -> str:
        if not o.refused_s:
            return "none refused"
        s = sorted(o.refused_s)
        return f"{len(s)}, median {s[len(s) // 2] * 1000:.0f} ms, max {s[-1] * 1000:.0f} ms"

    def statuses(o: Outcome) -> str:
        return ", ".join(f"{n}× {code}" for code, n in sorted(o.statuses.items()))

    def rss(o: Outcome) -> str:
        start, peak, end = o.rss
        return f"{start:.0f} → peak {peak:.0f} → {end:.0f} MB ({end - start:+.0f} MB)"

    rows = [
        (
            "Three pages opened and closed: extra kernels 10 s later",
            after.closed_left,
            before.closed_left,
        ),
        (
            "Two never-connected GETs: extra kernels 90 s later",
            after.unconnected_left,
            before.unconnected_left,
        ),
        ("12 parallel GETs, cap 4: most kernels at once", after.peak, before.peak),
        (f"… replies ({waves} storms)", statuses(after), statuses(before)),
        ("… refused with 503: count, time to reply", refused(after), refused(before)),
        (
            "… kernels free → a real page drawn [s]",
            _secs(after.page_after_s),
            _secs(before.page_after_s),
        ),
        (
            f"Voilà process RSS: start → peak → after {waves} storms and the kernels' end",
            rss(after),
            rss(before),
        ),
    ]
    lines = ["| Case | After (voila.json) | Before (stock kernel manager) |", "|---|---|---|"]
    lines += [f"| {name} | {a} | {b} |" for name, a, b in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.serving", description=__doc__)
    p.add_argument("--quick", action="store_true", help="one storm, short waits: a smoke run")
    p.add_argument("--out", type=Path, default=None, help="markdown file to write")
    p.add_argument("--pool", action="store_true", help="bursts by preheated pool size")
    p.add_argument("--pools", type=int, nargs="+", default=[0, 1, 2], help="with --pool")
    p.add_argument("--crowds", type=int, nargs="+", default=[10, 20], help="with --pool")
    p.add_argument("--lean", choices=["0", "1"], default="1", help="with --pool")
    args = p.parse_args(argv)
    started = time.monotonic()
    from benchmarks import machine

    if args.pool:
        body = burst_table(bursts(args.pools, args.crowds, args.lean))
        out = args.out or REPO_ROOT / "benchmarks" / "serving-pool.md"
    else:
        body = table(run(args.quick), 1 if args.quick else 3)
        out = args.out or DEFAULT_OUT
    command = "python -m benchmarks.serving " + " ".join(argv or sys.argv[1:])
    text = (
        "# Serving benchmark\n\n" + "\n".join(machine.describe()) + "\n\n"
        f"`{command.strip()}`, {time.monotonic() - started:.0f} s.\n\n" + body
    )
    print(text)
    out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
