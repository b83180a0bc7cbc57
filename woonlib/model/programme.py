"""The housing programme (§1.1, Figuur 4): basis, ambition, build path, plan capacity."""

from __future__ import annotations

import pandas as pd

from woonlib.cache import per_data, per_scenario
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions
from woonlib.model.households import household_growth
from woonlib.model.segments import appendix_figuur5


def programme_years(start_year: int, target_year: int, inclusive: bool) -> int:
    """Number of building years from 1 January of `start_year` to `target_year`  [years].

    'tot en met 2032' (inclusive) from 2024 is 9 years; 'tot 2032' is 8.
    """
    return target_year - start_year + (1 if inclusive else 0)


@per_data
def basis_demand(data: WoonvisieData, forecast: str) -> float:
    """Home demand from household growth of `forecast`  [homes].

    The Woonvisie gives 2,675 homes for CBS 2022 (line 585), whose households grow by
    2,655 (Figuur 2). Other forecasts are scaled by their own growth 2023–2033 with that
    same ratio of homes to households, so CBS 2022 gives the published 2,675 exactly.
    """
    cbs_demand = data.figure("scenario_figures", "cbs_demand_to_2032")
    ratio = cbs_demand / household_growth(data, "cbs_2022")
    return household_growth(data, forecast) * ratio


def plan_capacity_needed(homes_needed: float, failure_surcharge: float) -> float:
    """Plans needed to realise `homes_needed`, given plan failure  [homes].

    Woonvisie 2024, lines 677–679: 30% extra plans are needed to realise 100%.
    """
    return homes_needed * (1 + failure_surcharge)


@per_data
def current_programme(data: WoonvisieData) -> dict[str, float]:
    """The current programme's total by Figuur 5 and by appendix 5.3  [homes]."""
    figuur5 = data["figuur5_segments"].set_index("scenario")
    appendix = appendix_figuur5(data)
    return {
        "figuur5": float(figuur5.loc["programme", "total"]),
        "appendix": float(appendix["programme"].sum()),
    }


@per_scenario
def programme_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Basis, ambition, current programme, plan capacity and gaps  [homes, homes/year].

    Columns: item, value, unit. The gaps are ambition and plan capacity minus the
    current programme, against both published programme totals.
    """
    years = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    demand = basis_demand(data, a.forecast)
    current = current_programme(data)
    capacity = plan_capacity_needed(a.ambition_homes, a.plan_failure_surcharge)
    rows = [
        ("basis_demand", demand, "homes"),
        ("shortage_catch_up", a.shortage_catch_up, "homes"),
        ("basis_homes", demand + a.shortage_catch_up, "homes"),
        ("ambition_homes", a.ambition_homes, "homes"),
        ("programme_homes", current["figuur5"], "homes"),
        ("programme_homes_appendix", current["appendix"], "homes"),
        ("plan_capacity_needed", capacity, "homes"),
        ("programme_gap", capacity - current["figuur5"], "homes"),
        ("programme_gap_appendix", capacity - current["appendix"], "homes"),
        ("ambition_gap", a.ambition_homes - current["figuur5"], "homes"),
        ("programme_years", years, "years"),
        ("build_rate", a.build_rate, "homes/year"),
        ("required_rate", a.ambition_homes / years, "homes/year"),
        ("built_at_rate", a.build_rate * years, "homes"),
        ("build_shortfall", a.ambition_homes - a.build_rate * years, "homes"),
    ]
    return pd.DataFrame(rows, columns=["item", "value", "unit"])


def build_path(a: Assumptions) -> pd.DataFrame:
    """Yearly path at the build rate against the straight path to the ambition  [homes].

    Columns: year, built (in that year), cumulative, target_cumulative, shortfall.
    """
    years = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    rows = []
    for i in range(1, years + 1):
        cumulative = a.build_rate * i
        target = a.ambition_homes * i / years
        rows.append((a.start_year + i - 1, a.build_rate, cumulative, target, target - cumulative))
    return pd.DataFrame(
        rows, columns=["year", "built", "cumulative", "target_cumulative", "shortfall"]
    )


def value(table: pd.DataFrame, item: str) -> float:
    """One value of an item/value result table."""
    matches = table.index[table["item"].to_numpy() == item]
    return float(table.at[matches[0], "value"])
