"""A workshop's submissions summarised: the spread of each assumption, the median scenario
and each participant's headline outcomes. Pure functions of the scenarios.

The median scenario takes each number's median (whole numbers rounded), each choice's most
frequent value (a tie: the Woonvisie's, else the first in the list) and the three segment
shares' medians rescaled to exactly 100% in whole percents (largest remainder), and is
validated like any scenario (`Assumptions`). The Energy Transition Model's merged share
sliders summed to 95,1% (quintel/etmodel #2502); these add up by construction.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, SPECS, Assumptions, from_mapping
from woonlib.model.core import results
from woonlib.model.uncertainty import ranges_of, reach_probability
from woonlib.vocab import INT_UNITS

SHARE_RESOLUTION = 100  # the median's shares in whole percents: the page reads 100%


def numeric(name: str) -> bool:
    """True for an assumption with a number as its value (not a choice or yes/no)."""
    spec = SPECS[name]
    return not spec.choices and spec.unit != "bool"


@dataclass(frozen=True)
class Spread:
    """One assumption across the participants  [its unit].

    `count`: participants; `changed`: those whose value differs from the Woonvisie;
    `values`: every participant's value, in the order given.
    """

    name: str
    count: int
    changed: int
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float
    values: tuple[float, ...]


def spread_of(name: str, scenarios: Sequence[Assumptions]) -> Spread:
    """The spread of numeric assumption `name` over `scenarios` (at least one)."""
    values = tuple(float(getattr(a, name)) for a in scenarios)
    if len(values) > 1:
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1 = median = q3 = values[0]
    default = getattr(DEFAULTS, name)
    changed = sum(1 for a in scenarios if getattr(a, name) != default)
    return Spread(name, len(values), changed, min(values), q1, median, q3, max(values), values)


def in_play(scenarios: Sequence[Assumptions], chosen: Sequence[str] | None = None) -> list[str]:
    """The numeric assumptions a summary shows: `chosen` (the workshop's), else every one
    that some participant changed from the Woonvisie, in SPECS order."""
    if chosen is not None:
        return [n for n in SPECS if n in chosen and numeric(n)]
    return [
        n
        for n in SPECS
        if numeric(n) and any(getattr(a, n) != getattr(DEFAULTS, n) for a in scenarios)
    ]


def spreads(
    scenarios: Sequence[Assumptions], chosen: Sequence[str] | None = None
) -> tuple[Spread, ...]:
    """The spread of each assumption in play (none without scenarios)."""
    if not scenarios:
        return ()
    return tuple(spread_of(n, scenarios) for n in in_play(scenarios, chosen))


def whole_shares(
    shares: Mapping[str, float], resolution: int = SHARE_RESOLUTION
) -> dict[str, float]:
    """`shares` rescaled to add up to exactly 1 in steps of 1/`resolution` (largest
    remainder: the rounding error goes to the shares closest to the next step)  [-]."""
    total = sum(shares.values())
    if total <= 0:
        raise ValueError("shares that add up to nothing cannot be rescaled")
    exact = {k: v / total * resolution for k, v in shares.items()}
    units = {k: math.floor(v) for k, v in exact.items()}
    left = resolution - sum(units.values())
    for k in sorted(exact, key=lambda k: exact[k] - units[k], reverse=True)[:left]:
        units[k] += 1
    return {k: u / resolution for k, u in units.items()}


def _majority(name: str, scenarios: Sequence[Assumptions]) -> Any:
    counts = Counter(getattr(a, name) for a in scenarios)
    top = max(counts.values())
    tied = [v for v, c in counts.items() if c == top]
    default = getattr(DEFAULTS, name)
    if default in tied:
        return default
    order: list[Any] = list(SPECS[name].choices) or [True, False]
    return min(tied, key=order.index)


def median_scenario(scenarios: Sequence[Assumptions]) -> Assumptions:
    """The median scenario of `scenarios` (at least one), validated: AssumptionError if
    the medians make no valid scenario."""
    if not scenarios:
        raise ValueError("a median scenario needs at least one scenario")
    values: dict[str, Any] = {}
    for name in SPECS:
        if not numeric(name):
            values[name] = _majority(name, scenarios)
            continue
        median = statistics.median(float(getattr(a, name)) for a in scenarios)
        values[name] = round(median) if SPECS[name].unit in INT_UNITS else median
    shares = whole_shares({f: values[f] for f in SHARE_FIELDS})
    values.update(shares)
    return from_mapping(values)


@dataclass(frozen=True)
class Headlines:
    """A participant's headline outcomes.

    chance: of the ambition by the target year [-]; plan_capacity_gap: plans still needed
    for 130% of the ambition (negative: a surplus) [homes]; affordable_share: the
    programme's share affordable, on the 70% norm's basis [-]; elderly_task: homes for the
    elderly in the building years (Tabel 2) [homes].
    """

    chance: float
    plan_capacity_gap: float
    affordable_share: float
    elderly_task: float


def headlines(data: WoonvisieData, a: Assumptions) -> Headlines:
    """The headline outcomes of scenario `a` (the same values as the page's)."""
    r = results(data, a)
    return Headlines(
        chance=reach_probability(a, ranges_of(a)),
        plan_capacity_gap=r.programme.programme_gap,
        affordable_share=r.afford(r.basis_series).affordable_share,
        elderly_task=r.elderly.in_building_years,
    )
