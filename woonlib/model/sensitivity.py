"""Sensitivity: which assumptions move the headline outcomes most (issue 13, part 4).

One assumption at a time is swept over a range while the others keep their value in the
scenario; the swing of an outcome is its largest minus its smallest value over the sweep.
The result is tidy (one row per outcome and assumption), sorted by swing: tornado data.

Ranges (`sweep_range`): with `basis="stated"` (default), the range declared with the
assumption (its `Spec.sweep`, a `SweptRange` with its source as a `Ref`): a range the source
states (`STATED_RANGES`, with the lines that print both ends) or an assumed range around a
published value (`ASSUMED_RANGES`: no line gives it, its note says so); otherwise ±20% of
the scenario's value, clipped to the allowed range, with `NO_SOURCE` as its source. Why not
the allowed ranges: they are the sliders' bounds (an ambition of 0 to 20,000 homes, a build
rate of 0 to 3,000, a target year up to 2050), so they measure the slider, not the
uncertainty: the ambition and the years would top every tornado. `basis="allowed"` sweeps
them anyway. A choice (forecast, bases) and a yes/no assumption is swept over all its
values. When a segment share moves, the other two shares take up the difference in
proportion (as the page's sliders do).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import (
    NO_SOURCE,
    SHARE_FIELDS,
    SPECS,
    AssumptionError,
    Assumptions,
    SweptRange,
)
from woonlib.model.core import results
from woonlib.model.uncertainty import DEFAULT_RANGES, Ranges, Realised, reach_probability
from woonlib.refs import Ref, Span
from woonlib.vocab import CHANCE

RELATIVE = 0.20  # ±20% where no source states a range (aanname, geen bron)
POINTS = 5  # points per numeric sweep, ends included


@dataclass(frozen=True)
class Sweep:
    """The values an assumption is swept over, and where the range comes from.

    `kind`: stated (both ends printed in the Woonvisie, on `lines`), assumed (a range no
    line gives: an assumption around a published value), relative (±20%, no source),
    allowed (the slider's bounds) or choices (every choice, or yes and no). `source`: the
    range's source (stated, assumed: the assumption's declared `SweptRange`; relative:
    `NO_SOURCE`); None for the allowed range and the choices, which are no range.
    """

    values: tuple[Any, ...]
    kind: str  # stated, assumed, relative, allowed, choices
    source: Ref | None = None

    @property
    def lines(self) -> tuple[Span, ...]:
        """Lines of the Woonvisie giving the range (stated only)."""
        return self.source.lines if self.kind == "stated" and self.source else ()


# The ranges declared with the assumptions (`Spec.sweep` in woonlib.model.assumptions):
# ranges the Woonvisie prints (lines of data/sources/woonvisie-enschede-2024.txt) ...
STATED_RANGES: dict[str, SweptRange] = {
    name: s.sweep for name, s in SPECS.items() if s.sweep is not None and s.sweep.stated
}
# ... and ranges around a published value that no line gives: assumptions, said so
ASSUMED_RANGES: dict[str, SweptRange] = {
    name: s.sweep for name, s in SPECS.items() if s.sweep is not None and not s.sweep.stated
}

Outcome = Callable[[WoonvisieData, Assumptions, Ranges, Realised], float]


def _programme_gap(data: WoonvisieData, a: Assumptions, *_: object) -> float:
    return results(data, a).programme.programme_gap


def _affordable_scenario(data: WoonvisieData, a: Assumptions, *_: object) -> float:
    return results(data, a).afford("scenario").affordable_share


def _affordable_programme(data: WoonvisieData, a: Assumptions, *_: object) -> float:
    r = results(data, a)
    return r.afford(r.basis_series).affordable_share


def _care_homes(data: WoonvisieData, a: Assumptions, *_: object) -> float:
    return results(data, a).care.headline


def _elderly_share(data: WoonvisieData, a: Assumptions, *_: object) -> float:
    return results(data, a).elderly.share_of_ambition


def _probability(data: WoonvisieData, a: Assumptions, ranges: Ranges, realised: Realised) -> float:
    return reach_probability(a, ranges, realised)


# outcome -> (function, unit); the same values as woonlib.model.indicators (tested)
OUTCOMES: dict[str, tuple[Outcome, str]] = {
    "programme_gap": (_programme_gap, "homes"),
    "affordable_share_scenario": (_affordable_scenario, "fraction"),
    "affordable_share_programme": (_affordable_programme, "fraction"),
    "care_homes_from_social_rent": (_care_homes, "homes"),
    "elderly_share_of_ambition": (_elderly_share, "fraction"),
    "reach_probability": (_probability, CHANCE),
}


def outcomes(
    data: WoonvisieData,
    a: Assumptions,
    ranges: Ranges = DEFAULT_RANGES,
    realised: Realised = (),
) -> dict[str, float]:
    """The headline outcomes of scenario `a`, in their units (`OUTCOMES`).

    `realised` [homes]: net homes of the first building years from a monitor
    (`progress.realised_so_far`); the chance then starts from them, as the fan's does.
    """
    return {name: float(fn(data, a, ranges, realised)) for name, (fn, _) in OUTCOMES.items()}


def shift_realised(realised: Realised, start_year: int, a: Assumptions) -> Realised:
    """`realised` (net homes per year from `start_year`) as seen from `a.start_year`  [homes].

    The realised years keep their calendar years: a later start year drops the first ones;
    an earlier one has a year without a figure first, so none count (as `realised_so_far`).
    """
    if a.start_year == start_year:
        return realised
    return tuple(realised)[a.start_year - start_year :] if a.start_year > start_year else ()


def sweep_range(name: str, a: Assumptions, basis: str = "stated") -> Sweep:
    """The values assumption `name` is swept over from scenario `a` (see the module)."""
    spec = SPECS[name]
    if spec.choices:
        return Sweep(spec.choices, "choices")
    if spec.unit == "bool":
        return Sweep((False, True), "choices")
    assert spec.minimum is not None and spec.maximum is not None
    current = float(getattr(a, name))
    source: Ref | None = None
    if basis == "allowed":
        low, high, kind = spec.minimum, spec.maximum, "allowed"
    elif spec.sweep is not None:
        low, high, source = spec.sweep.low, spec.sweep.high, spec.sweep.source
        kind = "stated" if spec.sweep.stated else "assumed"
    else:
        low, high = current * (1 - RELATIVE), current * (1 + RELATIVE)
        kind, source = "relative", NO_SOURCE
    low, high = max(low, spec.minimum), min(high, spec.maximum)
    points = np.unique(np.append(np.linspace(low, high, POINTS), current))
    if spec.unit in ("homes", "homes/year", "year"):
        points = np.unique(np.round(points))
    return Sweep(tuple(float(p) for p in points), kind, source)


def with_value(a: Assumptions, name: str, new: Any) -> Assumptions:
    """`a` with one assumption changed; a share moves the other two in proportion.

    Raises AssumptionError when the value is not allowed (e.g. a target year before the
    start year).
    """
    if name not in SHARE_FIELDS:
        return a.replace(**{name: new})
    others = [f for f in SHARE_FIELDS if f != name]
    rest = sum(getattr(a, f) for f in others)
    free = 1.0 - float(new)
    if rest > 0:
        changes = {f: getattr(a, f) * free / rest for f in others}
    else:
        changes = dict.fromkeys(others, free / 2)
    return a.replace(**{name: float(new)}, **changes)


def _sweep_one(
    data: WoonvisieData,
    a: Assumptions,
    name: str,
    sweep: Sweep,
    ranges: Ranges,
    realised: Realised = (),
) -> list[tuple[Any, dict[str, float]]]:
    results = []
    for point in sweep.values:
        try:
            scenario = with_value(a, name, point)
        except AssumptionError:
            continue
        done = shift_realised(realised, a.start_year, scenario)
        results.append((point, outcomes(data, scenario, ranges, done)))
    return results


def sensitivity(
    data: WoonvisieData,
    a: Assumptions,
    ranges: Ranges = DEFAULT_RANGES,
    basis: str = "stated",
    names: tuple[str, ...] | None = None,
    realised: Realised = (),
) -> pd.DataFrame:
    """One-at-a-time sensitivity of the headline outcomes to every assumption.

    Columns: outcome, unit, assumption, kind (stated, assumed, relative, allowed, choices),
    range_source (the range's `Ref`, None for allowed and choices), range_lines (the
    Woonvisie's lines giving a stated range), low, high (the
    assumption's values at the outcome's lowest and highest point), base (the outcome in
    `a`), outcome_min, outcome_max, swing (max − min, in the outcome's unit), at_first,
    at_last (the outcome at the range's ends). Sorted by outcome (`OUTCOMES` order) and
    swing, largest first. `names`: the assumptions swept (all). `realised` [homes]: net
    homes of the first building years from a monitor (`progress.realised_so_far`): the
    chance starts from them, so its base is the fan's.
    """
    base = outcomes(data, a, ranges, realised)
    rows = []
    for name in names or tuple(SPECS):
        sweep = sweep_range(name, a, basis)
        results = _sweep_one(data, a, name, sweep, ranges, realised)
        for outcome, (_, unit) in OUTCOMES.items():
            series = [(point, out[outcome]) for point, out in results]
            rows.append(_row(outcome, unit, name, sweep, series, base[outcome]))
    table = pd.DataFrame(rows, columns=COLUMNS)
    order = {name: i for i, name in enumerate(OUTCOMES)}
    table["_order"] = table["outcome"].map(order)
    table = table.sort_values(["_order", "swing"], ascending=[True, False], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


COLUMNS = [
    "outcome",
    "unit",
    "assumption",
    "kind",
    "range_source",
    "range_lines",
    "low",
    "high",
    "base",
    "outcome_min",
    "outcome_max",
    "swing",
    "at_first",
    "at_last",
]


def _row(
    outcome: str,
    unit: str,
    name: str,
    sweep: Sweep,
    series: list[tuple[Any, float]],
    base: float,
) -> tuple[Any, ...]:
    if not series:
        return (
            outcome,
            unit,
            name,
            sweep.kind,
            sweep.source,
            sweep.lines,
            None,
            None,
            base,
            base,
            base,
            0.0,
            base,
            base,
        )
    values = [v for _, v in series]
    low_at = int(np.argmin(values))
    high_at = int(np.argmax(values))
    swing = max(values) - min(values)
    swing = 0.0 if math.isclose(swing, 0.0, abs_tol=1e-12) else swing
    return (
        outcome,
        unit,
        name,
        sweep.kind,
        sweep.source,
        sweep.lines,
        series[low_at][0],
        series[high_at][0],
        base,
        min(values),
        max(values),
        swing,
        values[0],
        values[-1],
    )
