"""The register of the Woonvisie's quantitative targets, each with its status in a scenario.

Every row of the data package's `targets` table is one commitment with its value, unit,
horizon and source line. Where the dashboard can compute the commitment from a scenario
(`indicator`), its status is judged against the target's own value; elsewhere it needs a
measured value and is "te volgen" (to be monitored).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from woonlib.cache import register
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions
from woonlib.model.core import results

THEMES = (
    "growth",
    "affordability",
    "target_groups",
    "existing_stock",
    "sustainability",
    "process",
)
TARGET_STATUSES = ("ok", "fail", "monitor")

Measure = Callable[[WoonvisieData, Assumptions], float]


def _plan_extra(data: WoonvisieData, a: Assumptions) -> float:
    """Plans in the programme beyond the ambition  [percent]; the norm asks 30 extra."""
    programme = results(data, a).programme.programme_homes
    return (programme / a.ambition_homes - 1) * 100 if a.ambition_homes else 0.0


def _affordable(data: WoonvisieData, a: Assumptions) -> float:
    """Affordable share of the programme on the chosen basis (default gross)  [percent]."""
    r = results(data, a)
    return r.afford(r.basis_series).affordable_share * 100


# indicator key -> the scenario's value in the target's own unit
MEASURES: dict[str, Measure] = {
    "ambition_homes": lambda d, a: float(a.ambition_homes),
    "build_rate": lambda d, a: float(a.build_rate),
    "plan_capacity": _plan_extra,
    "norm_social_rent": lambda d, a: a.share_social_rent * 100,
    "norm_mid_priced": lambda d, a: a.share_mid_priced * 100,
    "norm_expensive": lambda d, a: a.share_expensive * 100,
    "affordable_share_new_build": _affordable,
    "care_share_social_rent": lambda d, a: a.care_share_social_rent * 100,
    "elderly_task": lambda d, a: results(d, a).elderly.total,
    "outflow_homes_per_year": lambda d, a: results(d, a).outflow.per_year,
}
TOLERANCE = 1e-6  # floating-point slack only: no margin the source does not set


def meets(measured: float, target: float, comparator: str, high: float | None = None) -> bool:
    """Whether `measured` meets a target of `comparator` kind (about counts as at least)."""
    if comparator in ("at_least", "about"):
        return measured >= target - TOLERANCE
    if comparator == "at_most":
        return measured <= target + TOLERANCE
    if comparator == "range":
        return target - TOLERANCE <= measured <= (high if high is not None else target) + TOLERANCE
    return math.isclose(measured, target, abs_tol=TOLERANCE)


@dataclass(frozen=True)
class Computed:
    """A register row the model computes: where it is and what it asks (plain values)."""

    row: int  # position in the targets table
    indicator: str
    value: float
    comparator: str
    high: float | None
    horizon: int | None  # for ambition_homes: the year by which it is asked


@register
@lru_cache(maxsize=4)
def computed_rows(data: WoonvisieData) -> tuple[Computed, ...]:
    """The register rows with an indicator the model computes (read once per data)."""
    table = data["targets"]
    rows = []
    for i, rec in enumerate(table.to_dict("records")):
        if rec["indicator"] not in MEASURES:
            continue
        high = None if pd.isna(rec["value_high"]) else float(rec["value_high"])
        horizon = None if pd.isna(rec["horizon"]) else int(rec["horizon"])
        rows.append(
            Computed(i, rec["indicator"], float(rec["value"]), rec["comparator"], high, horizon)
        )
    return tuple(rows)


def _status(c: Computed, data: WoonvisieData, a: Assumptions) -> tuple[str, float]:
    """(status, scenario value) of a register row with an indicator the model computes.

    A growth target by a year is met only if the scenario reaches it by that year.
    """
    measured = MEASURES[c.indicator](data, a)
    in_time = c.indicator != "ambition_homes" or c.horizon is None or a.target_year <= c.horizon
    ok = meets(measured, c.value, c.comparator, c.high) and in_time
    return ("ok" if ok else "fail"), measured


def target_status(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """The register with each target's status in scenario `a`.

    The targets table plus: status (ok, fail: computed from the scenario; monitor: needs
    a measured value) and scenario_value (in the target's unit; NaN when monitored).
    """
    table = data["targets"].copy()
    status = ["monitor"] * len(table)
    values = [math.nan] * len(table)
    for c in computed_rows(data):
        status[c.row], values[c.row] = _status(c, data, a)
    table["status"] = status
    table["scenario_value"] = values
    return table


def targets_json(data: WoonvisieData, a: Assumptions) -> list[dict[str, Any]]:
    """The register as plain values for `python -m woonlib targets --json`."""
    rows = []
    for record in target_status(data, a).to_dict("records"):
        rows.append({k: (None if _missing(v) else v) for k, v in record.items()})
    return rows


def _missing(v: Any) -> bool:
    return isinstance(v, float) and math.isnan(v)


def theme_counts(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Targets per theme and status (rows: theme; columns: ok, fail, monitor, total)."""
    table = target_status(data, a)
    counts = pd.crosstab(table["theme"], table["status"])
    counts = counts.reindex(index=list(THEMES), columns=list(TARGET_STATUSES), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts
