"""An uncertainty fan: plan failure, build rate and household growth as ranges (issue 13, 2).

The scenario's build path adds `build_rate` homes every year. Here each of `draws` seeded
draws realises, in year y of the building years,

    build_rate × level × (1 + plan_failure_surcharge) / (1 + failure) × yearly_y   [homes]

- `failure` [-]: the plan failure that actually happens, triangular from `failure_low` to
  `failure_high` with its mode at `failure_mode` (30%: "De praktijk leert ... dat 30% aan
  extra plannen nodig is", lines 677–679). The assumption `plan_failure_surcharge` is the
  extra the municipality plans with: when failure is as planned for, the factor is 1; plan
  with more and more is realised. The range around 30% is an assumption (no source).
- `level` [-]: the pace of the whole period against the rate steered at, triangular over
  1 ± `build_rate_spread` (one draw for all years: a market that slows, slows for years).
- `yearly_y` [-]: year-to-year variation around that pace, triangular over
  1 ± `yearly_spread`, independent per year.

Need: the four household forecasts of Figuur 2 (lines 616–622) give the spread of need,
`basis_demand(forecast) + shortage_catch_up` [homes] each, weighted equally (the Woonvisie
weighs none of them; it builds its basis on CBS 2022, line 585).

Not modelled: the plans actually in the programme (8,305 in Figuur 5 against the
130% capacity the build rate needs; see `check_plan_capacity`): the fan assumes the plans
for `build_rate × (1 + plan_failure_surcharge)` a year exist. Nor adaptive programming
(lines 593–595): the rate steered at does not follow the households.

Sampling uses common random numbers: one seed gives the same uniform draws whatever the
assumptions, so a higher build rate never lowers the probability, and a slider move changes
the fan only by the change, not by sampling noise.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.model.assumptions import NO_SOURCE as NO_SOURCE  # a range no source gives
from woonlib.model.programme import basis_demand, path_years, programme_years
from woonlib.refs import Ref
from woonlib.vocab import FORECASTS

TOLERANCE = 1e-9  # [homes] floating-point slack when comparing with the ambition


@dataclass(frozen=True)
class Ranges:
    """The ranges of the fan (`RANGE_SPECS`); the defaults are the assumptions' defaults.

    The plan-failure range and the spreads are the `fan_*` assumptions (`ranges_of`), its
    mode the Woonvisie's 30% (`plan_failure_surcharge`), the forecasts its four (Figuur 2).
    """

    failure_low: float = DEFAULTS.fan_failure_low
    failure_mode: float = DEFAULTS.plan_failure_surcharge
    failure_high: float = DEFAULTS.fan_failure_high
    build_rate_spread: float = DEFAULTS.fan_build_rate_spread
    yearly_spread: float = DEFAULTS.fan_yearly_spread
    forecasts: tuple[str, ...] = SPECS["forecast"].choices
    draws: int = 10_000
    seed: int = 2024

    def __post_init__(self) -> None:
        if not 0 <= self.failure_low <= self.failure_mode <= self.failure_high <= 1:
            raise ValueError("plan failure range: need 0 ≤ low ≤ mode ≤ high ≤ 1 [fraction]")
        for name in ("build_rate_spread", "yearly_spread"):
            if not 0 <= getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 0 and below 1 [fraction]")
        if not self.forecasts or set(self.forecasts) - set(FORECASTS):
            raise ValueError(f"forecasts must be some of {', '.join(FORECASTS)}")
        if self.draws < 1:
            raise ValueError("draws must be at least 1")


@dataclass(frozen=True)
class RangeSpec:
    """What a range means: unit, label key and source (None: a choice of method, no figure)."""

    unit: str
    label: str
    source: Ref | None


# the range -> the assumption declaring it (its unit and source are that assumption's Spec)
RANGE_ASSUMPTIONS = {
    "failure_low": "fan_failure_low",
    "failure_mode": "plan_failure_surcharge",
    "failure_high": "fan_failure_high",
    "build_rate_spread": "fan_build_rate_spread",
    "yearly_spread": "fan_yearly_spread",
}
FORECASTS_SOURCE = Ref(
    ((616, 622),), part="doc_figure", number="2", note="source_note_forecasts_equal_weights"
)
RANGE_SPECS: dict[str, RangeSpec] = {
    **{
        name: RangeSpec(SPECS[field].unit, f"range_{name}", SPECS[field].source)
        for name, field in RANGE_ASSUMPTIONS.items()
    },
    "forecasts": RangeSpec("choice", "range_forecasts", FORECASTS_SOURCE),
    "draws": RangeSpec("draws", "range_draws", None),
    "seed": RangeSpec("-", "range_seed", None),
}

DEFAULT_RANGES = Ranges()


@dataclass(frozen=True, eq=False)
class Fan:
    """The fan of cumulative realised homes  [homes].

    `table`: year, p10, p50, p90 (percentiles of cumulative homes over the draws), path
    (cumulative homes at the build rate, from the realised years where there are some),
    ambition_path (straight line to the ambition), ambition,
    realised (True for a year taken from the monitor, not sampled).
    `probability` [-]: share of draws reaching the ambition by the last building year.
    `need`: forecast, weight [-], need_homes [homes], probability_met [-];
    `probability_need` [-]: share of draws meeting the need, over the forecasts' weights.
    """

    table: pd.DataFrame
    probability: float
    need: pd.DataFrame
    probability_need: float
    draws: int
    seed: int


@dataclass(frozen=True, eq=False)
class FanValues:
    """The fan as plain values, what `Fan` holds as frames (the page's, on every move).

    Per building year (numpy arrays, `Fan.table`'s columns): `year`, `p10`, `p50`, `p90`,
    `path`, `ambition_path` [homes] and `realised` (True: taken from the monitor);
    `ambition` [homes]. Per forecast (`Fan.need`): `forecasts`, `weight` [-], `need_homes`
    [homes], `probability_met` [-]. `probability`, `probability_need` [-] as in `Fan`.
    """

    year: np.ndarray
    p10: np.ndarray
    p50: np.ndarray
    p90: np.ndarray
    path: np.ndarray
    ambition_path: np.ndarray
    ambition: float
    realised: np.ndarray
    probability: float
    forecasts: tuple[str, ...]
    weight: np.ndarray
    need_homes: np.ndarray
    probability_met: np.ndarray
    probability_need: float
    draws: int
    seed: int


@dataclass(frozen=True)
class BuildPath:
    """The building years with cumulative homes at the build rate and on the straight line
    to the ambition  [homes] (the values of `woonlib.model.programme.build_path`)."""

    year: tuple[int, ...]
    cumulative: tuple[float, ...]
    target_cumulative: tuple[float, ...]


def build_path_values(a: Assumptions) -> BuildPath:
    """Cumulative homes per building year at the build rate and to the ambition  [homes]
    (`programme.path_years`, the path's one rule, by column)."""
    path = path_years(a)
    return BuildPath(
        tuple(r.year for r in path),
        tuple(r.cumulative for r in path),
        tuple(r.target_cumulative for r in path),
    )


def triangular(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """Triangular quantiles of uniform draws `u` (inverse CDF; a zero-width range is `mode`)."""
    width = high - low
    if width <= 0:
        return np.full_like(u, mode)
    cut = (mode - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1 - u) * width * (high - mode))
    return np.where(u < cut, left, right)


def yearly_factors(surcharge: float, years: int, ranges: Ranges) -> np.ndarray:
    """Realised homes per homes steered at, per draw and building year  [-], (draws, years).

    `surcharge` [-] is the assumption `plan_failure_surcharge` (the extra plans made). The
    uniform draws are taken per block (failure, pace, then year by year), so the first
    years' draws are the same whatever the number of years.
    """
    rng = np.random.default_rng(ranges.seed)
    u = rng.random((2 + max(years, 0), ranges.draws))
    failure = triangular(u[0], ranges.failure_low, ranges.failure_mode, ranges.failure_high)
    spread, yearly = ranges.build_rate_spread, ranges.yearly_spread
    level = triangular(u[1], 1 - spread, 1.0, 1 + spread)
    each_year = triangular(u[2:].T, 1 - yearly, 1.0, 1 + yearly)
    per_draw = level * (1 + surcharge) / (1 + failure)
    factors: np.ndarray = per_draw[:, None] * each_year
    return factors


def cumulative_factors(surcharge: float, years: int, ranges: Ranges) -> np.ndarray:
    """Cumulative realised homes per homes/year steered at  [years], (draws, years)."""
    return np.cumsum(yearly_factors(surcharge, years, ranges), axis=1)


@lru_cache(maxsize=32)
def _summary(years: int, ranges: Ranges) -> tuple[np.ndarray, np.ndarray]:
    """(P10/P50/P90 per year, final values sorted) of `cumulative_factors` at surcharge 0.

    The surcharge and the build rate only scale the draws, so a slider move reuses these
    (read-only) arrays instead of sampling again.
    """
    cumulative = cumulative_factors(0.0, years, ranges)
    percentiles = np.percentile(cumulative, [10, 50, 90], axis=0)
    final = np.sort(cumulative[:, -1]) if years > 0 else np.zeros(ranges.draws)
    for array in (percentiles, final):
        array.flags.writeable = False
    return percentiles, final


def _scale(a: Assumptions) -> float:
    """Homes realised per unit of the draws' factors: rate × (1 + surcharge)  [homes/year]."""
    return a.build_rate * (1 + a.plan_failure_surcharge)


Realised = Sequence[float]  # net homes realised per building year from the start year


def _done(a: Assumptions, realised: Realised) -> tuple[np.ndarray, int]:
    """(cumulative realised homes of the years done [homes], building years left)."""
    years = max(programme_years(a.start_year, a.target_year, a.target_year_inclusive), 0)
    done = np.cumsum(np.asarray(list(realised)[:years], dtype=float))
    return done, years - len(done)


def final_factors(
    a: Assumptions, ranges: Ranges = DEFAULT_RANGES, realised: Realised = ()
) -> np.ndarray:
    """Homes realised in the years left per homes/year steered at, sorted  [years].

    The years left: the building years after those in `realised` (all without it).
    """
    _, left = _done(a, realised)
    return (1 + a.plan_failure_surcharge) * _summary(left, ranges)[1]


def reach_probability(
    a: Assumptions, ranges: Ranges = DEFAULT_RANGES, realised: Realised = ()
) -> float:
    """Probability of reaching `a.ambition_homes` by the last building year  [-].

    `realised` [homes]: net homes realised in the first building years (from the start year,
    without a gap: `woonlib.model.progress.realised_so_far`); only the later years are sampled.
    """
    done, _ = _done(a, realised)
    total = (done[-1] if len(done) else 0.0) + a.build_rate * final_factors(a, ranges, realised)
    return float(np.count_nonzero(total >= a.ambition_homes - TOLERANCE) / len(total))


def rate_for_probability(
    probability: float,
    a: Assumptions,
    ranges: Ranges = DEFAULT_RANGES,
    realised: Realised = (),
) -> float:
    """The smallest build rate reaching the ambition with at least `probability`  [homes/year].

    Exact on the draws: the homes of every draw are proportional to the rate. With
    `realised`, the rate from the first year after them. 0 when the ambition is reached
    (or 0); inf when no rate can (no year left, or draws that realise nothing).
    """
    done, _ = _done(a, realised)
    missing = a.ambition_homes - (done[-1] if len(done) else 0.0)
    if missing <= 0 or probability <= 0:
        return 0.0
    factors = final_factors(a, ranges, realised)[::-1]
    k = min(len(factors), math.ceil(probability * len(factors)))
    q = float(factors[max(k, 1) - 1])
    return missing / q if q > 0 else math.inf


def chances_without_assumed_spreads(
    a: Assumptions, ranges: Ranges = DEFAULT_RANGES, realised: Realised = ()
) -> dict[str, float]:
    """The chance of the ambition with the spreads no source gives set to 0  [-].

    "no_pace": without the spread of the pace (`build_rate_spread` 0); "none": without any
    assumed spread (pace and year-to-year spread 0, plan failure exactly the Woonvisie's
    30%, `failure_mode`, lines 677–679): then only the build rate, the plan surcharge and
    the realised years count, and the chance is 0 or 1. What `reach_probability` rests on.
    """
    no_pace = dataclasses.replace(ranges, build_rate_spread=0.0)
    mode = ranges.failure_mode
    none = dataclasses.replace(no_pace, yearly_spread=0.0, failure_low=mode, failure_high=mode)
    return {
        "no_pace": reach_probability(a, no_pace, realised),
        "none": reach_probability(a, none, realised),
    }


def need_homes(data: WoonvisieData, a: Assumptions, forecasts: tuple[str, ...]) -> np.ndarray:
    """Need per forecast: household demand + catch-up  [homes].

    As in `programme_table`: the demand is the Woonvisie's up to and including 2032 (CBS
    2022: 2,675, line 585), scaled by each forecast's growth 2023–2033; it does not follow
    the target year.
    """
    return np.array([basis_demand(data, f) + a.shortage_catch_up for f in forecasts])


def fan_values(
    data: WoonvisieData,
    a: Assumptions,
    ranges: Ranges = DEFAULT_RANGES,
    realised: Realised = (),
) -> FanValues:
    """The fan of cumulative homes per building year (P10/P50/P90) against the ambition.

    Draws `ranges.draws` seeded samples (see the module docstring); vectorised numpy.
    `realised` [homes]: net homes realised in the first building years (see
    `reach_probability`); those years are fixed (P10 = P50 = P90) and the fan and the build
    path start there (so the path reaches the ambition exactly when `rate_needed` says so).
    """
    path = build_path_values(a)
    done, left = _done(a, realised)
    percentiles, final_sorted = _summary(left, ranges)
    so_far = done[-1] if len(done) else 0.0
    steered = np.concatenate([done, so_far + a.build_rate * np.arange(1, left + 1)])
    p10, p50, p90 = (np.concatenate([done, so_far + _scale(a) * p]) for p in percentiles)
    final = so_far + _scale(a) * final_sorted
    probability = float(np.count_nonzero(final >= a.ambition_homes - TOLERANCE) / len(final))
    needs = need_homes(data, a, ranges.forecasts)
    met = (final[:, None] >= needs[None, :] - TOLERANCE).mean(axis=0)
    weights = np.full(len(needs), 1 / len(needs))
    return FanValues(
        year=np.array(path.year, dtype="int64"),
        p10=p10,
        p50=p50,
        p90=p90,
        path=steered,
        ambition_path=np.array(path.target_cumulative, dtype=float),
        ambition=float(a.ambition_homes),
        realised=np.arange(len(path.year)) < len(done),
        probability=probability,
        forecasts=tuple(ranges.forecasts),
        weight=weights,
        need_homes=needs,
        probability_met=met,
        probability_need=float(met @ weights),
        draws=ranges.draws,
        seed=ranges.seed,
    )


def fan(
    data: WoonvisieData,
    a: Assumptions,
    ranges: Ranges = DEFAULT_RANGES,
    realised: Realised = (),
) -> Fan:
    """`fan_values` as frames: the fan per building year and the need per forecast."""
    return fan_frames(fan_values(data, a, ranges, realised))


def fan_frames(v: FanValues) -> Fan:
    """The `Fan` (tables) of the values `v`."""
    table = pd.DataFrame(
        {
            "year": v.year,
            "p10": v.p10,
            "p50": v.p50,
            "p90": v.p90,
            "path": v.path,
            "ambition_path": v.ambition_path,
            "ambition": v.ambition,
            "realised": v.realised,
        }
    )
    need = pd.DataFrame(
        {
            "forecast": list(v.forecasts),
            "weight": v.weight,
            "need_homes": v.need_homes,
            "probability_met": v.probability_met,
        }
    )
    return Fan(table, v.probability, need, v.probability_need, v.draws, v.seed)


def fan_spreads(a: Assumptions) -> dict[str, float]:
    """The spreads of the fan no source gives, as the scenario sets them  [-]."""
    return {
        "build_rate_spread": a.fan_build_rate_spread,
        "yearly_spread": a.fan_yearly_spread,
        "failure_low": a.fan_failure_low,
        "failure_high": a.fan_failure_high,
    }


def ranges_of(a: Assumptions) -> Ranges:
    """The fan's ranges as the scenario sets them (the fan_* assumptions)."""
    return Ranges(
        failure_low=a.fan_failure_low,
        failure_high=a.fan_failure_high,
        build_rate_spread=a.fan_build_rate_spread,
        yearly_spread=a.fan_yearly_spread,
    )
