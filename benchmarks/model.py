"""Measurement 1: the model alone, and `Dashboard.apply` in-process (no browser).

`recompute` is what the panels' `compute` methods call for one change of ``ambition_homes``
(which every computing panel depends on): a new validated Assumptions, then every pure model
function of woonlib.model and woonlib.model.indicators that a panel uses. `apply` is the dashboard's
own path for the same change — compute, then show into the widgets (plotly figures updated in
place, HTML tables re-rendered) — with no frontend attached, so no websocket time.

woonlib memoises the core per scenario (`woonlib.model.core.results`, the last 64), so every
sample uses a value never used before (9301, 9302, …: a new scenario, as when a slider sweeps
on). `apply_revisit_samples` alternates two values instead: the memo's hits, as when a slider
goes back and forth.
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable
from functools import cache
from typing import Any

from benchmarks.stats import median

VALUES = (9350, 9300)  # ambition_homes [homes], one slider step apart
_fresh = itertools.count(9301)  # ambition_homes values never used before in this process


def fresh_value(_i: int) -> int:
    """A value of ambition_homes that no earlier sample used [homes]."""
    return next(_fresh)


def revisited_value(i: int) -> int:
    """Alternating between two values: after the first two, the memo has both [homes]."""
    return VALUES[i % 2]


def model_steps(data: Any) -> dict[str, Callable[[Any], Any]]:
    """The pure functions the dashboard's panels call, by name (see woonlib/ui/*.py)."""
    from woonlib.model.elderly import elderly_summary, elderly_task
    from woonlib.model.indicators import indicators, policy_checks
    from woonlib.model.outflow import outflow_table, outflow_vs_care
    from woonlib.model.programme import build_path, programme_table
    from woonlib.model.segments import affordability_table, care_table, segment_comparison

    return {
        "indicators": lambda a: indicators(data, a),
        "policy_checks": lambda a: policy_checks(data, a),
        "programme_table": lambda a: programme_table(data, a),
        "build_path": build_path,
        "segment_comparison": lambda a: segment_comparison(data, a),
        "affordability_table": lambda a: affordability_table(data, a),
        "care_table": lambda a: care_table(data, a),
        "elderly_task": elderly_task,
        "elderly_summary": elderly_summary,
        "outflow_table": outflow_table,
        "outflow_vs_care": lambda a: outflow_vs_care(data, a),
    }


def _timed(
    fn: Callable[[int], Any], n: int, value: Callable[[int], int] = fresh_value
) -> list[float]:
    """`fn(value(i))` for i in range(n), after one warm-up call [ms each]."""
    fn(value(-1))
    samples = []
    gc.collect()
    for i in range(n):
        v = value(i)
        t0 = time.perf_counter()
        fn(v)
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def recompute_samples(n: int) -> list[float]:
    """Model recompute for one ambition_homes change: a new validated Assumptions, then every
    result as plain values (`woonlib.model.core.results`), the headline indicators (with the
    chance of reaching the ambition) and the policy checks [ms per sample]."""
    from woonlib.data import load_data
    from woonlib.model.assumptions import DEFAULTS
    from woonlib.model.indicators import checks, indicators

    data = load_data()

    def recompute(v: int) -> None:
        a = DEFAULTS.replace(ambition_homes=v)
        indicators(data, a)
        checks(data, a)

    return _timed(recompute, n)


def tables_samples(n: int) -> list[float]:
    """The same change, then every tidy table the panels and exports build from the core
    (pandas DataFrames: `model_steps`) [ms per sample]."""
    from woonlib.data import load_data
    from woonlib.model.assumptions import DEFAULTS

    steps = list(model_steps(load_data()).values())

    def recompute(v: int) -> None:
        a = DEFAULTS.replace(ambition_homes=v)
        for step in steps:
            step(a)

    return _timed(recompute, n)


def step_medians(n: int) -> dict[str, float]:
    """Median time of each model function for a new scenario [ms] (the scenario is made
    inside the timing: a few µs)."""
    from woonlib.data import load_data
    from woonlib.model.assumptions import DEFAULTS

    return {
        name: median(_timed(lambda v, s=step: s(DEFAULTS.replace(ambition_homes=v)), n))
        for name, step in model_steps(load_data()).items()
    }


@cache
def dashboard() -> Any:
    """One Dashboard on the shipped data, widgets without a frontend, kept for the process
    (the panels share one plotly bundle widget per process: closing it would break the next)."""
    from woonlib.data import load_data
    from woonlib.ui.dashboard import Dashboard

    return Dashboard(load_data())


def _apply(v: int) -> None:
    if not dashboard().apply({"ambition_homes": v}):
        raise RuntimeError(f"Dashboard.apply rejected ambition_homes={v}")


def apply_samples(n: int) -> list[float]:
    """`Dashboard.apply({'ambition_homes': v})`, v new each time, no frontend [ms each]."""
    return _timed(_apply, n)


def apply_revisit_samples(n: int) -> list[float]:
    """The same, alternating two values (memo hits) [ms each]."""
    return _timed(_apply, n, revisited_value)


def chart_count() -> int:
    """How many plotly charts the dashboard has (the first-render watcher waits for all)."""
    import plotly.graph_objects as go

    def count(widget: Any) -> int:
        if isinstance(widget, go.FigureWidget):
            return 1
        return sum(count(c) for c in getattr(widget, "children", ()))

    return count(dashboard())
