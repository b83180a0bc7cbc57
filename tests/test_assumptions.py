"""The Assumptions value: defaults, ranges, shares, names, scenario mappings."""

from __future__ import annotations

import dataclasses

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import (
    DEFAULTS,
    SPEC,
    SPECS,
    AssumptionError,
    Assumptions,
    Spec,
    from_mapping,
    spec,
    specs_of,
)
from woonlib.report.labels import LABELS


def test_defaults_are_the_woonvisie() -> None:
    a = Assumptions()
    assert (a.forecast, a.shortage_catch_up, a.ambition_homes) == ("cbs_2022", 850, 9300)
    assert (a.start_year, a.target_year, a.build_rate) == (2024, 2032, 1000)
    assert a.plan_failure_surcharge == pytest.approx(0.30)
    assert a.shares == pytest.approx({"social_rent": 0.3, "mid_priced": 0.4, "expensive": 0.3})
    assert a.care_share_social_rent == pytest.approx(0.30)
    assert a.outflow_detention == 15 and a.outflow_youth_care == 0
    assert SPECS["outflow_youth_care"].unknown_in_source


def test_every_field_has_a_spec_a_label_and_a_source() -> None:
    names = [f.name for f in dataclasses.fields(Assumptions)]
    assert names == list(SPECS)
    for name in names:
        assert set(LABELS[name]) == {"nl", "en"}
        ref = SPECS[name].source
        assert ref.lines or ref.note, name  # a place in the Woonvisie, or why there is none
        for key in (ref.part, ref.note):
            assert not key or set(LABELS[key]) == {"nl", "en"}, (name, key)


def test_each_spec_is_declared_on_its_field() -> None:
    """One declaration per assumption: SPECS is read from the fields' metadata."""
    for f in dataclasses.fields(Assumptions):
        assert f.metadata[SPEC] is SPECS[f.name], f.name
    assert specs_of(Assumptions) == SPECS


def test_a_new_field_without_a_spec_fails() -> None:
    """An assumption added without `metadata=spec(...)` is refused, naming the field."""
    sourced = dataclasses.make_dataclass(
        "Sourced",
        [("new_rate", int, dataclasses.field(default=1, metadata=spec("homes/year", 0, 9, 1)))],
        bases=(Assumptions,),
        frozen=True,
    )
    assert specs_of(sourced)["new_rate"] == Spec("homes/year", 0, 9, 1)
    bare = dataclasses.make_dataclass(
        "Bare", [("new_rate", int, dataclasses.field(default=1))], bases=(Assumptions,), frozen=True
    )
    with pytest.raises(TypeError, match="assumption new_rate has no spec"):
        specs_of(bare)


def test_every_source_quote_is_printed_on_its_lines(data: WoonvisieData) -> None:
    seed = data.seed_line
    for name, declared in SPECS.items():
        ref = declared.source
        assert all(1 <= n <= 6000 for n in ref.line_numbers()), name
        spans = [span if isinstance(span, tuple) else (span, span) for span in ref.lines]
        texts = [" ".join(" ".join(seed(n) for n in range(lo, hi + 1)).split()) for lo, hi in spans]
        assert not ref.quote or any(ref.quote in text for text in texts), (name, ref.quote)


def test_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULTS.ambition_homes = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ambition_homes", -1, "ambition_homes = -1 is not allowed: expected 0 to 20000 [homes]"),
        ("outflow_detention", 9, "outflow_detention = 9 is not allowed: expected 10 to 15"),
        (
            "plan_failure_surcharge",
            1.5,
            "plan_failure_surcharge = 1.5 is not allowed: expected 0 to 1",
        ),
        ("forecast", "abf", "expected one of cbs_2022, primos_2021, primos_2022, trend_2021"),
        ("build_rate", "1000", "build_rate = '1000' is not allowed"),
        ("build_rate", float("nan"), "build_rate = nan is not allowed"),
        ("build_rate", True, "build_rate = True is not allowed"),
        ("start_year", 2024.5, "start_year = 2024.5 must be a whole number"),
        (
            "target_year_inclusive",
            "yes",
            "target_year_inclusive = 'yes' is not allowed: expected true",
        ),
    ],
)
def test_out_of_range_names_assumption_and_range(name: str, value: object, message: str) -> None:
    with pytest.raises(AssumptionError) as err:
        DEFAULTS.replace(**{name: value})
    assert message in str(err.value)


def test_shares_must_add_to_100() -> None:
    with pytest.raises(AssumptionError, match=r"must add up to 100%: 30% \+ 40% \+ 40% = 110.0%"):
        DEFAULTS.replace(share_expensive=0.4)
    ok = DEFAULTS.replace(share_social_rent=0.4, share_mid_priced=0.4, share_expensive=0.2)
    assert sum(ok.shares.values()) == pytest.approx(1)


def test_unknown_name() -> None:
    with pytest.raises(AssumptionError, match=r"unknown assumption.*: ambitie"):
        from_mapping({"ambitie": 9300})


def test_target_after_start() -> None:
    with pytest.raises(AssumptionError, match=r"target_year \(2025\) must be after start_year"):
        DEFAULTS.replace(start_year=2026, target_year=2025)


def test_from_mapping_keeps_defaults_and_converts_whole_floats() -> None:
    a = from_mapping({"ambition_homes": 8000.0})
    assert a.ambition_homes == 8000 and isinstance(a.ambition_homes, int)
    assert a.changed() == {"ambition_homes": 8000}
    assert DEFAULTS.changed() == {}


def test_a_broken_rule_between_assumptions_is_named() -> None:
    """Callers tell the shares' sum and the years apart by `rule`, not by the message."""
    from woonlib.model.assumptions import DEFAULTS, AssumptionError

    with pytest.raises(AssumptionError) as shares:
        DEFAULTS.replace(share_social_rent=0.5)
    with pytest.raises(AssumptionError) as years:
        DEFAULTS.replace(start_year=2030, target_year=2029)
    with pytest.raises(AssumptionError) as one:
        DEFAULTS.replace(ambition_homes=-1)
    assert (shares.value.rule, years.value.rule, one.value.rule) == ("shares_sum", "years", None)
    assert one.value.name == "ambition_homes"
