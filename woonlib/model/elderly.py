"""The elderly expansion task (Tabel 2, Mondria 2023), per home type and period.

The page reads the core's `Elderly` and `elderly_items`; the tables here are built from them.
"""

from __future__ import annotations

from dataclasses import astuple

import pandas as pd

from woonlib.model import core
from woonlib.model.assumptions import Assumptions
from woonlib.model.core import Item
from woonlib.vocab import HOME_TYPES, PERIODS

__all__ = [
    "HOME_TYPES",
    "PERIODS",
    "elderly_items",
    "elderly_summary",
    "elderly_task",
    "period_years",
]


def period_years(a: Assumptions) -> dict[str, list[int]]:
    """The calendar years of each Tabel 2 period under the year conventions."""
    return {k: list(v) for k, v in core.period_years(a).items()}


def elderly_task(a: Assumptions) -> pd.DataFrame:
    """Task per home type and period, scaled, with yearly rates  [homes, homes/year].

    Columns: home_type, period, homes, years, per_year, in_programme (homes falling in the
    programme's years, pro rata per year).
    """
    rows = [astuple(r) for r in core.elderly(a).rows]
    return pd.DataFrame(
        rows, columns=["home_type", "period", "homes", "years", "per_year", "in_programme"]
    )


def elderly_summary(a: Assumptions) -> pd.DataFrame:
    """Totals of the task and its share of the ambition, like with like  [homes, -].

    Columns: item, value, unit. The task runs to 2040, the ambition to the target year: the
    share of the ambition is the task inside the building years (3,075 of 9,300 = 33.1%
    with the defaults); the task to 2040 is shown on its own, never divided by the ambition.
    """
    return pd.DataFrame(elderly_items(core.elderly(a)), columns=["item", "value", "unit"])


def elderly_items(e: core.Elderly) -> tuple[Item, ...]:
    """The task's totals and its share of the ambition as (item, value, unit)  [homes, -]:
    the summary table's rows."""
    return (
        ("elderly_task_total", e.total, "homes"),
        ("elderly_task_to_2030", e.period_total("to_2030"), "homes"),
        ("elderly_task_2030_2040", e.period_total("2030_2040"), "homes"),
        ("elderly_task_in_building_years", e.in_building_years, "homes"),
        ("elderly_share_of_ambition", e.share_of_ambition, "fraction"),
    )
