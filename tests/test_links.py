"""Scenario links: query string out, the same scenario back; a bad link never fails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.scenario.links import MAX_QUERY, parse_query, scenario_query


def test_the_woonvisie_has_an_empty_query() -> None:
    assert scenario_query(DEFAULTS) == ""
    assert parse_query("") == (DEFAULTS, [])
    assert parse_query(None) == (DEFAULTS, [])


def test_changed_assumptions_round_trip() -> None:
    a = DEFAULTS.replace(
        ambition_homes=10000,
        share_social_rent=0.35,
        share_mid_priced=0.4,
        share_expensive=0.25,
        forecast="primos_2022",
        target_year_inclusive=False,
        plan_failure_surcharge=0.325,
    )
    query = scenario_query(a)
    assert query.startswith("forecast=primos_2022&ambition_homes=10000")
    assert "share_social_rent=0.35&share_mid_priced=0.4&share_expensive=0.25" in query
    assert "target_year_inclusive=0" in query
    assert parse_query(query) == (a, [])
    assert parse_query("?" + query) == (a, [])


@st.composite
def scenarios(draw: st.DrawFn) -> Assumptions:
    changes = {}
    for name in draw(st.sets(st.sampled_from(sorted(SPECS)), max_size=6)):
        spec = SPECS[name]
        if spec.choices:
            changes[name] = draw(st.sampled_from(spec.choices))
        elif spec.unit == "bool":
            changes[name] = draw(st.booleans())
        elif name.startswith("share_") or name in ("start_year", "target_year"):
            continue
        elif spec.unit in ("homes", "homes/year"):
            assert spec.minimum is not None and spec.maximum is not None
            changes[name] = draw(st.integers(int(spec.minimum), int(spec.maximum)))
        else:
            assert spec.minimum is not None and spec.maximum is not None
            changes[name] = round(draw(st.floats(spec.minimum, spec.maximum)), 4)
    social = draw(st.integers(0, 100))
    mid = draw(st.integers(0, 100 - social))
    changes.update(
        share_social_rent=social / 100,
        share_mid_priced=mid / 100,
        share_expensive=(100 - social - mid) / 100,
    )
    try:
        return DEFAULTS.replace(**changes)
    except Exception:  # shares that float rounding puts off 1 by more than the tolerance
        return DEFAULTS


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_any_scenario_round_trips(a: Assumptions) -> None:
    back, notes = parse_query(scenario_query(a))
    assert notes == []
    for name in SPECS:
        assert getattr(back, name) == pytest.approx(getattr(a, name), abs=1e-6), name


@pytest.mark.parametrize(
    ("query", "name", "reason"),
    [
        ("nonsense=1", "nonsense", "query_unknown"),
        ("ambition_homes=lots", "ambition_homes", "query_malformed"),
        ("ambition_homes=9300.5", "ambition_homes", "query_malformed"),
        ("ambition_homes=1e400", "ambition_homes", "query_malformed"),
        ("plan_failure_surcharge=nan", "plan_failure_surcharge", "query_malformed"),
        ("ambition_homes=99999999", "ambition_homes", "query_out_of_range"),
        ("outflow_detention=16", "outflow_detention", "query_out_of_range"),
        ("forecast=<script>", "forecast", "query_malformed"),
        ("target_year_inclusive=maybe", "target_year_inclusive", "query_malformed"),
        ("share_social_rent=0.5", "share_social_rent", "query_shares"),
        ("start_year=2030&target_year=2026", "start_year", "query_conflict"),
    ],
)
def test_a_bad_parameter_is_left_out_with_a_note(query: str, name: str, reason: str) -> None:
    a, notes = parse_query(query + "&build_rate=1200")
    assert a.build_rate == 1200  # the good parameter still counts
    assert (notes[0].name, notes[0].reason) == (name, reason)
    assert getattr(a, name, None) == getattr(DEFAULTS, name, None)


def test_huge_and_hostile_queries_never_fail() -> None:
    a, notes = parse_query("x" * (MAX_QUERY + 1))
    assert a == DEFAULTS and notes[0].reason == "query_too_long"
    a, notes = parse_query("&".join(f"k{i}=1" for i in range(500)))
    assert a == DEFAULTS and notes[0].reason == "query_too_many"
    a, notes = parse_query("%3Cscript%3Ealert(1)%3C/script%3E=" + "9" * 500)
    assert a == DEFAULTS and notes[0].name.endswith("…") is False
    assert len(notes[0].value) <= 40


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_valid_assumptions(text: str) -> None:
    a, notes = parse_query(text)
    assert isinstance(a, Assumptions)
    assert all(len(n.name) <= 40 and len(n.value) <= 40 for n in notes)
