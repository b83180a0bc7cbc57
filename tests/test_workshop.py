"""A workshop's summary (woonlib.model.workshop), hand-checked: the spread of each
assumption, the median scenario with its shares at exactly 100%, the headline outcomes."""

from __future__ import annotations

import math

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, AssumptionError, Assumptions
from woonlib.model.indicators import checks, indicators
from woonlib.model.workshop import (
    headlines,
    in_play,
    median_scenario,
    spread_of,
    spreads,
    whole_shares,
)


def shares(social: float, mid: float) -> dict[str, float]:
    return {
        "share_social_rent": social,
        "share_mid_priced": mid,
        "share_expensive": round(1 - social - mid, 10),
    }


FIVE = [DEFAULTS.replace(build_rate=r) for r in (600, 800, 1000, 1200, 2000)]


def test_the_spread_of_an_assumption_is_counted_by_hand() -> None:
    s = spread_of("build_rate", FIVE)
    assert (s.count, s.changed) == (5, 4)  # one of five kept the Woonvisie's 1.000
    assert (s.minimum, s.q1, s.median, s.q3, s.maximum) == (600, 800, 1000, 1200, 2000)
    assert s.values == (600, 800, 1000, 1200, 2000)
    two = spread_of("build_rate", FIVE[:2])
    assert (two.q1, two.median, two.q3) == (650, 700, 750)  # inclusive: 600 + ¼, ½, ¾ of 200
    one = spread_of("build_rate", FIVE[:1])
    assert (one.minimum, one.q1, one.median, one.q3, one.maximum) == (600,) * 5


def test_in_play_is_the_workshops_choice_or_what_someone_changed() -> None:
    a = [
        DEFAULTS.replace(build_rate=900),
        DEFAULTS.replace(ambition_homes=8000, forecast="primos_2022"),
    ]
    assert in_play(a) == ["ambition_homes", "build_rate"]  # SPECS order, numbers only
    assert in_play(a, ["build_rate", "target_year", "forecast"]) == ["target_year", "build_rate"]
    assert [s.name for s in spreads(a)] == ["ambition_homes", "build_rate"]
    assert spreads([]) == ()


def test_the_median_scenario_takes_each_median_and_whole_numbers_stay_whole() -> None:
    a = [DEFAULTS.replace(ambition_homes=h) for h in (8000, 9000, 9100, 10000)]
    m = median_scenario(a)
    assert m.ambition_homes == 9050  # (9000 + 9100) / 2
    assert median_scenario(a[:2]).ambition_homes == 8500
    assert isinstance(median_scenario(a).build_rate, int)
    assert median_scenario(FIVE).build_rate == 1000


def test_the_median_shares_add_up_to_exactly_100_percent() -> None:
    a = [
        DEFAULTS.replace(**shares(0.40, 0.30)),
        DEFAULTS.replace(**shares(0.20, 0.50)),
        DEFAULTS.replace(**shares(0.35, 0.35)),
    ]
    # medians 35 / 35 / 30: already 100
    m = median_scenario(a)
    assert [getattr(m, f) for f in SHARE_FIELDS] == [0.35, 0.35, 0.30]
    b = [
        DEFAULTS.replace(**shares(0.50, 0.10)),  # expensive 0.40
        DEFAULTS.replace(**shares(0.10, 0.50)),  # expensive 0.40
        DEFAULTS.replace(**shares(0.40, 0.40)),  # expensive 0.20
    ]
    # medians 40 / 40 / 40 = 120%: rescaled to a third each, 33,33…, in whole percents 34/33/33
    m = median_scenario(b)
    got = [getattr(m, f) for f in SHARE_FIELDS]
    assert sorted(got) == [0.33, 0.33, 0.34]
    assert math.fsum(got) == pytest.approx(1.0, abs=1e-12)
    assert all(math.isclose(v * 100, round(v * 100)) for v in got)  # whole percents


def test_whole_shares_by_largest_remainder() -> None:
    assert whole_shares({"a": 0.333, "b": 0.333, "c": 0.334}) == {"a": 0.33, "b": 0.33, "c": 0.34}
    assert whole_shares({"a": 1, "b": 1, "c": 1}) == {"a": 0.34, "b": 0.33, "c": 0.33}
    assert whole_shares({"a": 0.2, "b": 0.2, "c": 0.2}) == {"a": 0.34, "b": 0.33, "c": 0.33}
    assert sum(whole_shares({"a": 0.123, "b": 0.456, "c": 0.789}).values()) == pytest.approx(1)
    with pytest.raises(ValueError):
        whole_shares({"a": 0, "b": 0, "c": 0})


def test_choices_and_yes_no_take_the_majority_ties_the_woonvisie() -> None:
    a = [
        DEFAULTS.replace(forecast="primos_2022", target_year_inclusive=False),
        DEFAULTS.replace(forecast="primos_2022"),
        DEFAULTS,
    ]
    m = median_scenario(a)
    assert (m.forecast, m.target_year_inclusive) == ("primos_2022", True)
    tie = median_scenario([*a[:1], DEFAULTS])
    assert (tie.forecast, tie.target_year_inclusive) == (DEFAULTS.forecast, True)


def test_the_median_years_keep_their_order() -> None:
    a = [
        DEFAULTS.replace(start_year=2024, target_year=2025),
        DEFAULTS.replace(start_year=2025, target_year=2026),
    ]
    m = median_scenario(a)  # 2024,5 -> 2024 and 2025,5 -> 2026 (half to even): still in order
    assert m.start_year < m.target_year
    assert isinstance(m, Assumptions)


def test_a_median_needs_a_scenario() -> None:
    with pytest.raises(ValueError, match="at least one"):
        median_scenario([])
    assert issubclass(AssumptionError, ValueError)


def test_the_headlines_are_the_pages_values(data: WoonvisieData) -> None:
    h = headlines(data, DEFAULTS)
    values = indicators(data, DEFAULTS)
    assert h.chance == values["probability_reaching_ambition"]
    assert round(h.chance, 2) == 0.36  # README: 36% with the defaults
    assert h.plan_capacity_gap == values["programme_gap"]
    check = next(c for c in checks(data, DEFAULTS) if c.check == "check_affordable_programme")
    assert h.affordable_share == check.value
    assert round(h.affordable_share, 3) == 0.727  # 7.135 of 9.815, gross
    assert h.elderly_task == values["elderly_task_in_building_years"] == 3075
    growth = headlines(data, DEFAULTS.replace(build_rate=1200))
    assert growth.chance > h.chance
