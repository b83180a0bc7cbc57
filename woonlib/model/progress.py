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
from collections.abc import Iterable, Mapping
from dataclasses import astuple, dataclass, fields
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
from woonlib.model.uncertainty import (
    Fan,
    FanValues,
    build_path_values,
    fan_frames,
    fan_values,
    ranges_of,
    reach_probability,
)

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


@dataclass(frozen=True)
class RealisedYear:
    """One monitored year with a new-build total  [homes]; NaN where the file has no figure.

    `new_build` is gross; `net` is new build minus demolished (a year without a demolition
    figure counts 0 demolished).
    """

    year: int
    new_build: float
    social_rent: float
    mid_priced: float
    expensive: float
    demolished: float
    net: float


REALISED_COLUMNS = tuple(f.name for f in fields(RealisedYear))


@functools.lru_cache(maxsize=8)  # Monitor is frozen and hashed by identity
def realised_years(monitor: Monitor) -> tuple[RealisedYear, ...]:
    """The monitor's realised homes per year, in year order (its frame read once, cached)."""
    v = monitor.values
    by_year: dict[int, dict[str, float]] = {}
    for year, measure, value in zip(
        v["year"].tolist(), v["measure"].tolist(), v["value"].tolist(), strict=True
    ):
        if measure in HOMES_MEASURES:
            by_year.setdefault(int(year), {})[str(measure)] = float(value)
    rows = []
    for year in sorted(by_year):
        got = by_year[year]
        total = got.get(TOTAL_MEASURE, math.nan)
        if math.isnan(total):
            continue
        demolished = got.get(DEMOLISHED_MEASURE, math.nan)
        social_rent, mid_priced, expensive = (got.get(m, math.nan) for m in SEGMENT_MEASURES)
        net = total - (0.0 if math.isnan(demolished) else demolished)
        rows.append(RealisedYear(year, total, social_rent, mid_priced, expensive, demolished, net))
    return tuple(rows)


@functools.lru_cache(maxsize=8)
def _realised_homes(monitor: Monitor) -> pd.DataFrame:
    """`realised_years` as a table (columns: its fields)."""
    rows = realised_years(monitor)
    return pd.DataFrame(
        {
            name: np.array([getattr(r, name) for r in rows], dtype="int64" if i == 0 else float)
            for i, name in enumerate(REALISED_COLUMNS)
        }
    )


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
    years: list[int] = []
    net: list[float] = []
    for row in realised_years(monitor):
        if row.year < start_year:
            continue
        if row.year != start_year + len(years):
            break
        years.append(row.year)
        net.append(row.net)
    return Run(tuple(years), tuple(net))


def realised_so_far(monitor: Monitor, a: Assumptions) -> tuple[float, ...]:
    """Net homes realised per building year from the start year, up to the first year
    without a figure  [homes] (the `realised` of `woonlib.model.uncertainty.fan`)."""
    run = realised_run(monitor, a.start_year)
    return run.net[: last_building_year(a) - a.start_year + 1]


def scenario_fan(data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None) -> Fan:
    """The uncertainty fan of `a` with its own ranges; a monitor's realised years fixed."""
    return fan_frames(scenario_fan_values(data, a, monitor))


