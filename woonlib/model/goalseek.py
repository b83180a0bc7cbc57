"""'Wat is er nodig?' — what it takes to meet each target (issue 13, part 3).

Every answer is an `Answer`: the check or target it serves, whether it can be met inside
the assumptions' allowed ranges, the values the page puts into words, and `changes` (name →
value for `Assumptions.replace`) that meet it. Where the answer is about the programme (plans
and homes per segment the municipality has to add: the programme is data, Figuur 5 and
appendix 5.3, not an assumption), `changes` is empty and `applies_to` is "programme".

Needs are not levers: the elderly task (Tabel 2) and the outflow forecast (Tabel 1) say how
many homes are needed, so no answer raises them to meet their own register rows.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, SPECS, Assumptions
from woonlib.model.core import results
from woonlib.model.programme import (
    current_programme,
    plan_capacity_needed,
    programme_years,
    rate_needed,
)
from woonlib.model.segments import PROGRAMME_SERIES, norm_shares
from woonlib.model.uncertainty import DEFAULT_RANGES, Ranges, rate_for_probability
from woonlib.vocab import SEGMENTS

APPLIES_TO = ("assumptions", "programme")


@dataclass(frozen=True, eq=False)
class Answer:
    """What it takes to meet one check or target.

    `goal`: label key of the question (labels_progress); `check`: what it serves: a policy
    check (`check_*`), a register target id, `build_path_reaches_ambition`,
    `reach_probability` or `scenario_norm_split` (the register rows norm_*); `feasible`:
    it can be met within the allowed ranges; `met`: it is met already (changes then
    empty); `values`: figures for the sentence, in their units (see each
    function); `changes`: assumption name → value; `applies_to`: "assumptions" (apply
    `changes`) or "programme" (add plans or homes; `changes` empty); `note`: a label key
    saying why an answer is not feasible, or empty; `assumed`: the goal is about the
    scenario's own assumptions (its segment shares), so when met the scenario assumes it
    rather than meets it (an assumption cannot meet the target it is set from).
    """

    goal: str
    check: str
    feasible: bool
    met: bool
    values: Mapping[str, float] = field(default_factory=dict)
    changes: Mapping[str, Any] = field(default_factory=dict)
    applies_to: str = "assumptions"
    note: str = ""
    assumed: bool = False


def _maximum(name: str) -> float:
    maximum = SPECS[name].maximum
    assert maximum is not None
    return maximum


GOALS = (  # the questions `answers` answers, in the order the page shows them
    "goal_rate_for_ambition",
    "goal_reachable_year",
    "goal_rate_for_chance",
    "goal_plan_capacity",
    "goal_programme_affordable",
    "goal_programme_norm_split",
    "goal_scenario_affordable",
    "goal_scenario_norm_split",
)


def _so_far(a: Assumptions, realised: Sequence[float]) -> tuple[float, int, int]:
    """(net homes realised [homes], realised building years, building years left)."""
    years = max(programme_years(a.start_year, a.target_year, a.target_year_inclusive), 0)
    done = list(realised)[:years]
    return float(sum(done)), len(done), years - len(done)


def rate_for_ambition(a: Assumptions, realised: Sequence[float] = ()) -> Answer:
    """The build rate that reaches the ambition by the target year  [homes/year].

    `realised` [homes]: net homes of the first building years from a monitor
    (`progress.realised_so_far`): the rate then holds from the year after them
    (`programme.rate_needed`, the same figure as the monitor block's). values: build_rate
    (needed, whole homes, rounded up), current, years [years] (the building years left),
    and with realised years from_year [year] (the first year the rate is for).
    """
    done, count, left = _so_far(a, realised)
    rate = rate_needed(a, realised)
    needed = math.ceil(rate - 1e-9) if math.isfinite(rate) else math.inf
    met = done + a.build_rate * left >= a.ambition_homes - 1e-9
    feasible = needed <= _maximum("build_rate")
    values = {"build_rate": float(needed), "current": float(a.build_rate), "years": float(left)}
    if count:
        values["from_year"] = float(a.start_year + count)
    changes = {} if met or not feasible else {"build_rate": int(needed)}
    note = "" if feasible else "goal_note_rate_above_maximum"
    return Answer(
        "goal_rate_for_ambition",
        "build_path_reaches_ambition",
        feasible,
        met,
        values,
        changes,
        note=note,
    )


def reachable_year(a: Assumptions, realised: Sequence[float] = ()) -> Answer:
    """The target year the ambition is reached in at the current build rate  [year].

    `realised` [homes]: net homes of the first building years from a monitor; the build
    rate then adds to them from the year after. values: target_year, current, years [years]
    (building years needed, the realised ones included).
    """
    done, count, left = _so_far(a, realised)
    missing = a.ambition_homes - done
    if missing <= 0:  # reached within the realised years: the first year it was
        cumulative = itertools.accumulate(list(realised)[:count])
        hit = (i + 1 for i, c in enumerate(cumulative) if c >= a.ambition_homes - 1e-9)
        years = next(hit, 1)
    elif a.build_rate <= 0:
        return Answer(
            "goal_reachable_year",
            "build_path_reaches_ambition",
            False,
            False,
            {"current": float(a.target_year)},
            note="goal_note_rate_zero",
        )
    else:
        years = count + max(1, math.ceil(missing / a.build_rate - 1e-9))
    year = a.start_year + years - (1 if a.target_year_inclusive else 0)
    year = max(year, a.start_year + 1, int(SPECS["target_year"].minimum or 0))
    met = done + a.build_rate * left >= a.ambition_homes - 1e-9
    feasible = year <= _maximum("target_year")
    values = {"target_year": float(year), "current": float(a.target_year), "years": float(years)}
    changes = {} if met or not feasible else {"target_year": year}
    note = "" if feasible else "goal_note_year_above_maximum"
    return Answer(
        "goal_reachable_year",
        "build_path_reaches_ambition",
        feasible,
        met,
        values,
        changes,
        note=note,
    )


def rate_for_chance(
    probability: float,
    a: Assumptions,
    ranges: Ranges = DEFAULT_RANGES,
    realised: Sequence[float] = (),
) -> Answer:
    """The build rate that reaches the ambition with `probability` [-] in the fan.

    values: build_rate (whole homes, rounded up) [homes/year], current, probability [-].
    `realised` [homes]: net homes per building year so far (`monitor.realised_so_far`):
    the rate then holds from the year after them.
    """
    from woonlib.model.uncertainty import reach_probability

    rate = rate_for_probability(probability, a, ranges, realised)
    needed = math.ceil(rate) if math.isfinite(rate) else math.inf
    met = reach_probability(a, ranges, realised) >= probability
    feasible = needed <= _maximum("build_rate")
    values = {
        "build_rate": float(needed),
        "current": float(a.build_rate),
        "probability": probability,
    }
    changes = {} if met or not feasible else {"build_rate": int(needed)}
    note = "" if feasible else "goal_note_rate_above_maximum"
    return Answer(
        "goal_rate_for_chance", "reach_probability", feasible, met, values, changes, note=note
    )


def plan_capacity_to_add(data: WoonvisieData, a: Assumptions) -> Answer:
    """Plans to add to the programme for 100% + surcharge of the ambition  [homes].

    values: to_add (rounded up), capacity (ambition × (1 + surcharge)), programme (Figuur 5,
    net). About the programme: no assumption changes (lines 677–679).
    """
    capacity = plan_capacity_needed(a.ambition_homes, a.plan_failure_surcharge)
    programme = current_programme(data)["figuur5"]
    to_add = max(0, math.ceil(capacity - programme - 1e-9))
    values = {"to_add": float(to_add), "capacity": capacity, "programme": programme}
    return Answer(
        "goal_plan_capacity",
        "check_plan_capacity",
        True,
        to_add == 0,
        values,
        applies_to="programme",
    )


def _programme_segments(data: WoonvisieData, a: Assumptions) -> dict[str, float]:
    """The programme's homes per segment on the 70%-norm basis (`a.affordable_basis`)."""
    return dict(programme_homes_by_segment(data, a.affordable_basis))


def programme_homes_by_segment(data: WoonvisieData, basis: str) -> dict[str, float]:
    """The current programme's homes per segment, gross or net (no scenario in it)  [homes]."""
    split = results(data, DEFAULTS).series[PROGRAMME_SERIES[basis]]
    return {s: split[s] for s in SEGMENTS}


def programme_affordable(data: WoonvisieData, a: Assumptions) -> Answer:
    """Affordable homes to add to (or shift into) the programme for 70% affordable  [homes].

    On the basis of `a.affordable_basis` (gross new build by default). values: add
    (affordable homes to add, none removed), shift (expensive homes to make affordable,
    total unchanged), affordable, total, target [-]. About the programme: no changes.
    """
    target = data.figure("policy_norms", "affordable_target") / 100
    homes = _programme_segments(data, a)
    affordable = homes["social_rent"] + homes["mid_priced"]
    total = sum(homes.values())
    add = max(0, math.ceil((target * total - affordable) / (1 - target) - 1e-9))
    shift = max(0, math.ceil(target * total - affordable - 1e-9))
    values = {
        "add": float(add),
        "shift": float(shift),
        "affordable": affordable,
        "total": total,
        "target": target,
    }
    return Answer(
        "goal_programme_affordable",
        "check_affordable_programme",
        True,
        add == 0,
        values,
        applies_to="programme",
    )


def programme_norm_split(data: WoonvisieData, a: Assumptions) -> Answer:
    """Homes per segment to add to (or shift in) the programme for the 30/40/30 norm  [homes].

    values: add_<segment> (adding only: the smallest programme in the norm's proportions
    that keeps every segment's homes), shift_<segment> (same total, moved between segments;
    negative = fewer), and norm_<segment> [-]. Exact (not rounded): the page rounds.
    """
    norms = norm_shares(data)
    homes = _programme_segments(data, a)
    total = sum(homes.values())
    new_total = max(homes[s] / norms[s] for s in SEGMENTS if norms[s] > 0)
    values: dict[str, float] = {}
    for s in SEGMENTS:
        add = norms[s] * new_total - homes[s]
        values[f"add_{s}"] = add if add > 1e-6 else 0.0  # the binding segment: none
        values[f"shift_{s}"] = norms[s] * total - homes[s]
        values[f"norm_{s}"] = norms[s]
    met = all(abs(values[f"shift_{s}"]) < 1e-6 for s in SEGMENTS)
    return Answer(
        "goal_programme_norm_split", "check_norm_split", True, met, values, applies_to="programme"
    )


def scenario_affordable_shares(data: WoonvisieData, a: Assumptions) -> Answer:
    """Segment shares for a 70% affordable scenario, keeping social : mid-priced  [-].

    values: share_<segment> after, affordable [-] before. Expensive is lowered to 30%;
    social rent and mid-priced take the rest in their current proportion (the norm's 30:40
    when both are 0).
    """
    target = data.figure("policy_norms", "affordable_target") / 100
    social, mid = a.share_social_rent, a.share_mid_priced
    met = social + mid >= target - 1e-12 and a.ambition_homes > 0
    before = social + mid
    if social + mid <= 0:
        norms = norm_shares(data)
        social, mid = norms["social_rent"], norms["mid_priced"]
    shares = {
        "share_social_rent": target * social / (social + mid),
        "share_mid_priced": target * mid / (social + mid),
        "share_expensive": 1 - target,
    }
    values = {**shares, "affordable": before}
    feasible = a.ambition_homes > 0
    changes = {} if met or not feasible else shares
    note = "" if feasible else "goal_note_no_homes"
    return Answer(
        "goal_scenario_affordable",
        "check_affordable_scenario",
        feasible,
        met,
        values,
        changes,
        note=note,
        assumed=True,
    )


def scenario_norm_shares(data: WoonvisieData, a: Assumptions) -> Answer:
    """The Woondeal norm 30/40/30 as the scenario's shares  [-] (register rows norm_*)."""
    norms = norm_shares(data)
    shares = {f"share_{s}": norms[s] for s in SEGMENTS}
    met = all(abs(getattr(a, f) - shares[f]) < 1e-6 for f in SHARE_FIELDS)
    changes = {} if met else shares
    return Answer(
        "goal_scenario_norm_split", "scenario_norm_split", True, met, shares, changes, assumed=True
    )


def target_answers(data: WoonvisieData, a: Assumptions, status: pd.DataFrame) -> list[Answer]:
    """An answer per register row whose outcome fails the source's norm.

    `status` is `woonlib.model.register.target_status(data, a)`. Only an outcome of the
    scenario can fail (plan capacity, the affordable share: the programme answers); a row the
    scenario takes as an assumption ("aanname = doel") is never failing, so it gets no
    answer that would merely set the assumption to the target.
    """
    answers: list[Answer] = []
    for row in status[status["status"] == "fail"].itertuples(index=False):
        answer = _target_answer(row, data, a)
        if answer is not None:
            answers.append(answer)
    return answers


def _target_answer(row: Any, data: WoonvisieData, a: Assumptions) -> Answer | None:
    indicator = row.indicator
    if indicator == "plan_capacity":  # the row's status is Overzicht's check: its answer too
        answer = plan_capacity_to_add(data, a)
        return Answer("goal_target", row.id, True, False, answer.values, applies_to="programme")
    if indicator == "affordable_share_new_build":
        answer = programme_affordable(data, a)
        return Answer("goal_target", row.id, True, False, answer.values, applies_to="programme")
    return None


def answers(
    data: WoonvisieData,
    a: Assumptions,
    probability: float = 0.8,
    ranges: Ranges = DEFAULT_RANGES,
    realised: Sequence[float] = (),
) -> list[Answer]:
    """Every goal-seek answer of the page, in the order it shows them.

    `realised` [homes]: net homes of the first building years from a monitor
    (`progress.realised_so_far`): the build-rate and year answers start from them and the
    chance answer samples only the years still to come.
    """
    return [
        rate_for_ambition(a, realised),
        reachable_year(a, realised),
        rate_for_chance(probability, a, ranges, realised),
        plan_capacity_to_add(data, a),
        programme_affordable(data, a),
        programme_norm_split(data, a),
        scenario_affordable_shares(data, a),
        scenario_norm_shares(data, a),
    ]
