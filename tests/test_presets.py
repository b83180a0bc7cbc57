"""Scenario presets: valid assumptions, shares adding to 1, values on their cited seed lines."""

from __future__ import annotations

import math

import pytest

from tests.test_data_sources import printed_on
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, Assumptions
from woonlib.model.indicators import indicators, policy_checks
from woonlib.model.presets import PRESETS, matching_preset, preset, preset_names
from woonlib.report.labels import LABELS

NAMES = ("woonvisie_2024", "basis", "groei_9300", "woondeal_30_40_30", "huidige_programmering")

# Hand-checked: each preset's values as the Woonvisie prints them.
EXPECTED: dict[str, dict[str, float]] = {
    "woonvisie_2024": {},
    "basis": {"ambition_homes": 2675 + 850},  # line 585
    "groei_9300": {  # Figuur 5 line 804, of 9.300 (line 589)
        "ambition_homes": 9300,
        "share_social_rent": 2090 / 9300,
        "share_mid_priced": 5160 / 9300,
        "share_expensive": 2050 / 9300,
    },
    "woondeal_30_40_30": {  # lines 758–760
        "ambition_homes": 9300,
        "share_social_rent": 0.30,
        "share_mid_priced": 0.40,
        "share_expensive": 0.30,
    },
    "huidige_programmering": {  # Figuur 5 line 802
        "ambition_homes": 2720 + 2915 + 2670,
        "share_social_rent": 2720 / 8305,
        "share_mid_priced": 2915 / 8305,
        "share_expensive": 2670 / 8305,
    },
}


def test_names_in_display_order() -> None:
    assert preset_names() == NAMES
    assert tuple(PRESETS) == NAMES
    assert preset("woonvisie_2024") == DEFAULTS


@pytest.mark.parametrize("name", NAMES)
def test_preset_is_valid_assumptions(name: str) -> None:
    a = preset(name)
    assert isinstance(a, Assumptions)
    assert a == Assumptions(**a.to_dict())  # validates again from scratch
    assert math.isclose(sum(getattr(a, f) for f in SHARE_FIELDS), 1.0, abs_tol=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_values_are_hand_checked(name: str) -> None:
    p = PRESETS[name]
    assert set(p.values) == set(EXPECTED[name])
    for field, expected in EXPECTED[name].items():
        assert getattr(p.assumptions, field) == pytest.approx(expected, abs=1e-12), field
    # nothing else moves: every other assumption is the Woonvisie's
    others = {k: v for k, v in p.assumptions.to_dict().items() if k not in p.values}
    assert others == {k: v for k, v in DEFAULTS.to_dict().items() if k not in p.values}


def test_headline_numbers() -> None:
    assert preset("basis").ambition_homes == 3525
    assert preset("huidige_programmering").ambition_homes == 8305
    assert preset("groei_9300").changed() == {
        "share_social_rent": 2090 / 9300,
        "share_mid_priced": 5160 / 9300,
        "share_expensive": 2050 / 9300,
    }
    assert preset("woondeal_30_40_30") == DEFAULTS  # the Woonvisie adopts the norm


@pytest.mark.parametrize("name", NAMES)
def test_every_value_is_printed_on_its_cited_lines(name: str, data: WoonvisieData) -> None:
    p = PRESETS[name]
    assert set(p.sources) == set(p.values)
    for field, source in p.sources.items():
        assert source.lines and source.figures, field
        assert all(f"line {n}" in source.text or str(n) in source.text for n in source.lines)
        lines = [data.seed_line(n) for n in source.lines]
        for figure in source.figures:
            assert any(printed_on(figure, line) for line in lines), (name, field, figure, lines)


def test_sources_name_the_table_or_figure() -> None:
    assert "Figuur 5 line 804" in PRESETS["groei_9300"].sources["share_social_rent"].text
    assert "Figuur 5 line 802" in PRESETS["huidige_programmering"].sources["ambition_homes"].text
    assert "585" in PRESETS["basis"].sources["ambition_homes"].text


def test_basis_equals_what_the_model_computes(data: WoonvisieData) -> None:
    assert indicators(data, DEFAULTS)["basis_homes"] == preset("basis").ambition_homes


def test_growth_shares_are_figuur5_growth_row(data: WoonvisieData) -> None:
    growth = data["figuur5_segments"].set_index("scenario").loc["growth"]
    a = preset("groei_9300")
    for segment, share in a.shares.items():
        assert share * a.ambition_homes == pytest.approx(float(growth[segment]))


def test_programme_shares_are_figuur5_programme_row(data: WoonvisieData) -> None:
    row = data["figuur5_segments"].set_index("scenario").loc["programme"]
    a = preset("huidige_programmering")
    assert a.ambition_homes == float(row["total"])
    for segment, share in a.shares.items():
        assert share * a.ambition_homes == pytest.approx(float(row[segment]))


@pytest.mark.parametrize("name", NAMES)
def test_indicators_compute(name: str, data: WoonvisieData) -> None:
    a = preset(name)
    values = indicators(data, a)
    assert values["ambition_homes"] == a.ambition_homes
    split = values["norm_split_homes"]
    assert sum(split.values()) == pytest.approx(a.ambition_homes)
    checks = policy_checks(data, a)
    assert set(checks["status"]) <= {"ok", "fail", "info"}


def test_growth_preset_meets_the_70_percent_and_basis_the_ambition_check(
    data: WoonvisieData,
) -> None:
    growth = indicators(data, preset("groei_9300"))
    assert growth["affordable_share_scenario"] == pytest.approx((2090 + 5160) / 9300)
    checks = policy_checks(data, preset("basis")).set_index("check")
    # programme 8.305 ≥ basis 3.525 and ≥ 130%: the Woonvisie's plan-capacity norm is met;
    # programme against the ambition itself has no norm of its own: information
    assert checks.loc["check_plan_capacity", "status"] == "ok"
    assert checks.loc["check_ambition_programme", "status"] == "info"


@pytest.mark.parametrize("name", NAMES)
def test_labels_and_notes_in_both_languages(name: str) -> None:
    p = PRESETS[name]
    for key in (p.label, p.note):
        assert set(LABELS[key]) == {"nl", "en"}


def test_notes_say_what_the_brief_asks() -> None:
    assert "-455" in LABELS["preset_note_basis"]["nl"]
    assert "30/40/30" in LABELS["preset_note_basis"]["nl"]
    assert "gelijk aan de Woonvisie 2024" in LABELS["preset_note_woondeal_30_40_30"]["nl"]


@pytest.mark.parametrize("name", ["basis", "groei_9300", "huidige_programmering"])
def test_matching_preset_finds_each(name: str) -> None:
    assert matching_preset(preset(name)) == name


def test_matching_preset_defaults_and_none() -> None:
    assert matching_preset(DEFAULTS) == "woonvisie_2024"
    assert matching_preset(DEFAULTS.replace(ambition_homes=10000)) is None
    recomputed = DEFAULTS.replace(
        share_social_rent=0.2247311827956989,  # 2090/9300 as typed elsewhere
        share_mid_priced=5160 / 9300,
        share_expensive=2050 / 9300,
    )
    assert matching_preset(recomputed) == "groei_9300"
    rounded = recomputed.replace(
        share_social_rent=0.22, share_mid_priced=0.56, share_expensive=0.22
    )
    assert matching_preset(rounded) is None


def test_unknown_preset_names_the_known() -> None:
    with pytest.raises(KeyError, match="groei_9300"):
        preset("groei")
