"""The uncertainty fan: sampling, percentiles, probability and their properties."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SPECS
from woonlib.model.programme import basis_demand
from woonlib.model.uncertainty import (
    DEFAULT_RANGES,
    NO_SOURCE,
    RANGE_ASSUMPTIONS,
    RANGE_SPECS,
    Ranges,
    cumulative_factors,
    fan,
    final_factors,
    ranges_of,
    rate_for_probability,
    reach_probability,
    triangular,
    yearly_factors,
)
from woonlib.report.labels import label

SMALL = Ranges(draws=2_000)


def test_defaults_and_sources() -> None:
    r = DEFAULT_RANGES
    assert (r.failure_low, r.failure_mode, r.failure_high) == (0.20, 0.30, 0.40)
    assert (r.build_rate_spread, r.yearly_spread, r.draws) == (0.20, 0.10, 10_000)
    assert r.draws >= 10_000
    for name in ("failure_low", "failure_high", "build_rate_spread", "yearly_spread"):
        source = RANGE_SPECS[name].source  # no source gives a range: said so
        assert source is not None and not source.lines
        assert "aanname, geen bron" in label(source.note, "nl"), name
    assert RANGE_SPECS["build_rate_spread"].source == NO_SOURCE
    mode, forecasts = RANGE_SPECS["failure_mode"].source, RANGE_SPECS["forecasts"].source
    assert mode is not None and mode.lines == ((677, 679),)
    assert forecasts is not None and forecasts.lines == ((616, 622),)
    assert set(RANGE_SPECS) == set(Ranges.__dataclass_fields__)


def test_the_ranges_are_read_from_the_assumptions() -> None:
    """The fan's defaults, units and sources are those declared with the assumptions."""
    for name, field in RANGE_ASSUMPTIONS.items():
        assert getattr(DEFAULT_RANGES, name) == getattr(DEFAULTS, field), name
        assert RANGE_SPECS[name].source is SPECS[field].source, name
        assert RANGE_SPECS[name].unit == SPECS[field].unit == "fraction", name
    assert ranges_of(DEFAULTS) == DEFAULT_RANGES
    assert DEFAULT_RANGES.forecasts == SPECS["forecast"].choices
    # the plan-failure range is declared once: the fan's ends and the sensitivity's sweep
    sweep = SPECS["plan_failure_surcharge"].sweep
    assert sweep is not None and (sweep.low, sweep.high) == (0.20, 0.40)
    assert (DEFAULTS.fan_failure_low, DEFAULTS.fan_failure_high) == (sweep.low, sweep.high)


@pytest.mark.parametrize(
    "changes",
    [
        {"failure_low": 0.35},  # above the mode
        {"failure_high": 1.5},
        {"build_rate_spread": 1.0},
        {"yearly_spread": -0.1},
        {"forecasts": ("cbs_2050",)},
        {"forecasts": ()},
        {"draws": 0},
    ],
)
def test_bad_ranges_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Ranges(**changes)  # type: ignore[arg-type]


def test_triangular_quantiles() -> None:
    u = np.array([0.0, 0.5, 1.0])
    assert triangular(u, 0.2, 0.3, 0.4).tolist() == pytest.approx([0.2, 0.3, 0.4])
    assert triangular(u, 0.3, 0.3, 0.3).tolist() == [0.3, 0.3, 0.3]
    draws = triangular(np.random.default_rng(1).random(200_000), 0.0, 0.25, 1.0)
    assert draws.mean() == pytest.approx((0 + 0.25 + 1) / 3, abs=0.005)


def test_no_spread_gives_the_build_path(data: WoonvisieData) -> None:
    flat = Ranges(failure_low=0.3, failure_high=0.3, build_rate_spread=0, yearly_spread=0)
    result = fan(data, DEFAULTS, flat)
    for column in ("p10", "p50", "p90"):
        assert np.allclose(result.table[column], result.table["path"])
    # 1,000 a year for 9 years = 9,000 < 9,300: never reached
    assert result.probability == 0
    assert fan(data, DEFAULTS.replace(build_rate=1034), flat).probability == 1


def test_default_fan(data: WoonvisieData) -> None:
    result = fan(data, DEFAULTS)
    table = result.table
    assert table["year"].tolist() == list(range(2024, 2033))
    assert (table["p10"] < table["p50"]).all() and (table["p50"] < table["p90"]).all()
    assert table["path"].iloc[-1] == 9000
    assert table["ambition_path"].iloc[-1] == pytest.approx(9300)
    # the median stays on the build path: failure as planned for, spreads symmetric
    assert table["p50"].iloc[-1] == pytest.approx(9000, rel=0.01)
    assert 0.2 < result.probability < 0.5  # 9,000 expected against 9,300
    assert result.draws == 10_000
    need = result.need.set_index("forecast")
    assert need.loc["cbs_2022", "need_homes"] == pytest.approx(2675 + 850)
    assert need["weight"].sum() == pytest.approx(1)
    assert result.probability_need == 1  # every forecast's need is far below 7,000 homes


def test_need_follows_the_forecasts(data: WoonvisieData) -> None:
    need = fan(data, DEFAULTS).need.set_index("forecast")["need_homes"]
    for forecast, homes in need.items():
        assert homes == pytest.approx(basis_demand(data, str(forecast)) + 850)


def test_seeded_and_reproducible(data: WoonvisieData) -> None:
    first = fan(data, DEFAULTS, Ranges(seed=7)).table
    again = fan(data, DEFAULTS, Ranges(seed=7)).table
    other = fan(data, DEFAULTS, Ranges(seed=8)).table
    assert first.equals(again)
    assert not first.equals(other)


