"""The register of the Woonvisie's quantitative targets, each with its status in a scenario.

Every row of the data package's `targets` table is one commitment with its value, unit,
horizon and source line. Where the dashboard can compute the commitment from a scenario
(`indicator`), its status is judged against the target's own value; elsewhere it needs a
measured value and is "te volgen" (to be monitored).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from woonlib.cache import per_scenario
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions
from woonlib.model.elderly import elderly_summary
from woonlib.model.outflow import outflow_table
from woonlib.model.programme import programme_table, value
from woonlib.model.segments import PROGRAMME_SERIES, affordability_table

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
    programme = value(programme_table(data, a), "programme_homes")
    return (programme / a.ambition_homes - 1) * 100 if a.ambition_homes else 0.0


def _affordable(data: WoonvisieData, a: Assumptions) -> float:
    """Affordable share of the programme on the chosen basis (default gross)  [percent]."""
    table = affordability_table(data, a).set_index("series")
    return float(table.loc[PROGRAMME_SERIES[a.affordable_basis], "affordable_share"]) * 100


def _outflow(data: WoonvisieData, a: Assumptions) -> float:
    """Outflow and urgent cases per year in the scenario  [homes/year]."""
    return float(outflow_table(a).set_index("group").loc["total", "homes_per_year"])


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
    "elderly_task": lambda d, a: value(elderly_summary(a), "elderly_task_total"),
    "outflow_homes_per_year": _outflow,
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


def _horizon_ok(row: Mapping[str, Any], a: Assumptions) -> bool:
    """A growth target by a year is met only if the scenario reaches it by that year."""
    if row["indicator"] != "ambition_homes" or pd.isna(row["horizon"]):
        return True
    return a.target_year <= int(row["horizon"])


def _status(row: Mapping[str, Any], data: WoonvisieData, a: Assumptions) -> tuple[str, float]:
    """(status, scenario value) of a register row with an indicator the model computes."""
    measured = MEASURES[row["indicator"]](data, a)
    high = None if pd.isna(row["value_high"]) else float(row["value_high"])
    ok = meets(measured, float(row["value"]), row["comparator"], high) and _horizon_ok(row, a)
    return ("ok" if ok else "fail"), measured


@per_scenario
def target_status(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """The register with each target's status in scenario `a`.

    The targets table plus: status (ok, fail: computed from the scenario; monitor: needs
    a measured value) and scenario_value (in the target's unit; NaN when monitored).
    """
    table = data["targets"].copy()
    status = ["monitor"] * len(table)
    values = [math.nan] * len(table)
    computed = table["indicator"].isin(list(MEASURES)).to_numpy()
    for i in computed.nonzero()[0]:
        status[i], values[i] = _status(table.iloc[i], data, a)
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
