"""Progress against the plan, from a monitor of realised figures (pure functions).

The monitor (`woonlib.data.monitor`, read and validated there) holds realised new build, per
segment where known, demolition and measured values of the targets register. Here: realised
against the build path and the ambition, the rate needed from now, the year reached at the
pace of the last three realised years, the realised segment mix against 30/40/30 and 70%,
and the status of each register target with a measured value (`measured_by_id`; the
register's statuses in a scenario are `woonlib.model.register`); and the scenario's
uncertainty fan with the realised years fixed (`scenario_fan`).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.data.monitor import (
    DEMOLISHED_MEASURE,
    HOMES_MEASURES,
    PACE_YEARS,
    SEGMENT_MEASURES,
    TOTAL_MEASURE,
    Monitor,
)
from woonlib.model.assumptions import Assumptions
from woonlib.model.programme import programme_years, rate_needed
from woonlib.model.targets import meets
from woonlib.model.uncertainty import Fan, fan, ranges_of, reach_probability

REALISED_VS_PATH = [
    "year",
    "realised",
    "realised_gross",
    "realised_cumulative",
    "path_cumulative",
    "ambition_cumulative",
    "ambition",
]


def realised_homes(monitor: Monitor) -> pd.DataFrame:
    """Realised homes per monitored year  [homes] (a copy: the table is made once per monitor).

    Columns: year, new_build (gross), social_rent, mid_priced, expensive, demolished, net
    (new build minus demolished; a year without a demolition figure counts 0 demolished).
    NaN where the file has no figure. Only years with a new-build total.
    """
    return _realised_homes(monitor).copy()


@functools.lru_cache(maxsize=8)  # Monitor is frozen and hashed by identity
def _realised_homes(monitor: Monitor) -> pd.DataFrame:
    """Realised homes per monitored year  [homes].

    Columns: year, new_build (gross), social_rent, mid_priced, expensive, demolished, net
    (new build minus demolished; a year without a demolition figure counts 0 demolished).
    NaN where the file has no figure. Only years with a new-build total.
    """
    v = monitor.values
    homes = v[v["measure"].isin(HOMES_MEASURES)]
    wide = homes.pivot(index="year", columns="measure", values="value")
    wide = wide.reindex(columns=list(HOMES_MEASURES)).dropna(subset=[TOTAL_MEASURE])
    out = pd.DataFrame(
        {
            "year": wide.index.astype("int64"),
            "new_build": wide[TOTAL_MEASURE].to_numpy(dtype=float),
            **{seg: wide[m].to_numpy(dtype=float) for m, seg in SEGMENT_MEASURES.items()},
            "demolished": wide[DEMOLISHED_MEASURE].to_numpy(dtype=float),
        }
    )
    out["net"] = out["new_build"] - out["demolished"].fillna(0.0)
    return out.reset_index(drop=True)


def last_building_year(a: Assumptions) -> int:
    """The last year that counts towards the ambition  [year] (see data note ambition_tot_2032)."""
    return a.start_year + programme_years(a.start_year, a.target_year, a.target_year_inclusive) - 1


@dataclass(frozen=True)
class Run:
    """Realised years from the start year without a gap (later years cannot be summed)."""

    years: tuple[int, ...]
    net: tuple[float, ...]  # net homes of each year [homes]

    @property
    def empty(self) -> bool:
        return not self.years


@functools.lru_cache(maxsize=64)
def realised_run(monitor: Monitor, start_year: int) -> Run:
    """The gap-free run of realised years from `start_year` (plain values, cached)."""
    realised = _realised_homes(monitor)
    years: list[int] = []
    net: list[float] = []
    for year, value in zip(realised["year"].tolist(), realised["net"].tolist(), strict=True):
        if year < start_year:
            continue
        if year != start_year + len(years):
            break
        years.append(int(year))
        net.append(float(value))
    return Run(tuple(years), tuple(net))


def realised_so_far(monitor: Monitor, a: Assumptions) -> tuple[float, ...]:
    """Net homes realised per building year from the start year, up to the first year
    without a figure  [homes] (the `realised` of `woonlib.model.uncertainty.fan`)."""
    run = realised_run(monitor, a.start_year)
    return run.net[: last_building_year(a) - a.start_year + 1]


def scenario_fan(data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None) -> Fan:
    """The uncertainty fan of `a` with its own ranges; a monitor's realised years fixed."""
    realised = realised_so_far(monitor, a) if monitor is not None else ()
    return fan(data, a, ranges_of(a), realised)


