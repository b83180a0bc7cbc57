"""Goal seek: every answer, applied, meets its check or target (hypothesis properties)."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.model.goalseek import (
    GOALS,
    answers,
    plan_capacity_to_add,
    programme_affordable,
    programme_norm_split,
    rate_for_ambition,
    rate_for_chance,
    reachable_year,
    scenario_affordable_shares,
    scenario_norm_shares,
    target_answers,
)
from woonlib.model.indicators import policy_checks
from woonlib.model.programme import programme_table, programme_years, value
from woonlib.model.register import target_status
from woonlib.model.segments import affordable_share
from woonlib.model.targets import ROLES
from woonlib.model.uncertainty import Ranges, reach_probability
from woonlib.vocab import SEGMENTS

SMALL = Ranges(draws=2_000)  # the property runs many scenarios; the default has 10,000
HYPOTHESIS = settings(max_examples=60, deadline=None)


@st.composite
def scenarios(draw: st.DrawFn) -> Assumptions:
    start = draw(st.integers(2023, 2030))
    target = draw(st.integers(max(start + 1, 2025), 2050))
    social = draw(st.integers(0, 100))
    mid = draw(st.integers(0, 100 - social))
    return DEFAULTS.replace(
        ambition_homes=draw(st.integers(0, 400)) * 50,
        build_rate=draw(st.integers(0, 3000)),
        start_year=start,
        target_year=target,
        target_year_inclusive=draw(st.booleans()),
        plan_failure_surcharge=draw(st.integers(0, 100)) / 100,
        share_social_rent=social / 100,
        share_mid_priced=mid / 100,
        share_expensive=(100 - social - mid) / 100,
        care_share_social_rent=draw(st.integers(0, 100)) / 100,
        affordable_basis=draw(st.sampled_from(["gross", "net"])),
    )


def _reaches(a: Assumptions, data: WoonvisieData) -> bool:
    """The build path reaches the ambition by the target year (programme_table)."""
    return value(programme_table(data, a), "build_shortfall") <= 0


def _check(data: WoonvisieData, a: Assumptions, check: str) -> str:
    table = policy_checks(data, a).set_index("check")
    return str(table.loc[check, "status"])


@HYPOTHESIS
@given(a=scenarios())
def test_rate_for_ambition_reaches_it(a: Assumptions, data: WoonvisieData) -> None:
    answer = rate_for_ambition(a)
    assert answer.met == _reaches(a, data)
    assume(answer.feasible and not answer.met)
    assert set(answer.changes) == {"build_rate"}
    applied = a.replace(**answer.changes)
    assert _reaches(applied, data)
    assert not _reaches(a.replace(build_rate=applied.build_rate - 1), data)  # the least


@HYPOTHESIS
@given(a=scenarios())
def test_reachable_year_reaches_it(a: Assumptions, data: WoonvisieData) -> None:
    # a rate 1–3 years short of the ambition, so that there is a later year to seek
    years = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    ambition = max(a.ambition_homes, 1000)
    rate = min(3000, ambition // (years + 1 + a.build_rate % 3))
    a = a.replace(ambition_homes=ambition, build_rate=rate)
    answer = reachable_year(a)
    assume(answer.feasible and not answer.met)
    applied = a.replace(**answer.changes)
    assert _reaches(applied, data)
    earlier = applied.target_year - 1
    if earlier > applied.start_year:
        assert not _reaches(applied.replace(target_year=earlier), data)


@HYPOTHESIS
@given(a=scenarios(), probability=st.sampled_from([0.1, 0.5, 0.8, 0.9, 0.95, 1.0]))
def test_rate_for_chance_gives_the_chance(a: Assumptions, probability: float) -> None:
    answer = rate_for_chance(probability, a, SMALL)
    assert answer.met == (reach_probability(a, SMALL) >= probability)
    assume(answer.feasible and not answer.met)
    applied = a.replace(**answer.changes)
    assert reach_probability(applied, SMALL) >= probability
    assert reach_probability(applied.replace(build_rate=applied.build_rate - 1), SMALL) < (
        probability
    )


@HYPOTHESIS
@given(a=scenarios())
def test_scenario_shares_meet_70_percent(a: Assumptions, data: WoonvisieData) -> None:
    answer = scenario_affordable_shares(data, a)
    affordable = a.share_social_rent + a.share_mid_priced
    assert answer.met == (affordable >= 0.7 - 1e-12 and a.ambition_homes > 0)
    assume(answer.feasible and not answer.met)
    applied = a.replace(**answer.changes)
    assert applied.share_social_rent + applied.share_mid_priced == pytest.approx(0.7)
    if a.share_social_rent + a.share_mid_priced > 0:  # social : mid kept
        assert math.isclose(
            applied.share_social_rent * a.share_mid_priced,
            applied.share_mid_priced * a.share_social_rent,
            abs_tol=1e-12,
        )


@HYPOTHESIS
@given(a=scenarios())
def test_every_target_answer_meets_its_target(a: Assumptions, data: WoonvisieData) -> None:
    """Only an outcome that fails the source's norm gets an answer: the programme's; an
    assumption set from a row ("aanname = doel") is never failing and gets none."""
    before = target_status(data, a).set_index("id")
    failing = set(before.index[before["status"] == "fail"])
    found = target_answers(data, a, before.reset_index())
    assert {answer.check for answer in found} == failing
    for answer in found:
        assert before.loc[answer.check, "indicator"] in ROLES
        assert ROLES[before.loc[answer.check, "indicator"]] == "outcome"
        assert answer.applies_to == "programme" and not answer.changes


def test_norm_shares_meet_the_norm_targets(data: WoonvisieData) -> None:
    a = DEFAULTS.replace(share_social_rent=0.2, share_mid_priced=0.5, share_expensive=0.3)
    answer = scenario_norm_shares(data, a)
    assert not answer.met
    after = target_status(data, a.replace(**answer.changes)).set_index("id")
    for row in ("norm_social_rent_30", "norm_mid_priced_40", "norm_expensive_30"):
        assert after.loc[row, "status"] == "assumption"  # aanname = doel, never a light
        assert after.loc[row, "scenario_value"] == pytest.approx(after.loc[row, "value"])
    assert scenario_norm_shares(data, DEFAULTS).met


@HYPOTHESIS
@given(a=scenarios())
def test_plan_capacity_answer_closes_the_gap(a: Assumptions, data: WoonvisieData) -> None:
    answer = plan_capacity_to_add(data, a)
    assert answer.applies_to == "programme" and not answer.changes
    checks = policy_checks(data, a).set_index("check")
    programme = checks.loc["check_plan_capacity", "value"]
    capacity = checks.loc["check_plan_capacity", "target"]
    assert answer.met == (checks.loc["check_plan_capacity", "status"] == "ok")
    assert programme + answer.values["to_add"] >= capacity - 1e-9
    if answer.values["to_add"] > 0:  # the least
        assert programme + answer.values["to_add"] - 1 < capacity


def test_plan_capacity_by_hand(data: WoonvisieData) -> None:
    # 9,300 × 1.3 = 12,090 plans against Figuur 5's 8,305: 3,785 to add
    answer = plan_capacity_to_add(data, DEFAULTS)
    assert answer.values == {"to_add": 3785.0, "capacity": 12090.0, "programme": 8305.0}


@pytest.mark.parametrize("basis", ["gross", "net"])
def test_programme_affordable_answer(data: WoonvisieData, basis: str) -> None:
    a = DEFAULTS.replace(affordable_basis=basis)
    answer = programme_affordable(data, a)
    v = answer.values
    assert answer.met == (_check(data, a, "check_affordable_programme") == "ok")
    # adding only affordable homes, or shifting expensive ones, reaches 70%
    assert affordable_share(v["affordable"] + v["add"], 0, v["total"] + v["add"]) >= 0.7 - 1e-12
    assert affordable_share(v["affordable"] + v["shift"], 0, v["total"]) >= 0.7 - 1e-12
    if v["add"] > 0:
        short = v["add"] - 1
        assert affordable_share(v["affordable"] + short, 0, v["total"] + short) < 0.7


def test_programme_affordable_net_by_hand(data: WoonvisieData) -> None:
    # gross (appendix 5.3): 7,135 of 9,815 = 72.7%: met
    assert programme_affordable(data, DEFAULTS).met
    # net (Figuur 5): 2,720 + 2,915 = 5,635 of 8,305 = 67.9%; 70% of 8,305 = 5,813.5
    net = programme_affordable(data, DEFAULTS.replace(affordable_basis="net"))
    assert not net.met
    assert net.values["add"] == 595  # 178.5 / 0.3
    assert net.values["shift"] == 179  # 178.5, rounded up


@pytest.mark.parametrize("basis", ["gross", "net"])
def test_programme_norm_split_answer(data: WoonvisieData, basis: str) -> None:
    a = DEFAULTS.replace(affordable_basis=basis)
    v = programme_norm_split(data, a).values
    norm = {s: v[f"norm_{s}"] for s in SEGMENTS}
    programme = _programme_homes(data, a)
    shares = policy_checks(data, a).set_index("check").loc["check_norm_split", "extra"]
    assert all(math.isclose(shares[s], programme[s] / sum(programme.values())) for s in SEGMENTS)
    added = {s: programme[s] + v[f"add_{s}"] for s in SEGMENTS}
    shifted = {s: programme[s] + v[f"shift_{s}"] for s in SEGMENTS}
    for result in (added, shifted):  # either way the programme is 30/40/30
        assert max(abs(result[s] / sum(result.values()) - norm[s]) for s in SEGMENTS) < 1e-9
    assert all(v[f"add_{s}"] >= 0 for s in SEGMENTS)
    assert min(v[f"add_{s}"] for s in SEGMENTS) == 0  # the least: one segment needs none
    assert math.isclose(sum(v[f"shift_{s}"] for s in SEGMENTS), 0, abs_tol=1e-9)


def test_programme_norm_split_net_by_hand(data: WoonvisieData) -> None:
    # Figuur 5: 2,720 / 2,915 / 2,670; social rent binds: 2,720 / 0.3 = 9,066.7 homes
    v = programme_norm_split(data, DEFAULTS.replace(affordable_basis="net")).values
    assert v["add_social_rent"] == 0
    assert math.isclose(v["add_mid_priced"], 0.4 * 2720 / 0.3 - 2915)
    assert math.isclose(v["add_expensive"], 50)
    assert math.isclose(v["shift_social_rent"], 0.3 * 8305 - 2720)  # -228.5


def _programme_homes(data: WoonvisieData, a: Assumptions) -> dict[str, float]:
    from woonlib.model.segments import PROGRAMME_SERIES, segment_comparison

    table = segment_comparison(data, a)
    rows = table[table["series"] == PROGRAMME_SERIES[a.affordable_basis]].set_index("segment")
    return {s: float(rows.loc[s, "homes"]) for s in SEGMENTS}


def test_defaults_by_hand(data: WoonvisieData) -> None:
    # 9,300 over 9 building years = 1,033.3 → 1,034 a year; at 1,000 a year 10 years → 2033
    assert rate_for_ambition(DEFAULTS).changes == {"build_rate": 1034}
    assert reachable_year(DEFAULTS).changes == {"target_year": 2033}
    assert (
        reachable_year(DEFAULTS.replace(target_year_inclusive=False)).values["target_year"] == 2034
    )
    assert programme_years(2024, 2033, True) * 1000 >= 9300


def test_infeasible_answers_change_nothing(data: WoonvisieData) -> None:
    huge = DEFAULTS.replace(ambition_homes=20000, start_year=2030, target_year=2031)
    answer = rate_for_ambition(huge)  # 10,000 a year: above the allowed 3,000
    assert not answer.feasible and not answer.changes and answer.note
    stopped = reachable_year(DEFAULTS.replace(build_rate=0))
    assert not stopped.feasible and not stopped.changes
    slow = reachable_year(DEFAULTS.replace(build_rate=100))  # 93 years: after 2050
    assert not slow.feasible and not slow.changes
    empty = scenario_affordable_shares(data, DEFAULTS.replace(ambition_homes=0))
    assert not empty.feasible and not empty.changes


def test_answers_cover_every_question(data: WoonvisieData) -> None:
    found = answers(data, DEFAULTS, probability=0.8)
    assert [x.goal for x in found] == [
        "goal_rate_for_ambition",
        "goal_reachable_year",
        "goal_rate_for_chance",
        "goal_plan_capacity",
        "goal_programme_affordable",
        "goal_programme_norm_split",
        "goal_scenario_affordable",
        "goal_scenario_norm_split",
    ]
    assert tuple(x.goal for x in found) == GOALS  # the page's rows follow this order
    for x in found:
        assert x.applies_to in ("assumptions", "programme")
        assert not (x.applies_to == "programme" and x.changes)
        DEFAULTS.replace(**x.changes)  # every change is valid for the assumptions
