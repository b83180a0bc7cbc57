"""Outflow and urgent cases (Tabel 1, HHM 2023): homes needed per year."""

from __future__ import annotations

import pandas as pd

from woonlib.cache import per_scenario
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import SPECS, Assumptions
from woonlib.model.care import headline_care_homes
from woonlib.model.programme import programme_years
from woonlib.vocab import OUTFLOW_PARENTS

GROUPS = OUTFLOW_PARENTS  # group -> parent in Tabel 1


def outflow_table(a: Assumptions) -> pd.DataFrame:
    """Homes needed per group per year, with the institutions subtotal and the total.

    Columns: group, parent, homes_per_year [homes/year], unknown_in_source (youth care).
    """
    rows = [
        (g, p, getattr(a, f"outflow_{g}"), SPECS[f"outflow_{g}"].unknown_in_source)
        for g, p in GROUPS.items()
    ]
    table = pd.DataFrame(rows, columns=["group", "parent", "homes_per_year", "unknown_in_source"])
    institutions = table.loc[table["parent"] == "institutions", "homes_per_year"].sum()
    extra = pd.DataFrame(
        [
            ("institutions", "total", institutions, False),
            ("total", None, table["homes_per_year"].sum(), False),
        ],
        columns=table.columns,
    )
    return pd.concat([table, extra], ignore_index=True)


@per_scenario
def outflow_vs_care(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Outflow need to the target year against the care homes of the 30% rule  [homes].

    Columns: item, value, unit.
    """
    per_year = float(outflow_table(a).set_index("group").loc["total", "homes_per_year"])
    years = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    care = headline_care_homes(data, a)
    need = per_year * years
    rows = [
        ("outflow_homes_per_year", per_year, "homes/year"),
        ("programme_years", years, "years"),
        ("outflow_cumulative", need, "homes"),
        ("care_homes_from_social_rent", care, "homes"),
        ("care_homes_per_year", care / years, "homes/year"),
        ("care_coverage", care / need if need else 0.0, "fraction"),
        ("care_gap", need - care, "homes"),
    ]
    return pd.DataFrame(rows, columns=["item", "value", "unit"])
