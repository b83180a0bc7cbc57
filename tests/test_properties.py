"""Property tests over random valid assumptions (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.model.care import care_homes
from woonlib.model.indicators import indicators
from woonlib.model.programme import plan_capacity_needed
from woonlib.model.segments import split_homes


@st.composite
def shares(draw: st.DrawFn) -> tuple[float, float, float]:
    social = draw(st.integers(0, 100))
    mid = draw(st.integers(0, 100 - social))
    return social / 100, mid / 100, (100 - social - mid) / 100


@st.composite
def assumptions(draw: st.DrawFn) -> Assumptions:
    social, mid, expensive = draw(shares())
    start = draw(st.integers(2023, 2030))
    return DEFAULTS.replace(
        ambition_homes=draw(st.integers(0, 20000)),
        shortage_catch_up=draw(st.integers(0, 5000)),
        plan_failure_surcharge=draw(st.floats(0, 1)),
        share_social_rent=social,
        share_mid_priced=mid,
        share_expensive=expensive,
        care_share_social_rent=draw(st.floats(0, 1)),
        start_year=start,
        target_year=draw(st.integers(max(start + 1, 2025), 2050)),
        elderly_scale=draw(st.floats(0, 3)),
        outflow_detention=draw(st.integers(10, 15)),
        forecast=draw(st.sampled_from(["cbs_2022", "primos_2021", "primos_2022", "trend_2021"])),
    )


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(assumptions())
def test_segments_add_up_to_their_total(data: WoonvisieData, a: Assumptions) -> None:
    split = split_homes(a.ambition_homes, a.shares)
    assert abs(split["homes"].sum() - a.ambition_homes) < 1e-6
    assert ((split["share"] >= 0) & (split["share"] <= 1)).all()
    ind = indicators(data, a)
    assert 0 <= ind["affordable_share_scenario"] <= 1 + 1e-9


@SETTINGS
@given(st.floats(0, 50000), st.floats(0, 1), st.floats(0, 1))
def test_more_surcharge_never_means_less_capacity(homes: float, s1: float, s2: float) -> None:
    low, high = sorted((s1, s2))
    assert plan_capacity_needed(homes, low) <= plan_capacity_needed(homes, high)


@SETTINGS
@given(assumptions(), st.integers(0, 20000))
def test_more_homes_never_means_fewer_care_homes(
    data: WoonvisieData, a: Assumptions, other: int
) -> None:
    low, high = sorted((a.ambition_homes, other))
    for base in ("scenario", "programme_gross"):
        lo = indicators(data, a.replace(ambition_homes=low, care_base=base))
        hi = indicators(data, a.replace(ambition_homes=high, care_base=base))
        assert lo["care_homes_from_social_rent"] <= hi["care_homes_from_social_rent"]
    assert care_homes(low, a.care_share_social_rent) <= care_homes(high, a.care_share_social_rent)


@SETTINGS
@given(assumptions())
def test_capacity_never_below_homes(data: WoonvisieData, a: Assumptions) -> None:
    ind = indicators(data, a)
    assert ind["plan_capacity_needed"] >= ind["ambition_homes"] - 1e-9