def realised_vs_path(monitor: Monitor, a: Assumptions) -> pd.DataFrame:
    """Realised homes per year against the build path and the ambition  [homes].

    Columns: year, realised (net new build in the year), realised_gross, realised_cumulative
    (net, from 1 January of the start year; NaN after the first year without a figure),
    path_cumulative (`build_path`: the build rate each year), ambition_cumulative (straight
    line to the ambition), ambition. Rows: the building years, plus later realised years.
    """
    years_in = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    realised = _realised_homes(monitor)
    later = realised[realised["year"] >= a.start_year]
    pairs = zip(later["net"].tolist(), later["new_build"].tolist(), strict=True)
    by_year = dict(zip(later["year"].tolist(), pairs, strict=True))
    run = realised_run(monitor, a.start_year)
    cumulative = dict(zip(run.years, itertools.accumulate(run.net), strict=True))
    path = range(a.start_year, a.start_year + years_in)
    years = sorted(set(path) | set(by_year))
    nan = math.nan
    rows = []
    for year in years:
        i = year - a.start_year + 1  # the year's place on the path
        on_path = year in path
        net, gross = by_year.get(year, (nan, nan))
        rows.append(
            (
                year,
                float(net),
                float(gross),
                cumulative.get(year, nan),
                a.build_rate * i if on_path else nan,
                a.ambition_homes * i / years_in if on_path else nan,
                float(a.ambition_homes),
            )
        )
    table = pd.DataFrame(rows, columns=REALISED_VS_PATH)
    table["year"] = table["year"].astype("int64")
    return table


def rate_needed_from_now(monitor: Monitor, a: Assumptions) -> float:
    """Net homes a year needed from the year after the last realised one to reach the
    ambition by the last building year  [homes/year]: `programme.rate_needed` of the
    monitor's realised years (`realised_so_far`).

    Without realised years: the ambition over all building years. 0 when the ambition is
    already reached; inf when homes are still missing and no building year is left.
    """
    return rate_needed(a, realised_so_far(monitor, a))


@dataclass(frozen=True)
class Projection:
    """The year the ambition is reached at the recent pace.

    `year`: the first year whose cumulative net realisation reaches the ambition (None when
    the pace is 0 or less, or nothing is realised); `pace` [homes/year]: mean net homes of
    `pace_years` (the last up to three realised years); `reached`: already reached.
    """

    year: int | None
    pace: float
    pace_years: tuple[int, ...]
    reached: bool


def projected_year(monitor: Monitor, a: Assumptions, window: int = PACE_YEARS) -> Projection:
    """The year the ambition is reached at the pace of the last `window` realised years."""
    run = realised_run(monitor, a.start_year)
    if run.empty:
        return Projection(None, math.nan, (), False)
    cumulative = list(itertools.accumulate(run.net))
    pace = float(np.mean(run.net[-window:]))
    years = run.years[-window:]
    hit = next((i for i, c in enumerate(cumulative) if c >= a.ambition_homes), None)
    if hit is not None:
        return Projection(run.years[hit], pace, years, True)
    if pace <= 0:
        return Projection(None, pace, years, False)
    more = math.ceil((a.ambition_homes - cumulative[-1]) / pace - 1e-9)
    return Projection(run.years[-1] + more, pace, years, False)


def segment_mix(
    monitor: Monitor, norms: Mapping[str, float], affordable_target: float
) -> pd.DataFrame:
    """Realised new build per segment against the norms (see `_segment_mix`; a copy)."""
    return _segment_mix(monitor, tuple(norms.items()), affordable_target).copy()


