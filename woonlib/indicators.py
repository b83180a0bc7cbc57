"""Headline indicators and the policy checks, from the topic models."""

from __future__ import annotations

from typing import Any

import pandas as pd

from woonlib.assumptions import Assumptions
from woonlib.cache import per_scenario
from woonlib.data import WoonvisieData
from woonlib.model.care import care_table, headline_care_homes
from woonlib.model.elderly import elderly_summary
from woonlib.model.outflow import outflow_vs_care
from woonlib.model.programme import programme_table, value
from woonlib.model.segments import (
    SEGMENTS,
    affordability_table,
    norm_shares,
    segment_comparison,
    split_homes,
)

NORM_TOLERANCE = 0.01  # a segment share within 1 percentage point of the norm counts as on norm


@per_scenario
def indicators(data: WoonvisieData, a: Assumptions) -> dict[str, Any]:
    """The headline indicators of scenario `a` (the keys of `woonlib indicators --json`)."""
    programme = programme_table(data, a)
    afford = affordability_table(data, a).set_index("series")
    care = care_table(data, a).set_index("base")
    split = split_homes(a.ambition_homes, a.shares).set_index("segment")["homes"]
    elderly = elderly_summary(a)
    outflow = outflow_vs_care(data, a)
    return {
        "ambition_homes": a.ambition_homes,
        "basis_homes": value(programme, "basis_homes"),
        "programme_homes": value(programme, "programme_homes"),
        "programme_homes_appendix": value(programme, "programme_homes_appendix"),
        "plan_capacity_needed": value(programme, "plan_capacity_needed"),
        "programme_gap": value(programme, "programme_gap"),
        "programme_gap_appendix": value(programme, "programme_gap_appendix"),
        "ambition_gap": value(programme, "ambition_gap"),
        "required_rate": value(programme, "required_rate"),
        "affordable_share_programme": float(afford.loc["programme", "affordable_share"]),
        "affordable_share_programme_appendix": float(
            afford.loc["programme_appendix", "affordable_share"]
        ),
        "affordable_share_scenario": float(afford.loc["scenario", "affordable_share"]),
        "affordable_target_met": bool(afford.loc["programme", "target_met"]),
        "norm_split_homes": {s: float(split[s]) for s in SEGMENTS},
        "care_homes_from_social_rent": headline_care_homes(data, a),
        "care_homes_net_of_demolition": float(care.loc["programme_net", "care_homes"]),
        "elderly_task_total": value(elderly, "elderly_task_total"),
        "elderly_share_of_ambition": value(elderly, "elderly_share_of_ambition"),
        "outflow_homes_per_year": value(outflow, "outflow_homes_per_year"),
        "outflow_cumulative": value(outflow, "outflow_cumulative"),
        "data_notes": [n.to_dict() for n in data.notes],
    }


def _status(met: bool, near: bool = False) -> str:
    return "ok" if met else ("warning" if near else "fail")


@per_scenario
def policy_checks(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """The policy checks as traffic lights: check, status (ok/warning/fail), value, target.

    `value` and `target` share the check's `unit`.
    """
    afford = affordability_table(data, a).set_index("series")
    programme = programme_table(data, a)
    outflow = outflow_vs_care(data, a)
    comparison = segment_comparison(data, a)
    prog = comparison[comparison["series"] == "programme"].set_index("segment")["homes"]
    norm = norm_shares(data)
    deviation = max(abs(prog[s] / prog["total"] - norm[s]) for s in SEGMENTS)
    programme_homes = value(programme, "programme_homes")
    capacity = value(programme, "plan_capacity_needed")
    care = value(outflow, "care_homes_from_social_rent")
    need = value(outflow, "outflow_cumulative")
    rows = [
        (
            "check_affordable_programme",
            afford.loc["programme", "affordable_share"],
            afford.loc["programme", "target"],
            "fraction",
        ),
        (
            "check_affordable_scenario",
            afford.loc["scenario", "affordable_share"],
            afford.loc["scenario", "target"],
            "fraction",
        ),
        ("check_norm_split", deviation, NORM_TOLERANCE, "fraction"),
        ("check_ambition_programme", programme_homes, a.ambition_homes, "homes"),
        ("check_plan_capacity", programme_homes, capacity, "homes"),
        ("check_care_outflow", care, need, "homes"),
    ]
    out = []
    for check, val, target, unit in rows:
        if check == "check_norm_split":
            status = _status(val <= target, near=val <= 5 * target)
        else:
            status = _status(val >= target - 1e-9, near=val >= 0.9 * target)
        out.append((check, status, float(val), float(target), unit))
    return pd.DataFrame(out, columns=["check", "status", "value", "target", "unit"])
