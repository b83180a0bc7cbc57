"""The register of the Woonvisie's quantitative targets: what each row is and what it asks.

Every row of the data package's `targets` table is one line of the Woonvisie with a number:
its value, unit, horizon, source line and `kind` (commitment, fact, forecast or national
rule). `ROLES` says what the scenario can tell about a row with an `indicator`: an outcome
of the scenario judged against the source's norm, an assumption the scenario sets from the
row itself (which cannot meet itself: the outcome it leads to is judged instead), or a
need the source sets no norm for (information). The statuses in a scenario are computed in
`woonlib.model.register`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

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
KINDS = ("commitment", "fact", "forecast", "national_rule")
# ok/fail: a light (an outcome against a norm); info: compared, no norm; assumption: the
# scenario sets the value from the row ("aanname = doel"); monitor: needs a measured value
TARGET_STATUSES = ("ok", "fail", "info", "assumption", "monitor")

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

# indicator -> what the scenario's value of the row is:
#   outcome: a result of the scenario, judged against the row's norm by the policy check
#            named in OUTCOME_CHECKS (the same Check as Overzicht's);
#   assumption: an assumption the scenario sets from the row; ASSUMPTION_OUTCOMES names the
#            outcomes that test it;
#   info: a need or forecast from the data, for which the source sets no norm.
ROLES = {
    "ambition_homes": "assumption",
    "build_rate": "assumption",
    "plan_capacity": "outcome",
    "norm_social_rent": "assumption",
    "norm_mid_priced": "assumption",
    "norm_expensive": "assumption",
    "affordable_share_new_build": "outcome",
    "care_share_social_rent": "assumption",
    "elderly_task": "info",
    "outflow_homes_per_year": "info",
}
OUTCOME_CHECKS = {
    "plan_capacity": "check_plan_capacity",
    "affordable_share_new_build": "check_affordable_programme",
}
# the build path and the chance of the ambition; the programme's split for 30/40/30; the
# care share has no outcome the source sets a norm for
ASSUMPTION_OUTCOMES: dict[str, tuple[str, ...]] = {
    "ambition_homes": ("build_path", "reach_probability"),
    "build_rate": ("build_path",),
    "norm_social_rent": ("check_norm_split",),
    "norm_mid_priced": ("check_norm_split",),
    "norm_expensive": ("check_norm_split",),
    "care_share_social_rent": (),
}


def meets(measured: float, target: float, comparator: str, high: float | None = None) -> bool:
    """Whether `measured` meets a target of `comparator` kind (about counts as at least;
    more_than and below are strict)."""
    if comparator in ("at_least", "about"):
        return measured >= target - TOLERANCE
    if comparator == "more_than":
        return measured > target + TOLERANCE
    if comparator == "below":
        return measured < target - TOLERANCE
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
    horizon: int | None  # the year by which it is asked (ambition_homes: 2032)

    @property
    def role(self) -> str:
        return ROLES[self.indicator]


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
