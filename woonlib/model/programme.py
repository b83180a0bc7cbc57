"""The housing programme (§1.1, Figuur 4): basis, ambition, build path, plan capacity.

The figures come from the plain-value core (`woonlib.model.core`). The value functions here
(`programme_items`, `path_years`) feed the page; the tables (`programme_table`, `build_path`)
are built from them for the exports, so each number has one rule.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import astuple, dataclass

import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model import core
from woonlib.model.assumptions import Assumptions
from woonlib.model.core import Item, plan_capacity_needed, programme_years
from woonlib.vocab import RATE_NEEDED

__all__ = [
    "PathYear",
    "basis_demand",
    "build_path",
    "current_programme",
    "path_years",
    "plan_capacity_needed",
    "programme_items",
    "programme_table",
    "programme_years",
    "rate_needed",
    "value",
]

UNITS = {"programme_years": "years", "build_rate": "homes/year", "required_rate": RATE_NEEDED}


def basis_demand(data: WoonvisieData, forecast: str) -> float:
    """Home demand from household growth of `forecast`  [homes] (see core.basis_demand)."""
    return core.basis_demand(core.facts(data), forecast)


def current_programme(data: WoonvisieData) -> dict[str, float]:
    """The current programme's total by Figuur 5 and by appendix 5.3  [homes]."""
    f = core.facts(data)
    return {"figuur5": f.programme_total, "appendix": f.appendix_net.total}


def programme_items(p: core.Programme) -> tuple[Item, ...]:
    """Every programme figure as (item, value, unit), in the table's order  [homes,
    homes/year, years]: the programme table's rows and the page's item table."""
    items = core.values_of(p)
    return tuple((k, float(v), UNITS.get(k, "homes")) for k, v in items.items())  # type: ignore[arg-type]


def programme_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Basis, ambition, current programme, plan capacity and gaps  [homes, homes/year].

    Columns: item, value, unit. The gaps are ambition and plan capacity minus the
    current programme, against both published programme totals.
    """
    rows = programme_items(core.results(data, a).programme)
    return pd.DataFrame(rows, columns=["item", "value", "unit"])


def rate_needed(a: Assumptions, realised: Sequence[float] = ()) -> float:
    """Net homes a year needed in the building years left to reach the ambition by the last
    building year  [homes/year] ("the rate needed from now").

    `realised` [homes]: net homes realised in the first building years, from the start year
    without a gap (`woonlib.model.progress.realised_so_far`); without it, the ambition over
    all building years (`required_rate`). 0 when the ambition is reached already; inf when
    homes are still missing and no building year is left. The one function for this figure:
    the monitor block, goal seek, the command line and the memo all read it.
    """
    years = max(programme_years(a.start_year, a.target_year, a.target_year_inclusive), 0)
    done = list(realised)[:years]
    missing = a.ambition_homes - sum(done)
    if missing <= 0:
        return 0.0
    left = years - len(done)
    return missing / left if left > 0 else math.inf


@dataclass(frozen=True, slots=True)
class PathYear:
    """One building year of the build path against the straight path to the ambition."""

    year: int
    built: float  # in that year, at the build rate [homes]
    cumulative: float  # [homes]
    target_cumulative: float  # the straight path to the ambition [homes]
    shortfall: float  # target_cumulative - cumulative [homes]


def path_years(a: Assumptions) -> tuple[PathYear, ...]:
    """Each building year at the build rate against the straight path to the ambition."""
    years = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    rows = []
    for i in range(1, years + 1):
        cumulative = a.build_rate * i
        target = a.ambition_homes * i / years
        rows.append(
            PathYear(a.start_year + i - 1, a.build_rate, cumulative, target, target - cumulative)
        )
    return tuple(rows)


def build_path(a: Assumptions) -> pd.DataFrame:
    """Yearly path at the build rate against the straight path to the ambition  [homes].

    Columns: year, built (in that year), cumulative, target_cumulative, shortfall
    (`path_years` as a table).
    """
    rows = [astuple(r) for r in path_years(a)]
    return pd.DataFrame(
        rows, columns=["year", "built", "cumulative", "target_cumulative", "shortfall"]
    )


def value(table: pd.DataFrame, item: str) -> float:
    """One value of an item/value result table."""
    matches = table.index[table["item"].to_numpy() == item]
    return float(table.at[matches[0], "value"])
