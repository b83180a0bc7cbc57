"""Measurement 2 (and the loop of the soak): key press on a slider → every chart and table
that depends on it updated, timed inside the page.

A keydown listener stamps the press; a MutationObserver stamps each dependent output's latest
DOM change. The latency of a move is the latest of those stamps minus the press, once every
output has changed and the page has been quiet for `quiet_ms` (so moves never overlap).
Presses sweep one way and turn at the ends of the slider's range: woonlib memoises the model
for the last 64 scenarios, and pressing back and forth would time its cache hits only (the
floor has no cache; it sweeps too).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks import floor
from benchmarks.inpage import LATENCY_ARM_JS, LATENCY_INSTALL_JS, LATENCY_WAIT_JS
from benchmarks.pages import open_tab, page_errors, quiet
from benchmarks.render import Loads, Notebook, visit

MOVE_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Case:
    """One slider and the outputs that depend on it, in a section (tab) of a page."""

    name: str
    tab: str | None
    handle: str
    charts: tuple[str, ...]
    tables: tuple[str, ...] = ()  # label keys of the tables' captions (woonlib.report.labels)
    step: float = 1  # one key press, in the slider's own unit (aria-valuenow)
    texts: tuple[str, ...] = ()  # CSS selectors of text inside an HTML widget

    def targets(self) -> list[Any]:
        from woonlib.report.labels import label

        captions = ({"caption": label(k, "nl")} for k in self.tables)
        return [*self.charts, *captions, *({"within": t} for t in self.texts)]

    def target_names(self) -> list[str]:
        return [*self.charts, *self.tables, *self.texts]


def _chart(key: str) -> str:
    return f".wl-chart-{key}"


DASHBOARD_CASES = (
    Case(
        "Huishoudens & programma: ambition_homes",
        "Huishoudens & programma",
        ".wl-control-ambition_homes .noUi-handle",
        (_chart("programme"), _chart("build-path")),
        ("chart_programme",),
        step=50,
    ),
    Case(
        "Segmenten: share_social_rent",
        "Segmenten",
        ".wl-share-social_rent .noUi-handle",
        (_chart("segments"),),
        # Not "affordability": a one-point move takes the point from mid-priced, so the
        # affordable share (social + mid) and its table do not change.
        ("chart_segments", "care"),
    ),
    Case(
        "Ouderen: elderly_zero_step_to_2030",
        "Ouderen",
        ".wl-control-elderly_zero_step_to_2030 .noUi-handle",
        (_chart("elderly"),),
        ("chart_elderly", "elderly_totals"),
        step=50,
    ),
    Case(
        "Uitstroom & urgentie: outflow_urgent",
        "Uitstroom & urgentie",
        ".wl-control-outflow_urgent .noUi-handle",
        (_chart("outflow"), _chart("care")),
        ("chart_outflow", "outflow_vs_care"),
    ),
    # Voortgang: the uncertainty fan and the chance of reaching the ambition (10,000 seeded
    # draws) follow a move of one of the fan's ranges.
    Case(
        "Voortgang: fan_build_rate_spread",
        "Voortgang",
        ".wl-control-fan_build_rate_spread .noUi-handle",
        (_chart("fan"),),
        texts=(".wl-fan-probability",),
    ),
)
FLOOR_CASE = Case("floor: IntSlider → FigureWidget", None, floor.SLIDER, (floor.CHART,))
PROGRAMME = DASHBOARD_CASES[0]


@dataclass
class Moves:
    """The outcome of a run of key presses: latency per move, per output, and failures."""

    latencies: list[float] = field(default_factory=list)  # [ms], key press → last output
    per_target: dict[str, list[float]] = field(default_factory=dict)  # [ms] each output
    timeouts: int = 0
    errors: list[str] = field(default_factory=list)


def install(page: Any, case: Case) -> None:
    missing = page.evaluate(LATENCY_INSTALL_JS, case.targets())
    if missing:
        raise RuntimeError(f"{case.name}: outputs not in the page: {missing}")


def sweep(now: float, lo: float, hi: float, step: float, n: int) -> list[str]:
    """`n` keys that move a slider at `now` one `step` at a time, turning at `lo` and `hi`."""
    keys, direction = [], 1
    for _ in range(n):
        if not lo <= now + direction * step <= hi:
            direction = -direction
        now += direction * step
        keys.append("ArrowRight" if direction > 0 else "ArrowLeft")
    return keys


def keys_for(page: Any, case: Case, n: int) -> list[str]:
    """The sweep for `case`'s slider from where it is now (its aria values)."""
    handle = page.locator(case.handle)
    now, lo, hi = (
        float(handle.get_attribute(f"aria-value{k}") or "nan") for k in ("now", "min", "max")
    )
    return sweep(now, lo, hi, case.step, n)


def press(page: Any, case: Case, moves: Moves, n: int, quiet_ms: int) -> None:
    """`n` key presses on the focused slider of `case`, each timed into `moves`."""
    names = case.target_names()
    for key in keys_for(page, case, n):
        page.evaluate(LATENCY_ARM_JS)
        page.keyboard.press(key)
        r = page.evaluate(LATENCY_WAIT_JS, [quiet_ms, MOVE_TIMEOUT_MS])
        if r["timeout"] or r["t0"] is None:
            moves.timeouts += 1
            continue
        moves.latencies.append(max(r["last"]) - r["t0"])
        for name, t in zip(names, r["last"], strict=True):
            moves.per_target.setdefault(name, []).append(t - r["t0"])


def prepare(page: Any, server: Any, case: Case) -> None:
    """Open the tab of `case`, wait until the kernels serving pages are idle, point the
    observer at its outputs and focus its slider."""
    open_tab(page, case.tab)
    quiet(server, preheated=True)
    install(page, case)
    page.locator(case.handle).focus()


def measure(
    browser: Any,
    server: Any,
    nb: Notebook,
    cases: Sequence[Case],
    n: int,
    quiet_ms: int,
    loads: Loads,
    then: Callable[[Any, Any], None] | None = None,
) -> list[Moves]:
    """`n` timed moves of each of `cases`, one after another in one fresh page of a
    preheated server (its load recorded into `loads`); then `then(page, watch)` if given."""
    results = []
    with visit(browser, server, nb, True, loads) as (page, watch):
        for case in cases:
            prepare(page, server, case)
            moves = Moves()
            press(page, case, moves, n, quiet_ms)
            moves.errors = page_errors(watch)
            results.append(moves)
        if then is not None:
            then(page, watch)
    return results