def test_probability_by_hand() -> None:
    factors = final_factors(DEFAULTS, SMALL)
    expected = np.mean(1000 * factors >= 9300 - 1e-9)
    assert reach_probability(DEFAULTS, SMALL) == expected
    # the surcharge scales the draws: realised = rate × (1 + surcharge) / (1 + failure) × ...
    raw = cumulative_factors(0.3, 9, SMALL)[:, -1]
    assert np.allclose(np.sort(raw), factors)
    assert np.allclose(yearly_factors(0.6, 9, SMALL), yearly_factors(0.3, 9, SMALL) * 1.6 / 1.3)


@settings(max_examples=80, deadline=None)
@given(
    low=st.integers(0, 3000),
    high=st.integers(0, 3000),
    ambition=st.integers(0, 400),
    surcharge=st.integers(0, 100),
)
def test_a_higher_build_rate_never_lowers_the_probability(
    low: int, high: int, ambition: int, surcharge: int
) -> None:
    low, high = sorted((low, high))
    a = DEFAULTS.replace(ambition_homes=ambition * 50, plan_failure_surcharge=surcharge / 100)
    assert reach_probability(a.replace(build_rate=low), SMALL) <= reach_probability(
        a.replace(build_rate=high), SMALL
    )


@settings(max_examples=60, deadline=None)
@given(probability=st.floats(0.01, 1.0), ambition=st.integers(1, 400))
def test_rate_for_probability_is_the_least(probability: float, ambition: int) -> None:
    a = DEFAULTS.replace(ambition_homes=ambition * 50)
    rate = math.ceil(rate_for_probability(probability, a, SMALL))
    assert reach_probability(a.replace(build_rate=rate), SMALL) >= probability
    assert reach_probability(a.replace(build_rate=rate - 1), SMALL) < probability


def test_fan_is_fast_enough_for_a_slider(data: WoonvisieData) -> None:
    fan(data, DEFAULTS)  # draws sampled once per number of building years and ranges
    times = []
    for rate in range(500, 1500, 50):
        start = time.perf_counter()
        fan(data, DEFAULTS.replace(build_rate=rate))
        times.append(time.perf_counter() - start)
    assert float(np.median(times)) < 0.050  # [s]; benchmarks/fan.py gives the figures


def test_fan_from_realised_years(data: WoonvisieData) -> None:
    # fictional: 700, 900 and 1,000 net homes in 2024-2026 (the monitor test example)
    realised = (700.0, 900.0, 1000.0)
    result = fan(data, DEFAULTS, SMALL, realised=realised)
    table = result.table.set_index("year")
    for column in ("p10", "p50", "p90"):
        assert table.loc[[2024, 2025, 2026], column].tolist() == [700, 1600, 2600]
    assert table["realised"].tolist() == [True] * 3 + [False] * 6
    # 6 years left at a median of 1,000: about 8,600, below 9,300
    assert table.loc[2032, "p50"] == pytest.approx(2600 + 6000, rel=0.02)
    assert (table.loc[2027:, "p10"] < table.loc[2027:, "p90"]).all()
    assert result.probability == reach_probability(DEFAULTS, SMALL, realised)
    assert result.probability < reach_probability(DEFAULTS, SMALL)


def test_all_years_realised_is_certain(data: WoonvisieData) -> None:
    nine = (1100.0,) * 9  # fictional: 9,900 homes
    result = fan(data, DEFAULTS, SMALL, realised=(*nine, 5.0))  # later years ignored
    assert result.probability == 1
    assert result.table["p10"].iloc[-1] == result.table["p90"].iloc[-1] == 9900
    assert rate_for_probability(0.9, DEFAULTS, SMALL, nine) == 0
    assert math.isinf(rate_for_probability(0.9, DEFAULTS, SMALL, (100.0,) * 9))


@settings(max_examples=40, deadline=None)
@given(
    probability=st.floats(0.05, 1.0),
    done=st.lists(st.integers(0, 1000), min_size=1, max_size=8),
    per_year=st.integers(0, 1500),
)
def test_rate_for_probability_from_realised(
    probability: float, done: list[int], per_year: int
) -> None:
    realised = [float(x) for x in done]
    # an ambition of the homes done plus `per_year` in each year left: a feasible rate
    a = DEFAULTS.replace(ambition_homes=sum(done) + per_year * (9 - len(done)))
    rate = rate_for_probability(probability, a, SMALL, realised)
    if per_year == 0:
        assert rate == 0
        return
    rate_up = math.ceil(rate)
    assert reach_probability(a.replace(build_rate=rate_up), SMALL, realised) >= probability
    assert reach_probability(a.replace(build_rate=rate_up - 1), SMALL, realised) < probability


def test_draws_are_shared_across_the_number_of_years() -> None:
    short = cumulative_factors(0.3, 6, SMALL)
    long = cumulative_factors(0.3, 9, SMALL)
    assert np.array_equal(short, long[:, :6])


@settings(max_examples=40, deadline=None)
@given(target=st.integers(2025, 2049), ambition=st.integers(1, 400))
def test_a_later_target_year_never_lowers_the_probability(target: int, ambition: int) -> None:
    a = DEFAULTS.replace(ambition_homes=ambition * 50, target_year=target)
    later = a.replace(target_year=target + 1)
    assert reach_probability(a, SMALL) <= reach_probability(later, SMALL)
