"""Household forecasts (Figuur 2/3): published points and yearly linear interpolation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlib.cache import per_data
from woonlib.data import WoonvisieData

PUBLISHED_YEARS = (2023, 2033, 2043)


@per_data
def forecast_points(data: WoonvisieData) -> pd.DataFrame:
    """The four forecasts at their published points  [households].

    Columns: forecast, name, year, households, published_change (since the previous
    point, as printed), computed_change (difference of the printed levels).
    """
    table = data["household_forecasts"]
    rows = []
    for rec in table.itertuples(index=False):
        previous = None
        for year in PUBLISHED_YEARS:
            level = getattr(rec, f"households_{year}")
            change = getattr(rec, f"change_{year - 10}_{year}", np.nan)
            computed = np.nan if previous is None else level - previous
            rows.append((rec.forecast, rec.name, year, level, change, computed))
            previous = level
    out = pd.DataFrame(
        rows,
        columns=["forecast", "name", "year", "households", "published_change", "computed_change"],
    )
    return out.dropna(subset=["households"]).reset_index(drop=True)


@per_data
def forecast_yearly(data: WoonvisieData) -> pd.DataFrame:
    """Each forecast per year between its published points, by linear interpolation.

    Columns: forecast, name, year, households [households], kind ("published" at the
    printed points, "interpolation" between them). No extrapolation past the last point.
    """
    frames = []
    for (forecast, name), points in forecast_points(data).groupby(["forecast", "name"], sort=False):
        years = np.arange(points["year"].min(), points["year"].max() + 1)
        values = np.interp(years, points["year"], points["households"])
        kind = np.where(np.isin(years, points["year"]), "published", "interpolation")
        frames.append(
            pd.DataFrame(
                {
                    "forecast": forecast,
                    "name": name,
                    "year": years,
                    "households": values,
                    "kind": kind,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)
