"""Outflow and urgent cases (Tabel 1, HHM 2023): homes needed per year.

The page reads the core's `Outflow` through `outflow_groups` and `outflow_items`; the tables
here are built from the same rows.
"""

from __future__ import annotations

import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model import core
from woonlib.model.assumptions import Assumptions
from woonlib.model.core import Item
from woonlib.vocab import OUTFLOW_PARENTS

GROUPS = OUTFLOW_PARENTS  # group -> parent in Tabel 1
# (group, parent, homes a year [homes/year], unknown in the source) of Tabel 1
GroupRow = tuple[str, str | None, float, bool]


def outflow_groups(o: core.Outflow) -> tuple[GroupRow, ...]:
    """Tabel 1's groups in order, then the institutions' subtotal and the total  [homes/year]:
    the outflow table's rows."""
    rows: list[GroupRow] = [(g, p, o.per_group[g], o.unknown[g]) for g, p in GROUPS.items()]
    rows += [("institutions", "total", o.institutions, False), ("total", None, o.per_year, False)]
    return tuple(rows)


def outflow_items(o: core.Outflow) -> tuple[Item, ...]:
    """Outflow need to the target year against the care homes as (item, value, unit)
    [homes, homes/year, years, -]: the outflow-vs-care table's rows."""
    need = o.cumulative
    return (
        ("outflow_homes_per_year", o.per_year, "homes/year"),
        ("programme_years", o.years, "years"),
        ("outflow_cumulative", need, "homes"),
        ("care_homes_from_social_rent", o.care_homes, "homes"),
        ("care_homes_per_year", o.care_homes / o.years, "homes/year"),
        ("care_coverage", o.care_coverage, "fraction"),
        ("care_gap", need - o.care_homes, "homes"),
    )


def outflow_table(a: Assumptions) -> pd.DataFrame:
    """Homes needed per group per year, with the institutions subtotal and the total.

    Columns: group, parent, homes_per_year [homes/year], unknown_in_source (youth care).
    """
    rows = outflow_groups(core.outflow(a, care_homes=0.0))
    return pd.DataFrame(rows, columns=["group", "parent", "homes_per_year", "unknown_in_source"])


def outflow_vs_care(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Outflow need to the target year against the care homes of the 30% rule  [homes].

    Columns: item, value, unit.
    """
    rows = outflow_items(core.results(data, a).outflow)
    return pd.DataFrame(rows, columns=["item", "value", "unit"])
