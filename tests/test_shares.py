"""The segment shares in tenths of a percent: rounding, the link, the file and the controls."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS
from woonlib.model.presets import PRESETS, exact_shares
from woonlib.model.shares import TENTHS, is_written, largest_remainder, written
from woonlib.report.labels import using
from woonlib.scenario.files import scenario_from_text, scenario_json
from woonlib.scenario.links import parse_query, scenario_query
from woonlib.ui.dashboard import Dashboard
from woonlib.ui.shares import ShareGroup

GROWTH = PRESETS["groei_9300"].assumptions


def test_figuur_5_growth_row_rounds_to_exactly_100() -> None:
    # 2090, 5160, 2050 of 9.300: 22,473 / 55,484 / 22,043% -> 22,4 / 55,4 / 22,0 rounded down
    # (99,8): the two tenths missing go to the largest remainders (0,84 and 0,73)
    assert largest_remainder(GROWTH.shares) == {
        "social_rent": 225,
        "mid_priced": 555,
        "expensive": 220,
    }
    programme = PRESETS["huidige_programmering"].assumptions.shares  # 2720, 2915, 2670 / 8305
    assert largest_remainder(programme) == {
        "social_rent": 328,
        "mid_priced": 351,
        "expensive": 321,
    }


def test_thirds_round_by_remainder_then_order() -> None:
    third = 1 / 3
    assert largest_remainder({"a": third, "b": third, "c": third}) == {
        "a": 334,
        "b": 333,
        "c": 333,
    }
    assert largest_remainder({"a": 0.3, "b": 0.4, "c": 0.3}, total=100) == {
        "a": 30,
        "b": 40,
        "c": 30,
    }


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=3, max_size=3).filter(lambda v: sum(v) > 0.01))
def test_rounded_shares_always_add_to_exactly_1000_and_stay_within_a_tenth(
    raw: list[float],
) -> None:
    fractions = {k: v / sum(raw) for k, v in zip("abc", raw, strict=True)}
    parts = largest_remainder(fractions)
    assert sum(parts.values()) == TENTHS
    for k, v in fractions.items():
        assert abs(parts[k] - v * TENTHS) < 1, (k, v, parts)


def test_the_link_carries_tenths_that_add_to_100() -> None:
    query = scenario_query(GROWTH)
    assert "share_social_rent=0.225&share_mid_priced=0.555&share_expensive=0.22" in query
    assert "0.224731" not in query


def test_a_presets_link_and_file_open_as_the_preset_exactly() -> None:
    back, notes = parse_query(scenario_query(GROWTH))
    assert notes == [] and back == GROWTH
    assert back.share_social_rent == 2090 / 9300
    assert scenario_from_text(scenario_json(GROWTH), "test") == GROWTH


def test_the_file_carries_tenths_that_add_to_100() -> None:
    values = json.loads(scenario_json(GROWTH))
    shares = [values[f] for f in SHARE_FIELDS]
    assert shares == [0.225, 0.555, 0.22]
    assert sum(round(v * TENTHS) for v in shares) == TENTHS


def test_other_written_shares_are_taken_as_they_are() -> None:
    own = {"share_social_rent": 0.226, "share_mid_priced": 0.554, "share_expensive": 0.22}
    assert exact_shares(own) == own
    unwritten = {"share_social_rent": 0.2251, "share_mid_priced": 0.5549, "share_expensive": 0.22}
    assert exact_shares(unwritten) == unwritten  # not a link's tenths: no preset meant
    assert not is_written(unwritten) and is_written(written(GROWTH.shares))


def _shown(group: ShareGroup) -> dict[str, str]:
    return {k: r.readout.value.split("</b>")[0].removeprefix("<b>") for k, r in group.rows.items()}


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_reads_100_percent(name: str) -> None:
    dash = Dashboard()
    dash.bar.preset.value = name
    group = dash.segments.share_group
    assert sum(group.percents.values()) == pytest.approx(100)
    assert "Samen: <b>100,0%</b>" in group.sum_label.value
    if name == "groei_9300":
        assert _shown(group) == {
            "social_rent": "22,5%",
            "mid_priced": "55,5%",
            "expensive": "22,0%",
        }
        assert group.rows["social_rent"].entry.value == 22.5
        assert group.sliders["social_rent"].value == 22  # the slider's nearest whole percent


def test_each_share_has_a_box_a_source_and_a_reset() -> None:
    changes: list[dict[str, Any]] = []
    group = ShareGroup(DEFAULTS.shares, changes.append)
    row = group.rows["social_rent"]
    assert 'class="wl-help"' in row.readout.value and "regel" in row.readout.value
    row.entry.value = 35.5  # an exact value, in tenths
    assert changes[-1]["share_social_rent"] == pytest.approx(0.355)
    assert sum(changes[-1].values()) == pytest.approx(1.0)
    assert group.percents == {"social_rent": 35.5, "mid_priced": 36.9, "expensive": 27.6}
    row.reset_button.click()
    assert group.percents["social_rent"] == 30
    assert sum(group.percents.values()) == pytest.approx(100)
    assert row.reset_button.tooltip.startswith("Terug naar Woonvisie")
    with using("en"):
        group.relabel()
    assert "Together: <b>100.0%</b>" in group.sum_label.value


def test_the_lock_shows_its_state_and_holds_its_share() -> None:
    group = ShareGroup(DEFAULTS.shares, lambda _: None)
    lock = group.locks["expensive"]
    assert lock.icon == "unlock"
    lock.value = True
    assert lock.icon == "lock"
    row = group.rows["expensive"]
    assert row.slider.disabled and row.entry.disabled and row.reset_button.disabled
    group.sliders["social_rent"].value = 45
    assert group.percents == {"social_rent": 45, "mid_priced": 25, "expensive": 30}
    lock.value = False
    assert lock.icon == "unlock" and not row.slider.disabled
