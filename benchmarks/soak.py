"""Measurement 6: many slider moves in one page — errors, kernel memory growth, slowdown.

The moves are those of measurement 2 on ``ambition_homes`` (every computing panel depends on
it), continued in the page of the slider measurement; the page's kernel RSS is read before the
first and after the last move, each time with every kernel serving a page idle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks import slider
from benchmarks.harness import kernel_pid, rss_mb
from benchmarks.pages import page_errors, page_kernel_id, quiet
from benchmarks.stats import median


@dataclass
class Soak:
    moves: int
    latencies: list[float] = field(default_factory=list)  # [ms] in order
    timeouts: int = 0
    errors: list[str] = field(default_factory=list)
    rss_before: float = float("nan")  # [MB] the page's kernel
    rss_after: float = float("nan")

    @property
    def window(self) -> int:
        """Moves in the start and end windows: 100, or half the run when shorter."""
        return max(1, min(100, len(self.latencies) // 2))

    @property
    def start_p50(self) -> float:
        return median(self.latencies[: self.window])

    @property
    def end_p50(self) -> float:
        return median(self.latencies[-self.window :])


def run(page: Any, watch: Any, server: Any, soak: Soak, quiet_ms: int) -> None:
    """`soak.moves` timed moves of ambition_homes in `page` (of a preheated `server`)."""
    case = slider.PROGRAMME
    slider.prepare(page, server, case)
    kernel = page_kernel_id(page, server)
    pid = kernel_pid(server, kernel) if kernel else None
    if pid is not None:
        soak.rss_before = rss_mb(pid)
    moves = slider.Moves()
    slider.press(page, case, moves, soak.moves, quiet_ms)
    quiet(server, preheated=True)
    if pid is not None:
        soak.rss_after = rss_mb(pid)
    soak.latencies, soak.timeouts = moves.latencies, moves.timeouts
    soak.errors = page_errors(watch)