@functools.lru_cache(maxsize=8)
def _segment_mix(
    monitor: Monitor, norm_items: tuple[tuple[str, float], ...], affordable_target: float
) -> pd.DataFrame:
    """Realised new build per segment against the norm split and the affordable target.

    Basis: realised new build, gross (before demolition, like the 70% norm: 'nieuwbouw',
    lines 1245–1247), in the years with a segment split; demolition is not subtracted.
    `norms`: segment → share [-] (30/40/30, `segments.norm_shares`); `affordable_target` [-]
    (0.70). Columns: segment (social_rent, mid_priced, expensive, affordable, unknown,
    total), homes [homes], share [-] of the homes with a known segment, norm [-], difference
    [-] (share − norm). `unknown`: new build of those years not split into segments.
    """
    realised = _realised_homes(monitor)
    split = realised.dropna(subset=list(SEGMENT_MEASURES.values()), how="all")
    homes = {s: float(split[s].sum()) for s in SEGMENT_MEASURES.values()}
    known = sum(homes.values())
    homes["affordable"] = homes["social_rent"] + homes["mid_priced"]
    homes["unknown"] = float(split["new_build"].sum()) - known
    homes["total"] = float(split["new_build"].sum())
    norm = {**dict(norm_items), "affordable": affordable_target}
    rows = []
    for segment, n in homes.items():
        share = n / known if known and segment not in ("unknown", "total") else math.nan
        target = norm.get(segment, math.nan)
        rows.append((segment, n, share, target, share - target))
    return pd.DataFrame(rows, columns=["segment", "homes", "share", "norm", "difference"])


def measured_status(monitor: Monitor, register: pd.DataFrame) -> pd.DataFrame:
    """Register targets with a measured value, judged on the latest measured year.

    Columns: id, measure, year, measured, value, value_high, unit, comparator, status
    (ok/fail by `targets.meets`; `monitor` for a deadline target, comparator `by` or `since`,
    whose value is a year, not a level), source. One row per register row whose `measure` the
    monitor holds.
    """
    v = monitor.values
    latest = v[~v["measure"].isin(HOMES_MEASURES)].sort_values("year").groupby("measure").last()
    rows = []
    for rec in register.dropna(subset=["measure"]).itertuples(index=False):
        if rec.measure not in latest.index:
            continue
        m = latest.loc[rec.measure]
        high = None if pd.isna(rec.value_high) else float(rec.value_high)
        judged = rec.comparator not in ("by", "since")
        ok = meets(float(m["value"]), float(rec.value), str(rec.comparator), high)
        status = ("ok" if ok else "fail") if judged else "monitor"
        rows.append(
            (
                rec.id,
                rec.measure,
                int(m["year"]),
                float(m["value"]),
                float(rec.value),
                high,
                rec.unit,
                rec.comparator,
                status,
                m["source"],
            )
        )
    columns = [
        "id",
        "measure",
        "year",
        "measured",
        "value",
        "value_high",
        "unit",
        "comparator",
        "status",
        "source",
    ]
    return pd.DataFrame(rows, columns=columns)


def progress_indicators(monitor: Monitor, a: Assumptions) -> dict[str, float | None]:
    """The indicators a monitor changes: realised so far, the rate needed from now on, the
    year reached at the recent pace, and the chance of the ambition with the realised years
    fixed  [homes, homes/year, year, -]. Without monitor data, as `indicators` gives them.
    """
    realised = realised_so_far(monitor, a)
    projection = projected_year(monitor, a)
    return {
        "realised_homes": float(sum(realised)),
        "realised_years": float(len(realised)),
        "build_rate_needed": rate_needed_from_now(monitor, a),
        "projected_year": None if projection.year is None else float(projection.year),
        "probability_reaching_ambition": reach_probability(a, ranges_of(a), realised),
    }


@functools.lru_cache(maxsize=8)
def measured_by_id(monitor: Monitor, data: WoonvisieData) -> dict[str, tuple[Any, ...]]:
    """id -> (status, measured, year, source) of `measured_status`: the monitor's alone."""
    m = measured_status(monitor, data["targets"])
    cols = [m[c].tolist() for c in ("id", "status", "measured", "year", "source")]
    return {row[0]: tuple(row[1:]) for row in zip(*cols, strict=True)}
