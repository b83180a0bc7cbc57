"""The elderly expansion task (Tabel 2, Mondria 2023), per home type and period."""

from __future__ import annotations

import pandas as pd

from woonlib.model.assumptions import Assumptions
from woonlib.model.programme import programme_years
from woonlib.vocab import HOME_TYPES, PERIODS


def period_years(a: Assumptions) -> dict[str, list[int]]:
    """The calendar years of each Tabel 2 period under the year conventions."""
    split = 2030 if a.elderly_to_2030_inclusive else 2029
    return {
        "to_2030": list(range(a.start_year, split + 1)),
        "2030_2040": list(range(split + 1, split + 11)),
    }


def elderly_task(a: Assumptions) -> pd.DataFrame:
    """Task per home type and period, scaled, with yearly rates  [homes, homes/year].

    Columns: home_type, period, homes, years, per_year, in_programme (homes falling in the
    programme's years, pro rata per year).
    """
    years = period_years(a)
    first = a.start_year
    span = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    programme = set(range(first, first + span))
    rows = []
    for home_type in HOME_TYPES:
        for period in PERIODS:
            homes = getattr(a, f"elderly_{home_type}_{period}") * a.elderly_scale
            n = len(years[period])
            per_year = homes / n if n else 0.0
            overlap = len(programme.intersection(years[period]))
            rows.append((home_type, period, homes, n, per_year, per_year * overlap))
    return pd.DataFrame(
        rows, columns=["home_type", "period", "homes", "years", "per_year", "in_programme"]
    )


def elderly_summary(a: Assumptions) -> pd.DataFrame:
    """Totals of the task and its share of the ambition, like with like  [homes, -].

    Columns: item, value, unit. The task runs to 2040, the ambition to the target year: the
    share of the ambition is the task inside the building years (3,075 of 9,300 = 33.1%
    with the defaults); the task to 2040 is shown on its own, never divided by the ambition.
    """
    task = elderly_task(a)
    total = task["homes"].sum()
    in_programme = task["in_programme"].sum()
    ambition = a.ambition_homes
    rows = [
        ("elderly_task_total", total, "homes"),
        ("elderly_task_to_2030", task.loc[task["period"] == "to_2030", "homes"].sum(), "homes"),
        ("elderly_task_2030_2040", task.loc[task["period"] == "2030_2040", "homes"].sum(), "homes"),
        ("elderly_task_in_building_years", in_programme, "homes"),
        ("elderly_share_of_ambition", in_programme / ambition if ambition else 0.0, "fraction"),
    ]
    return pd.DataFrame(rows, columns=["item", "value", "unit"])
