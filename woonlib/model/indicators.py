"""Headline indicators and the policy checks, from the topic models."""

from __future__ import annotations

from typing import Any

import pandas as pd

from woonlib.cache import per_scenario
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions
from woonlib.model.care import care_table, headline_care_homes
from woonlib.model.elderly import elderly_summary
from woonlib.model.outflow import outflow_vs_care
from woonlib.model.programme import programme_table, value
from woonlib.model.segments import (
    PROGRAMME_SERIES,
    affordability_table,
    norm_shares,
    segment_comparison,
    split_homes,
)
from woonlib.model.uncertainty import ranges_of, reach_probability
from woonlib.vocab import SEGMENTS

# Where the Woonvisie sets each norm (lines of data/sources/woonvisie-enschede-2024.txt)
AFFORDABLE_LINES = "1245–1247, 1504–1506, 1574–1576"  # '70 procent van alle nieuwbouw'
SPLIT_LINES = "758–760"  # Woondeal Twente: 30/40/30 'in de basis'
CAPACITY_LINES = "677–679"  # 30% extra plans needed to realise 100%
CHECK_STATUSES = ("ok", "fail", "info")


@per_scenario
def indicators(data: WoonvisieData, a: Assumptions) -> dict[str, Any]:
    """The headline indicators of scenario `a` (the keys of `woonlib indicators --json`).

    `affordable_share_programme` is the programme's new build before demolition (the 70%
    norm's basis); `affordable_target_met` is judged on the basis `a.affordable_basis`.
    """
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
        "affordable_share_programme": float(afford.loc["programme_new_build", "affordable_share"]),
        "affordable_share_programme_net": float(afford.loc["programme", "affordable_share"]),
        "affordable_share_programme_net_appendix": float(
            afford.loc["programme_appendix", "affordable_share"]
        ),
        "affordable_share_scenario": float(afford.loc["scenario", "affordable_share"]),
        "affordable_target_met": bool(
            afford.loc[PROGRAMME_SERIES[a.affordable_basis], "target_met"]
        ),
        "norm_split_homes": {s: float(split[s]) for s in SEGMENTS},
        "care_homes_from_social_rent": headline_care_homes(data, a),
        "care_homes_net_of_demolition": float(care.loc["programme_net", "care_homes"]),
        "elderly_task_total": value(elderly, "elderly_task_total"),
        "elderly_task_in_building_years": value(elderly, "elderly_task_in_building_years"),
        "elderly_share_of_ambition": value(elderly, "elderly_share_of_ambition"),
        "outflow_homes_per_year": value(outflow, "outflow_homes_per_year"),
        "outflow_cumulative": value(outflow, "outflow_cumulative"),
        "probability_reaching_ambition": reach_probability(a, ranges_of(a)),
        "build_rate_needed": value(programme, "required_rate"),
        "data_notes": [n.to_dict() for n in data.notes],
    }


def verdict(met: bool) -> str:
    """A light for a norm: ok or fail (no amber band: the Woonvisie sets none)."""
    return "ok" if met else "fail"


def _own_norm(value: float, target: float, at_most: bool) -> tuple[str, str]:
    """(status, norm) for a comparison whose norm the advisor may set (target 0 = none)."""
    if not target:
        return "info", "none"
    met = value <= target + 1e-12 if at_most else value >= target - 1e-9
    return verdict(met), "own"


@per_scenario
def policy_checks(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """The policy checks: check, status (ok/fail/info), value, target, unit, norm, lines, extra.

    `value` and `target` share the check's `unit`. `norm` says whose norm it is: the
    Woonvisie's (`woonvisie`, at `lines`), the advisor's own (`own`, an assumption), or
    none (`none`: the comparison is information, status `info`). `extra` holds the figures
    the explanation quotes besides value and target.
    """
    afford = affordability_table(data, a).set_index("series")
    programme = programme_table(data, a)
    outflow = outflow_vs_care(data, a)
    comparison = segment_comparison(data, a)
    basis_series = PROGRAMME_SERIES[a.affordable_basis]
    prog = comparison[comparison["series"] == basis_series].set_index("segment")["homes"]
    norm = norm_shares(data)
    shares = {s: float(prog[s] / prog["total"]) for s in SEGMENTS}
    deviation = max(abs(shares[s] - norm[s]) for s in SEGMENTS)
    programme_homes = value(programme, "programme_homes")
    capacity = value(programme, "plan_capacity_needed")
    care = value(outflow, "care_homes_from_social_rent")
    need = value(outflow, "outflow_cumulative")
    target = float(afford.loc["programme", "target"])
    basis_share = float(afford.loc[basis_series, "affordable_share"])
    scenario_share = float(afford.loc["scenario", "affordable_share"])
    split_status, split_norm = _own_norm(deviation, a.split_norm_tolerance, at_most=True)
    care_target = a.care_outflow_norm * need
    care_status, care_norm = _own_norm(care, care_target, at_most=False)
    affordable_extra = {
        "gross": float(afford.loc["programme_new_build", "affordable_share"]),
        "net": float(afford.loc["programme", "affordable_share"]),
        "basis": a.affordable_basis,
    }
    rows = [
        (
            "check_affordable_programme",
            verdict(basis_share >= target - 1e-12),
            basis_share,
            target,
            "fraction",
            "woonvisie",
            AFFORDABLE_LINES,
            affordable_extra,
        ),
        (
            "check_affordable_scenario",
            verdict(scenario_share >= target - 1e-12),
            scenario_share,
            target,
            "fraction",
            "woonvisie",
            AFFORDABLE_LINES,
            {},
        ),
        (
            "check_norm_split",
            split_status,
            deviation,
            a.split_norm_tolerance,
            "pp",
            split_norm,
            SPLIT_LINES,
            {**shares, "basis": a.affordable_basis},
        ),
        (
            "check_plan_capacity",
            verdict(programme_homes >= capacity - 1e-9),
            programme_homes,
            capacity,
            "homes",
            "woonvisie",
            CAPACITY_LINES,
            {"surcharge": a.plan_failure_surcharge},
        ),
        (
            "check_ambition_programme",
            "info",
            programme_homes,
            float(a.ambition_homes),
            "homes",
            "none",
            "",
            {},
        ),
        (
            "check_care_outflow",
            care_status,
            care,
            care_target if care_norm == "own" else need,
            "homes",
            care_norm,
            "",
            {"need": need, "norm": a.care_outflow_norm},
        ),
    ]
    columns = ["check", "status", "value", "target", "unit", "norm", "lines", "extra"]
    table = pd.DataFrame(rows, columns=columns)
    table[["value", "target"]] = table[["value", "target"]].astype("float64")
    return table