def scenario_fan_values(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> FanValues:
    """`scenario_fan` as plain values (`uncertainty.fan_values`)."""
    realised = realised_so_far(monitor, a) if monitor is not None else ()
    return fan_values(data, a, ranges_of(a), realised)


@dataclass(frozen=True)
class RealisedPath:
    """Realised homes per year against the build path and the ambition  [homes]: one value
    per year of `year` in each field (the columns of `realised_vs_path`; NaN where none)."""

    year: tuple[int, ...]
    realised: tuple[float, ...]
    realised_gross: tuple[float, ...]
    realised_cumulative: tuple[float, ...]
    path_cumulative: tuple[float, ...]
    ambition_cumulative: tuple[float, ...]
    ambition: tuple[float, ...]


def realised_path(monitor: Monitor, a: Assumptions) -> RealisedPath:
    """Realised homes per year against the build path and the ambition  [homes].

    realised: net new build in the year; realised_gross; realised_cumulative (net, from
    1 January of the start year; NaN after the first year without a figure);
    path_cumulative (`build_path`: the build rate each year); ambition_cumulative (straight
    line to the ambition); ambition. Years: the building years, plus later realised years.
    """
    path = build_path_values(a)
    steps = zip(path.cumulative, path.target_cumulative, strict=True)
    on_path = dict(zip(path.year, steps, strict=True))
    later = [r for r in realised_years(monitor) if r.year >= a.start_year]
    by_year = {r.year: (r.net, r.new_build) for r in later}
    run = realised_run(monitor, a.start_year)
    cumulative = dict(zip(run.years, itertools.accumulate(run.net), strict=True))
    years = sorted(set(path.year) | set(by_year))
    nan = math.nan
    rows = []
    for year in years:
        net, gross = by_year.get(year, (nan, nan))
        built, target = on_path.get(year, (nan, nan))
        rows.append(
            (year, net, gross, cumulative.get(year, nan), built, target, float(a.ambition_homes))
        )
    columns = tuple(zip(*rows, strict=True)) if rows else ((),) * len(REALISED_VS_PATH)
    return RealisedPath(*columns)


def realised_vs_path(monitor: Monitor, a: Assumptions) -> pd.DataFrame:
    """`realised_path` as a table, one row a year (columns: REALISED_VS_PATH)  [homes]."""
    path = realised_path(monitor, a)
    rows = list(zip(*(getattr(path, c) for c in REALISED_VS_PATH), strict=True))
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


@dataclass(frozen=True)
class MixRow:
    """A row of `segment_mix`: homes [homes], share [-], norm [-], difference [-]."""

    segment: str
    homes: float
    share: float
    norm: float
    difference: float


MIX_COLUMNS = [f.name for f in fields(MixRow)]


def segment_mix(
    monitor: Monitor, norms: Mapping[str, float], affordable_target: float
) -> pd.DataFrame:
    """Realised new build per segment against the norms (see `segment_mix_rows`; a copy)."""
    return _segment_mix(monitor, tuple(norms.items()), affordable_target).copy()


@functools.lru_cache(maxsize=8)
def _segment_mix(
    monitor: Monitor, norm_items: tuple[tuple[str, float], ...], affordable_target: float
) -> pd.DataFrame:
    rows = segment_mix_rows(monitor, dict(norm_items), affordable_target)
    return pd.DataFrame([astuple(r) for r in rows], columns=MIX_COLUMNS)


def segment_mix_rows(
    monitor: Monitor, norms: Mapping[str, float], affordable_target: float
) -> tuple[MixRow, ...]:
    """Realised new build per segment against the norms (cached per monitor and norms)."""
    return _segment_mix_rows(monitor, tuple(norms.items()), affordable_target)


@functools.lru_cache(maxsize=8)
def _segment_mix_rows(
    monitor: Monitor, norm_items: tuple[tuple[str, float], ...], affordable_target: float
) -> tuple[MixRow, ...]:
    """Realised new build per segment against the norm split and the affordable target.

    Basis: realised new build, gross (before demolition, like the 70% norm: 'nieuwbouw',
    lines 1245–1247), in the years with a segment split; demolition is not subtracted.
    `norms`: segment → share [-] (30/40/30, `segments.norm_shares`); `affordable_target` [-]
    (0.70). Rows: segment (social_rent, mid_priced, expensive, affordable, unknown, total),
    homes [homes], share [-] of the homes with a known segment, norm [-], difference [-]
    (share − norm). `unknown`: new build of those years not split into segments.
    """
    segments = tuple(SEGMENT_MEASURES.values())
    split = [
        r for r in realised_years(monitor) if any(not math.isnan(getattr(r, s)) for s in segments)
    ]
    homes = {s: _sum(getattr(r, s) for r in split) for s in segments}
    known = sum(homes.values())
    new_build = _sum(r.new_build for r in split)
    homes["affordable"] = homes["social_rent"] + homes["mid_priced"]
    homes["unknown"] = new_build - known
    homes["total"] = new_build
    norm = {**dict(norm_items), "affordable": affordable_target}
    rows = []
    for segment, n in homes.items():
        share = n / known if known and segment not in ("unknown", "total") else math.nan
        target = norm.get(segment, math.nan)
        rows.append(MixRow(segment, n, share, target, share - target))
    return tuple(rows)


def _sum(values: Iterable[float]) -> float:
    """The sum of the values that are not NaN (as pandas sums a column)  [homes]."""
    return float(sum(v for v in values if not math.isnan(v)))


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
