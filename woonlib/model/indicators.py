"""Headline indicators and the policy checks, from the plain-value core (`model.core`)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import SPECS, Assumptions
from woonlib.model.core import results
from woonlib.model.programme import rate_needed
from woonlib.model.progress import progress_indicators
from woonlib.model.uncertainty import ranges_of, reach_probability
from woonlib.refs import Ref
from woonlib.vocab import SEGMENTS

# Where the Woonvisie sets each norm: the source of the assumption read from that norm
AFFORDABLE_NORM = SPECS["affordable_basis"].source  # '70 procent van alle nieuwbouw'
SPLIT_NORM = SPECS["share_social_rent"].source  # Woondeal Twente: 30/40/30 'in de basis'
CAPACITY_NORM = SPECS["plan_failure_surcharge"].source  # 30% extra plans to realise 100%
NO_NORM = Ref()  # a comparison no line of the Woonvisie sets
CHECK_STATUSES = ("ok", "fail", "info")


def indicators(data: WoonvisieData, a: Assumptions) -> dict[str, Any]:
    """The headline indicators of scenario `a` (the keys of `woonlib indicators --json`).

    `affordable_share_programme` is the programme's new build before demolition (the 70%
    norm's basis); `affordable_target_met` is judged on the basis `a.affordable_basis`.
    Every key is described in `woonlib.model.registry.INDICATORS` (unit, label, source).
    """
    r = results(data, a)
    p, care, elderly, outflow = r.programme, r.care, r.elderly, r.outflow
    return {
        "ambition_homes": a.ambition_homes,
        "basis_homes": p.basis_homes,
        "programme_homes": p.programme_homes,
        "programme_homes_appendix": p.programme_homes_appendix,
        "plan_capacity_needed": p.plan_capacity_needed,
        "programme_gap": p.programme_gap,
        "programme_gap_appendix": p.programme_gap_appendix,
        "ambition_gap": p.ambition_gap,
        "required_rate": p.required_rate,
        "affordable_share_programme": r.afford("programme_new_build").affordable_share,
        "affordable_share_programme_net": r.afford("programme").affordable_share,
        "affordable_share_programme_net_appendix": r.afford("programme_appendix").affordable_share,
        "affordable_share_scenario": r.afford("scenario").affordable_share,
        "affordable_target_met": r.afford(r.basis_series).target_met,
        "norm_split_homes": {s: r.series["scenario"][s] for s in SEGMENTS},
        "care_homes_from_social_rent": care.headline,
        "care_homes_net_of_demolition": care.care_homes("programme_net"),
        "elderly_task_total": elderly.total,
        "elderly_task_in_building_years": elderly.in_building_years,
        "elderly_share_of_ambition": elderly.share_of_ambition,
        "outflow_homes_per_year": outflow.per_year,
        "outflow_cumulative": outflow.cumulative,
        "probability_reaching_ambition": reach_probability(a, ranges_of(a)),
        "build_rate_needed": rate_needed(a),  # = required_rate; with a monitor: from now
        "data_notes": [n.to_dict() for n in data.notes],
    }


def scenario_indicators(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> dict[str, Any]:
    """`indicators(data, a)`; with a monitor, its progress indicators take their place.

    With `monitor`: realised_homes [homes], realised_years [years], build_rate_needed (from
    the year after the last realised one) [homes/year], projected_year [year] (None when not
    reached at the recent pace) and probability_reaching_ambition with the realised years
    fixed [-] (`woonlib.model.progress.progress_indicators`). data_notes stay last.
    """
    values = indicators(data, a)
    if monitor is None:
        return values
    notes = values.pop("data_notes")
    values.update(progress_indicators(monitor, a))
    values["data_notes"] = notes
    return values


def json_ready(value: Any) -> Any:
    """Plain JSON values: whole floats as int, others to 6 decimals; NaN, inf, NA as null."""
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if value is pd.NA:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    return value


def verdict(met: bool) -> str:
    """A light for a norm: ok or fail (no amber band: the Woonvisie sets none)."""
    return "ok" if met else "fail"


def _own_norm(value: float, target: float, at_most: bool) -> tuple[str, str]:
    """(status, norm) for a comparison whose norm the advisor may set (target 0 = none)."""
    if not target:
        return "info", "none"
    met = value <= target + 1e-12 if at_most else value >= target - 1e-9
    return verdict(met), "own"


def policy_checks(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """The policy checks: check, status (ok/fail/info), value, target, unit, norm, source, extra.

    `value` and `target` share the check's `unit`. `norm` says whose norm it is: the
    Woonvisie's (`woonvisie`, at `source`, a `Ref`), the advisor's own (`own`, an assumption), or
    none (`none`: the comparison is information, status `info`). `extra` holds the figures
    the explanation quotes besides value and target.
    """
    columns = [f.name for f in fields(Check)]
    table = pd.DataFrame(
        [[getattr(c, n) for n in columns] for c in checks(data, a)], columns=columns
    )
    table[["value", "target"]] = table[["value", "target"]].astype("float64")
    return table


@dataclass(frozen=True)
class Check:
    """One policy check (a row of `policy_checks`)."""

    check: str
    status: str  # ok / fail / info
    value: float
    target: float
    unit: str
    norm: str  # woonvisie / own / none / assumption (the value compared is an assumption)
    source: Ref  # where the Woonvisie sets the norm (its lines); empty for none
    extra: Mapping[str, Any]


def checks(data: WoonvisieData, a: Assumptions) -> tuple[Check, ...]:
    """The policy checks of scenario `a` as plain values (see `policy_checks`)."""
    r = results(data, a)
    p, outflow = r.programme, r.outflow
    shares = r.series[r.basis_series].shares()
    norm = r.norm_shares
    deviation = max(abs(shares[s] - norm[s]) for s in SEGMENTS)
    programme_homes = p.programme_homes
    capacity = p.plan_capacity_needed
    care = outflow.care_homes
    need = outflow.cumulative
    target = r.afford("programme").target
    basis_share = r.afford(r.basis_series).affordable_share
    scenario_share = r.afford("scenario").affordable_share
    split_status, split_norm = _own_norm(deviation, a.split_norm_tolerance, at_most=True)
    source_surcharge = data.figure("scenario_figures", "plan_failure_surcharge") / 100
    care_target = a.care_outflow_norm * need
    care_status, care_norm = _own_norm(care, care_target, at_most=False)
    affordable_extra = {
        "gross": r.afford("programme_new_build").affordable_share,
        "net": r.afford("programme").affordable_share,
        "basis": a.affordable_basis,
    }
    rows: list[tuple[Any, ...]] = [
        (
            "check_affordable_programme",
            verdict(basis_share >= target - 1e-12),
            basis_share,
            target,
            "fraction",
            "woonvisie",
            AFFORDABLE_NORM,
            affordable_extra,
        ),
        (  # the scenario's split is an assumption (30/40/30 by default, that is 70%):
            # compared with 70%, it is information, never a light on itself
            "check_affordable_scenario",
            "info",
            scenario_share,
            target,
            "fraction",
            "assumption",
            AFFORDABLE_NORM,
            {},
        ),
        (
            "check_norm_split",
            split_status,
            deviation,
            a.split_norm_tolerance,
            "pp",
            split_norm,
            SPLIT_NORM,
            {**shares, "basis": a.affordable_basis},
        ),
        (  # the Woonvisie's norm at its own 30%; another surcharge is the advisor's norm
            "check_plan_capacity",
            verdict(programme_homes >= capacity - 1e-9),
            programme_homes,
            capacity,
            "homes",
            "woonvisie" if math.isclose(a.plan_failure_surcharge, source_surcharge) else "own",
            CAPACITY_NORM,
            {"surcharge": a.plan_failure_surcharge},
        ),
        (
            "check_ambition_programme",
            "info",
            programme_homes,
            float(a.ambition_homes),
            "homes",
            "none",
            NO_NORM,
            {},
        ),
        (
            "check_care_outflow",
            care_status,
            care,
            care_target if care_norm == "own" else need,
            "homes",
            care_norm,
            NO_NORM,
            {"need": need, "norm": a.care_outflow_norm},
        ),
    ]
    return tuple(Check(*row) for row in rows)
