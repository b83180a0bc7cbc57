"""Sensitivity: one-at-a-time sweeps, tornado data sorted by swing."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.model.indicators import indicators
from woonlib.model.sensitivity import (
    ASSUMED_RANGES,
    COLUMNS,
    OUTCOMES,
    STATED_RANGES,
    outcomes,
    sensitivity,
    sweep_range,
    with_value,
)
from woonlib.model.uncertainty import NO_SOURCE, Ranges, reach_probability
from woonlib.refs import Ref

SMALL = Ranges(draws=2_000)


@pytest.fixture(scope="module")
def table(data: WoonvisieData) -> pd.DataFrame:
    return sensitivity(data, DEFAULTS, SMALL)


@pytest.mark.parametrize(
    "a",
    [
        DEFAULTS,
        DEFAULTS.replace(care_base="scenario", affordable_basis="net", ambition_homes=7000),
        DEFAULTS.replace(
            share_social_rent=0.4, share_mid_priced=0.2, share_expensive=0.4, elderly_scale=1.5
        ),
    ],
)
def test_outcomes_are_the_indicators(data: WoonvisieData, a: Assumptions) -> None:
    got = outcomes(data, a, SMALL)
    headline = indicators(data, a)
    for name in OUTCOMES:
        if name == "reach_probability":
            assert got[name] == reach_probability(a, SMALL)
        elif name == "affordable_share_programme":
            basis = (
                "affordable_share_programme"
                if a.affordable_basis == "gross"
                else ("affordable_share_programme_net")
            )
            assert got[name] == pytest.approx(headline[basis])
        else:
            assert got[name] == pytest.approx(headline[name]), name


def test_table_is_tidy_and_sorted(table: pd.DataFrame) -> None:
    assert list(table.columns) == COLUMNS
    assert list(dict.fromkeys(table["outcome"])) == list(OUTCOMES)
    assert len(table) == len(OUTCOMES) * len(SPECS)
    for _, rows in table.groupby("outcome", sort=False):
        assert rows["swing"].is_monotonic_decreasing
    assert (table["swing"] >= 0).all()
    assert (table["swing"] == table["outcome_max"] - table["outcome_min"]).all()


def _top(table: pd.DataFrame, outcome: str) -> pd.Series:
    return table[table["outcome"] == outcome].iloc[0]


def test_swings_by_hand(table: pd.DataFrame) -> None:
    row = table[
        (table["outcome"] == "programme_gap") & (table["assumption"] == "plan_failure_surcharge")
    ]
    # 9,300 × (1.20 … 1.40) − 8,305: 2,855 … 4,715, swing 9,300 × 0.2 = 1,860
    assert row["outcome_min"].item() == pytest.approx(2855)
    assert row["swing"].item() == pytest.approx(1860)
    assert row["kind"].item() == "assumed"  # 30% ± 10 pp: no line gives 20–40%
    care = _top(table, "care_homes_from_social_rent")
    # 4,220 gross new social rent × 30% ± 20% (24% … 36%): 1,012.8 … 1,519.2
    assert care["assumption"] == "care_share_social_rent"
    assert care["swing"] == pytest.approx(4220 * 0.12)
    assert care["kind"] == "relative" and care["range_source"] == NO_SOURCE
    assert _top(table, "affordable_share_scenario")["assumption"] == "share_expensive"
    assert _top(table, "reach_probability")["assumption"] == "build_rate"
    assert _top(table, "affordable_share_programme")["assumption"] == "affordable_basis"


def test_assumptions_that_do_not_matter_have_no_swing(table: pd.DataFrame) -> None:
    gap = table[table["outcome"] == "programme_gap"].set_index("assumption")
    assert gap.loc["forecast", "swing"] == 0
    assert gap.loc["elderly_scale", "swing"] == 0
    assert gap.loc["outflow_urgent", "swing"] == 0


def test_sweep_ranges() -> None:
    ambition = sweep_range("ambition_homes", DEFAULTS)
    assert (ambition.values[0], ambition.values[-1]) == (3520, 9300)
    assert ambition.kind == "stated" and ambition.source is not None
    assert ambition.source.lines == ambition.lines == (583, 589)
    rate = sweep_range("build_rate", DEFAULTS)
    assert (rate.values[0], rate.values[-1]) == (800, 1200)
    assert 1000 in rate.values and rate.kind == "relative"
    assert sweep_range("build_rate", DEFAULTS, basis="allowed").values[-1] == 3000
    assert sweep_range("forecast", DEFAULTS).values == SPECS["forecast"].choices
    assert sweep_range("target_year_inclusive", DEFAULTS).values == (False, True)
    assert set(STATED_RANGES) <= set(SPECS)
    # clipped to the allowed range
    detention = sweep_range("outflow_detention", DEFAULTS)
    assert min(detention.values) >= 10 and max(detention.values) <= 15


def test_the_stated_and_assumed_ranges_are_read_from_the_assumptions() -> None:
    """One declaration: each range is its assumption's `Spec.sweep`, split by its source."""
    declared = {name: s.sweep for name, s in SPECS.items() if s.sweep is not None}
    assert declared == {**STATED_RANGES, **ASSUMED_RANGES}
    assert set(STATED_RANGES) == {"ambition_homes", "target_year"}
    for name, swept in declared.items():
        assert isinstance(swept.source, Ref), name
        assert swept.stated == bool(swept.source.lines) == (name in STATED_RANGES), name
        sweep = sweep_range(name, DEFAULTS)
        assert sweep.source is swept.source and sweep.kind == (
            "stated" if swept.stated else "assumed"
        )
        assert (min(sweep.values), max(sweep.values)) == (swept.low, swept.high), name
    assert sweep_range("forecast", DEFAULTS).source is None  # every choice: no range to source


def test_a_share_moves_the_others_in_proportion() -> None:
    a = with_value(DEFAULTS, "share_social_rent", 0.44)
    assert math.isclose(a.share_mid_priced / a.share_expensive, 0.4 / 0.3)
    assert math.isclose(a.share_social_rent + a.share_mid_priced + a.share_expensive, 1)
    b = with_value(
        DEFAULTS.replace(share_social_rent=1.0, share_mid_priced=0.0, share_expensive=0.0),
        "share_social_rent",
        0.5,
    )
    assert (b.share_mid_priced, b.share_expensive) == (0.25, 0.25)


def test_allowed_ranges_and_invalid_points(data: WoonvisieData) -> None:
    wide = sensitivity(data, DEFAULTS, SMALL, basis="allowed", names=("build_rate", "start_year"))
    prob = wide[wide["outcome"] == "reach_probability"].set_index("assumption")
    assert prob.loc["build_rate", "outcome_min"] == 0  # 0 homes a year
    assert prob.loc["build_rate", "outcome_max"] == 1  # 3,000 a year
    assert prob.loc["build_rate", "kind"] == "allowed"
    # start years up to 2030 before the target year 2032 are valid; none is skipped silently
    assert len(wide) == 2 * len(OUTCOMES)
