"""Live section panels for notebooks (woonlib/ui/live.py), driven headless."""

from __future__ import annotations

from typing import Any

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.outcome import Outcome
from woonlib.scenario.state import ScenarioState
from woonlib.ui.elderly import ElderlyPanel
from woonlib.ui.live import SECTIONS, LivePanel, live_panel
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.programme import ProgrammePanel
from woonlib.ui.segments import SegmentsPanel


@pytest.fixture
def state() -> ScenarioState:
    return ScenarioState()


def test_each_section_is_the_dashboards_panel(data: WoonvisieData, state: ScenarioState) -> None:
    expected = {
        "programme": ProgrammePanel,
        "segments": SegmentsPanel,
        "elderly": ElderlyPanel,
        "outflow": OutflowPanel,
    }
    assert set(SECTIONS) == set(expected)
    for section, cls in expected.items():
        live = live_panel(section, state, data)
        assert type(live.panel) is cls and live.panel in live.children
        assert live.state is state
    with pytest.raises(ValueError, match="programme"):
        live_panel("nothing", state, data)


def test_a_slider_sets_the_state(data: WoonvisieData, state: ScenarioState) -> None:
    live = live_panel("programme", state, data)
    live.panel.controls["ambition_homes"].slider.value = 10_000
    assert state.assumptions.ambition_homes == 10_000
    assert ".wl-table" in live.style.value  # the page's CSS comes with the panel
    assert live.panel.fig_programme.data[0].y[1] == 10_000
    assert "10.000" in live.panel.table.value


def test_code_sets_the_state_and_the_panel_follows(
    data: WoonvisieData, state: ScenarioState
) -> None:
    live = live_panel("programme", state, data)
    state.apply(ambition_homes=10_000, build_rate=1200)
    control = live.panel.controls["ambition_homes"]
    assert control.value == 10_000 and control.slider.value == 10_000
    assert control.readout.value.startswith("<b>10.000</b>")
    assert live.panel.controls["build_rate"].slider.value == 1200
    assert live.panel.fig_programme.data[0].y[1] == 10_000
    assert live.panel.fig_path.data[0].y[0] == 1200
    # and in the charts' synced state, for a chart that starts after the change (Run All)
    assert list(live.panel.fig_programme._widget_data[0]["y"])[1] == 10_000
    state.undo()
    assert live.panel.controls["build_rate"].slider.value == 1000


def test_shares_follow_both_ways(data: WoonvisieData, state: ScenarioState) -> None:
    live = live_panel("segments", state, data)
    assert isinstance(live.panel, SegmentsPanel)
    group = live.panel.share_group
    group.sliders["social_rent"].value = 40
    assert state.assumptions.share_social_rent == pytest.approx(0.40)
    assert live.panel.fig_segments.data[0].y[0] == pytest.approx(3720)
    state.apply(share_social_rent=0.35, share_mid_priced=0.40, share_expensive=0.25)
    assert group.percents == {"social_rent": 35, "mid_priced": 40, "expensive": 25}


def test_two_panels_on_one_state(data: WoonvisieData, state: ScenarioState) -> None:
    programme = live_panel("programme", state, data)
    segments = live_panel("segments", state, data)
    programme.panel.controls["ambition_homes"].slider.value = 10_000
    assert isinstance(segments.panel, SegmentsPanel)
    assert [t.y[0] for t in segments.panel.fig_segments.data] == pytest.approx([3000, 4000, 3000])


def test_a_value_that_is_not_allowed_is_named_in_dutch(
    data: WoonvisieData, state: ScenarioState
) -> None:
    live = live_panel("outflow", state, data)
    assert live.apply({"outflow_detention": 40}) is False
    assert state.assumptions == DEFAULTS
    assert 'role="alert"' in live.status.value and "Ongeldige waarde" in live.status.value
    assert "outflow_detention" not in live.status.value
    assert live.apply({"outflow_detention": 12}) is True and live.status.value == ""


def test_a_failure_sends_the_state_back_and_shows_no_traceback(
    data: WoonvisieData, state: ScenarioState, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = live_panel("programme", state, data)
    compute = live.panel.compute

    def failing(o: Outcome) -> Any:
        if o.a.ambition_homes == 12_000:
            raise RuntimeError("forced failure /secret/path.py")
        return compute(o)

    monkeypatch.setattr(live.panel, "compute", failing)
    slider = live.panel.controls["ambition_homes"].slider
    slider.value = 12_000
    assert state.assumptions == DEFAULTS and not state.history.can_undo
    assert slider.value == 9300  # the control shows the value in force
    assert "kon niet worden verwerkt" in live.status.value
    assert "secret" not in live.status.value and "Traceback" not in live.status.value
    assert state.apply(ambition_homes=12_000) is False  # the same from a code cell
    assert state.apply(ambition_homes=10_000) is True and live.status.value == ""


def test_the_language_of_the_state_relabels_the_panel_in_place(
    data: WoonvisieData, state: ScenarioState
) -> None:
    live = live_panel("elderly", state, data)
    state.apply(elderly_scale=1.5)
    old, slider = live.panel, live.panel.controls["elderly_scale"].slider
    dutch = slider.description
    state.lang = "en"
    assert live.panel is old and live.panel.lang == "en"
    assert live.panel.controls["elderly_scale"].slider is slider
    assert slider.description != dutch
    assert "Elderly" in live.children[1].children[0].value
    assert live.panel.controls["elderly_scale"].value == 1.5
    slider.value = 2.0  # the controls still work
    assert state.assumptions.elderly_scale == 2.0


def test_reset_and_close(data: WoonvisieData, state: ScenarioState) -> None:
    live = live_panel("programme", state, data)
    state.apply(ambition_homes=10_000)
    live.reset_button.click()
    assert state.assumptions == DEFAULTS
    live.close()
    state.apply(ambition_homes=11_000)  # a closed panel no longer follows (nor fails)
    assert state.assumptions.ambition_homes == 11_000


def test_a_new_state_when_none_is_given(data: WoonvisieData) -> None:
    live = LivePanel("outflow", data=data)
    assert live.state.assumptions == DEFAULTS and live.state.lang == "nl"
