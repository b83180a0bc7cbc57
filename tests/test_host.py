"""The panel host (woonlib/ui/host.py), the control protocol and the state-held language and
monitor, driven headless."""

from __future__ import annotations

from typing import Any

import pytest

from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS
from woonlib.model.outcome import Outcome
from woonlib.report.labels import label, using
from woonlib.scenario.state import ScenarioState
from woonlib.ui import host as host_module
from woonlib.ui.dashboard import Dashboard
from woonlib.ui.host import PanelHost
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.programme import ProgrammePanel
from woonlib.ui.scenario_bar import ScenarioBar
from woonlib.ui.shared import walk
from woonlib.ui.shares import ShareGroup


@pytest.fixture
def state() -> ScenarioState:
    return ScenarioState()


def test_all_or_none_when_one_panel_fails(
    data: WoonvisieData, state: ScenarioState, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = PanelHost(state, data)
    programme = host.build("programme", ProgrammePanel)
    outflow = host.build("outflow", OutflowPanel)
    compute = outflow.compute

    def failing(o: Outcome) -> Any:
        if o.a.ambition_homes == 12_000:
            raise RuntimeError("forced")
        return compute(o)

    monkeypatch.setattr(outflow, "compute", failing)
    assert state.apply(ambition_homes=12_000) is False  # refused: the state goes back
    assert state.assumptions == DEFAULTS and not state.history.can_undo
    assert programme.fig_programme.data[0].y[1] == 9300  # the panel that could: not shown
    assert programme.controls["ambition_homes"].slider.value == 9300
    assert 'role="alert"' in host.status.value
    assert state.apply(ambition_homes=10_000) is True and host.status.value == ""
    assert programme.fig_programme.data[0].y[1] == 10_000


def test_the_outcome_is_computed_once_per_change(
    data: WoonvisieData, state: ScenarioState, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = PanelHost(state, data)
    host.build("programme", ProgrammePanel)
    host.build("outflow", OutflowPanel)
    seen: list[Outcome] = []
    real = host_module.outcome
    monkeypatch.setattr(host_module, "outcome", lambda d, a: seen.append(real(d, a)) or seen[-1])
    state.apply(ambition_homes=10_000)  # both panels depend on it
    assert [o.a.ambition_homes for o in seen] == [10_000]


def test_a_failing_outcome_refuses_the_scenario(
    data: WoonvisieData, state: ScenarioState, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = PanelHost(state, data)
    host.build("programme", ProgrammePanel)

    def broken(d: WoonvisieData, a: Any) -> Outcome:
        raise ValueError("the model cannot compute this")

    monkeypatch.setattr(host_module, "outcome", broken)
    assert state.apply(build_rate=1200) is False and state.assumptions == DEFAULTS
    assert label("error_message", "nl") in host.status.value


def test_relabel_keeps_the_widgets_and_changes_the_texts(data: WoonvisieData) -> None:
    dash = Dashboard(data)
    dash.apply({"ambition_homes": 10_000})
    widgets = [(id(w), w.model_id) for w in walk(dash)]
    slider = dash.controls["ambition_homes"].slider
    programme = dash.panels[1]
    dutch = {
        "tab": dash.tabs.titles[1],
        "slider": slider.description,
        "readout": dash.controls["ambition_homes"].readout.value,
        "chart": programme.fig_programme.layout.title.text,
        "table": programme.table.value,
        "heading": programme.children[0].value,
        "bar": dash.bar.undo_button.description,
    }
    assert dutch["tab"] == "Huishoudens & programma" and "10.000" in dutch["readout"]
    forecast = dash.controls["forecast"].widget
    choice, dutch_options = forecast.value, forecast.options
    dash.state.lang = "en"
    assert [(id(w), w.model_id) for w in walk(dash)] == widgets  # the same widgets
    assert forecast.value == choice and forecast.options != dutch_options
    with using("en"):
        assert dash.tabs.titles[1] == label("tab_programme")
        assert slider.description.startswith(label("ambition_homes"))
        assert programme.children[0].value.count(label("assumptions")) == 1
        assert dash.bar.undo_button.description == label("undo")
    assert "10,000" in dash.controls["ambition_homes"].readout.value  # English numbers
    assert programme.fig_programme.layout.title.text != dutch["chart"]
    assert "10,000" in programme.table.value and programme.table.value != dutch["table"]
    assert dash.state.assumptions.ambition_homes == 10_000  # the scenario stays
    dash.state.lang = "nl"
    assert [(id(w), w.model_id) for w in walk(dash)] == widgets
    assert dash.tabs.titles[1] == dutch["tab"] and slider.description == dutch["slider"]
    assert dash.controls["ambition_homes"].readout.value == dutch["readout"]
    assert programme.fig_programme.layout.title.text == dutch["chart"]
    assert programme.table.value == dutch["table"]
    assert programme.children[0].value == dutch["heading"]
    assert dash.bar.undo_button.description == dutch["bar"]
    assert forecast.value == choice and forecast.options == dutch_options


def test_a_control_moved_in_english_reads_in_english(data: WoonvisieData) -> None:
    dash = Dashboard(data, state=ScenarioState(lang="en"))
    control = dash.controls["build_rate"]
    control.slider.value = 1200  # a browser event: the host runs it in the state's language
    assert control.readout.value.startswith("<b>1,200</b>")


def test_the_monitor_on_the_state_updates_progress_and_targets(
    data: WoonvisieData, monitor_example: Monitor
) -> None:
    dash = Dashboard(data)
    progress, targets = dash.progress, dash.targets
    assert progress.monitor_summary.value == ""
    before, sheets = targets.tables.value, list(dash.bar.csv_table.options)
    dash.state.monitor = monitor_example  # e.g. a notebook cell, or the upload
    assert "2.600" in progress.monitor_summary.value  # 700 + 900 + 1.000 in 2024–2026
    assert list(progress.fig_realised.data[1].y[:3]) == [700, 1600, 2600]
    assert targets.tables.value != before and "gemeten" in targets.tables.value
    assert len(dash.bar.csv_table.options) > len(sheets)  # the bar offers its tables


def test_the_monitor_waits_for_a_tab_out_of_view(
    data: WoonvisieData, monitor_example: Monitor
) -> None:
    dash = Dashboard(data, lazy=True)
    progress = dash.progress
    index = dash.panels.index(progress)
    dash.state.monitor = monitor_example
    assert index in dash.host.stale and progress.monitor_summary.value == ""
    dash.tabs.selected_index = index
    assert "2.600" in progress.monitor_summary.value


def test_the_share_group_speaks_the_control_protocol() -> None:
    changes: list[dict[str, Any]] = []
    group = ShareGroup(DEFAULTS.shares, changes.append)
    assert group.names == SHARE_FIELDS
    group.sliders["social_rent"].value = 40
    assert len(changes) == 1 and set(changes[0]) == set(SHARE_FIELDS)
    assert changes[0]["share_social_rent"] == pytest.approx(0.40)
    assert sum(changes[0].values()) == pytest.approx(1.0)
    group.show(
        DEFAULTS.replace(share_social_rent=0.35, share_mid_priced=0.40, share_expensive=0.25)
    )
    assert group.percents == {"social_rent": 35, "mid_priced": 40, "expensive": 25}
    assert len(changes) == 1  # show() reports nothing
    dutch = group.sliders["social_rent"].description
    with using("en"):
        group.relabel()
        assert group.sliders["social_rent"].description == f"{label('share_social_rent')} (%)"
    assert group.sliders["social_rent"].description != dutch


def test_the_host_binds_the_share_group_as_any_control(
    data: WoonvisieData, state: ScenarioState
) -> None:
    from woonlib.ui.segments import SegmentsPanel

    host = PanelHost(state, data)
    segments = host.build("segments", SegmentsPanel)
    group = segments.share_group
    assert all(segments.controls[name] is group for name in SHARE_FIELDS)
    group.sliders["mid_priced"].value = 50
    assert state.assumptions.share_mid_priced == pytest.approx(0.50)
    state.undo()
    assert group.percents == {"social_rent": 30, "mid_priced": 40, "expensive": 30}


def test_the_scenario_bar_talks_to_the_state(data: WoonvisieData, state: ScenarioState) -> None:
    said: list[str] = []
    bar = ScenarioBar(state, data, lambda text, role="alert": said.append(text))
    assert bar.undo_button.disabled
    state.apply(ambition_homes=10_000)
    assert not bar.undo_button.disabled and "ambition_homes=10000" in bar.link.query
    bar.undo_button.click()
    assert state.assumptions == DEFAULTS
    bar.preset.value = "groei_9300"
    assert state.assumptions != DEFAULTS
    bar.language.value = "en"
    assert state.lang == "en" and bar.undo_button.description == label("undo", "en")
    state.lang = "nl"
    assert bar.language.value == "nl" and bar.undo_button.description == label("undo", "nl")
    bar.open_link("ambition_homes=abc")
    assert said and "ambition_homes" in said[-1]
