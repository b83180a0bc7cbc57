"""The dashboard's widgets driven in Python: sliders in, figures and tables out."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import woonlib.data
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.ui import Dashboard
from woonlib.ui.controls import NumberControl
from woonlib.ui.safety import FAULT_AMBITION, FAULT_ENV, fault_from_env
from woonlib.ui.shares import rebalance


@pytest.fixture
def dash(data: WoonvisieData) -> Dashboard:
    return Dashboard(data)


def scenario_bars(d: Dashboard) -> list[float]:
    """The scenario's bar per segment in the segment chart (first x of each trace)."""
    return [trace.y[0] for trace in d.segments.fig_segments.data]


def test_defaults_render_the_woonvisie(dash: Dashboard) -> None:
    assert scenario_bars(dash) == pytest.approx([2790, 3720, 2790])
    overview = dash.panels[0]
    assert "9.300" in overview.cards.value and "12.090" in overview.cards.value
    assert "72,7%" in overview.cards.value and "67,9%" in overview.cards.value
    assert "1.266" in overview.cards.value and "4.650" in overview.cards.value
    assert "280" in overview.cards.value
    programme = dash.panels[1]
    assert list(programme.fig_programme.data[0].y) == pytest.approx([3525, 9300, 8305, 8315, 12090])
    assert "3.785" in programme.table.value
    outflow = dash.panels[4]
    assert list(outflow.fig_outflow.data[0].y) == [135, 57, 15, 0, 60, 13]
    assert "onbekend" in outflow.table.value


def test_social_share_slider_moves_the_segment_chart(dash: Dashboard) -> None:
    dash.segments.share_group.sliders["social_rent"].value = 40
    assert scenario_bars(dash)[0] == pytest.approx(3720)
    assert sum(dash.segments.share_group.percents.values()) == 100
    assert dash.assumptions.share_social_rent == pytest.approx(0.40)
    assert "3.720" in dash.segments.table.value


def test_ambition_slider_updates_every_dependent_output(dash: Dashboard) -> None:
    dash.controls["ambition_homes"].slider.value = 10000
    assert scenario_bars(dash) == pytest.approx([3000, 4000, 3000])
    programme = dash.panels[1]
    assert programme.fig_programme.data[0].y[1] == 10000
    assert programme.fig_programme.data[0].y[4] == pytest.approx(13000)
    assert programme.fig_path.data[1].y[-1] == pytest.approx(10000)
    assert "10.000" in dash.panels[0].cards.value
    assert dash.controls["ambition_homes"].readout.value.startswith("<b>10.000</b>")


def test_exact_entry_keeps_an_off_step_value(dash: Dashboard) -> None:
    control = dash.controls["build_rate"]  # slider step 50
    assert isinstance(control, NumberControl)
    control.entry.value = 1234
    assert dash.assumptions.build_rate == 1234
    assert control.slider.value == 1250  # on its step: the browser never snaps it back
    assert control.readout.value.startswith("<b>1.234</b>")
    assert dash.panels[1].fig_path.data[0].y[0] == 1234
    control.slider.value = 1500  # a slider move wins again, and shows in the box
    assert dash.assumptions.build_rate == 1500 and control.entry.value == 1500


def test_exact_percent_entry_allows_decimals(dash: Dashboard) -> None:
    control = dash.controls["plan_failure_surcharge"]
    assert isinstance(control, NumberControl)
    control.entry.value = 32.5
    assert dash.assumptions.plan_failure_surcharge == pytest.approx(0.325)
    assert control.slider.value == 32 or control.slider.value == 33
    assert control.readout.value.startswith("<b>32,5%</b>")


def test_percent_control_converts_to_fraction(dash: Dashboard) -> None:
    dash.controls["plan_failure_surcharge"].slider.value = 50
    assert dash.assumptions.plan_failure_surcharge == pytest.approx(0.5)
    assert dash.panels[1].fig_programme.data[0].y[4] == pytest.approx(13950)


def test_forecast_choice_highlights_its_line(dash: Dashboard) -> None:
    dash.controls["forecast"].widget.value = "primos_2022"
    fig = dash.panels[1].fig_households
    widths = {trace.name: trace.line.width for trace in fig.data if trace.mode == "lines"}
    assert widths["Primos 2022"] == 4 and widths["CBS 2022"] == 1.5
    assert dash.assumptions.forecast == "primos_2022"


def test_share_lock_keeps_the_locked_share(dash: Dashboard) -> None:
    group = dash.segments.share_group
    group.locks["expensive"].value = True
    assert group.sliders["expensive"].disabled
    group.sliders["social_rent"].value = 45
    assert group.percents == {"social_rent": 45, "mid_priced": 25, "expensive": 30}
    assert scenario_bars(dash) == pytest.approx([4185, 2325, 2790])


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 100),
    st.integers(0, 100),
    st.sampled_from(["a", "b", "c"]),
    st.integers(-20, 130),
    st.sets(st.sampled_from(["a", "b", "c"])),
)
def test_rebalance_always_adds_to_100(
    x: int, y: int, moved: str, new: int, locked: set[str]
) -> None:
    y = min(y, 100 - x)
    values = {"a": x, "b": y, "c": 100 - x - y}
    out = rebalance(values, moved, new, frozenset(locked - {moved}))
    assert sum(out.values()) == 100
    assert all(0 <= v <= 100 and isinstance(v, int) for v in out.values())
    for key in locked - {moved}:
        assert out[key] == values[key]


def test_each_control_has_its_own_reset(dash: Dashboard) -> None:
    control = dash.controls["shortage_catch_up"]
    control.slider.value = 2000
    assert dash.assumptions.shortage_catch_up == 2000
    control.reset_button.click()
    assert dash.assumptions.shortage_catch_up == 850
    assert control.slider.value == 850


def test_reset_restores_every_default(dash: Dashboard) -> None:
    before = [list(t.y) for t in dash.segments.fig_segments.data]
    for name, control in dash.controls.items():
        spec = SPECS[name]
        if spec.choices:
            control.widget.value = spec.choices[-1]
        elif spec.unit == "bool":
            control.widget.value = not control.widget.value
        else:
            control.slider.value = control.slider.min + control.slider.step
    dash.segments.share_group.sliders["mid_priced"].value = 10
    assert len(dash.assumptions.changed()) >= 20
    dash.reset_button.click()
    assert dash.assumptions == DEFAULTS
    for name, control in dash.controls.items():
        assert control.value == pytest.approx(getattr(DEFAULTS, name)), name
    assert dash.segments.share_group.percents == {
        "social_rent": 30,
        "mid_priced": 40,
        "expensive": 30,
    }
    assert [list(t.y) for t in dash.segments.fig_segments.data] == before
    assert "9.300" in dash.panels[0].cards.value


def test_failing_callback_shows_a_message_and_the_rest_works(data: WoonvisieData) -> None:
    def fault(a: Assumptions) -> None:
        if a.ambition_homes == 12000:
            raise RuntimeError("forced failure /secret/path.py")

    dash = Dashboard(data, fault=fault)
    slider = dash.controls["ambition_homes"].slider
    slider.value = 12000
    assert "kon niet worden verwerkt" in dash.status.value
    assert "secret" not in dash.status.value and "Traceback" not in dash.status.value
    assert dash.assumptions.ambition_homes == 9300  # nothing half-applied
    assert slider.value == 9300  # the control shows the value in force
    assert scenario_bars(dash) == pytest.approx([2790, 3720, 2790])
    slider.value = 10000  # and the page keeps working
    assert dash.status.value == ""
    assert scenario_bars(dash) == pytest.approx([3000, 4000, 3000])


@pytest.mark.parametrize(
    "changes",
    [
        {"ambition_homes": -5},
        {"ambition_homes": "9300"},
        {"ambition_homes": [1] * 10_000},
        {"share_social_rent": 0.9},
        {"no_such_thing": 1},
        {"forecast": "<script>"},
    ],
)
def test_bad_values_from_the_browser_are_rejected(dash: Dashboard, changes: dict[str, Any]) -> None:
    assert dash.apply(changes) is False
    assert dash.assumptions == DEFAULTS
    assert "alert" in dash.status.value
    assert "<script>" not in dash.status.value
    assert dash.apply({"ambition_homes": 9000}) is True


def test_updates_reuse_figures_and_never_reread_data(
    dash: Dashboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = [id(p.fig_segments) for p in [dash.segments]]

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("data read again")

    monkeypatch.setattr(woonlib.data, "read_table", no_reading)
    monkeypatch.setattr(woonlib.data.pd, "read_csv", no_reading)
    for value in (8000, 9000, 10000):
        dash.controls["ambition_homes"].slider.value = value
    dash.controls["outflow_shelter"].slider.value = 70
    assert [id(p.fig_segments) for p in [dash.segments]] == figures
    assert dash.panels[4].fig_outflow.data[0].y[4] == 70


def test_every_control_has_an_accessible_name(dash: Dashboard) -> None:
    for name, control in dash.controls.items():
        widget = getattr(control, "slider", None) or control.widget
        assert widget.description.strip(), name
        assert control.reset_button.tooltip, name
    for slider in dash.segments.share_group.sliders.values():
        assert slider.description.strip()


def test_forced_fault_switch_is_off_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FAULT_ENV, raising=False)
    assert fault_from_env() is None
    monkeypatch.setenv(FAULT_ENV, "1")
    fault = fault_from_env()
    assert fault is not None
    fault(DEFAULTS)  # only the sentinel value fails
    with pytest.raises(RuntimeError, match="forced test fault"):
        fault(DEFAULTS.replace(ambition_homes=FAULT_AMBITION))


def test_forced_fault_in_the_page_keeps_the_scenario(
    data: WoonvisieData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FAULT_ENV, "1")
    d = Dashboard(data, fault=fault_from_env())
    ambition = d.controls["ambition_homes"]
    ambition.slider.value = FAULT_AMBITION  # no exception may escape the callback
    assert 'role="alert"' in d.status.value
    assert d.assumptions.ambition_homes == DEFAULTS.ambition_homes
    assert ambition.slider.value == DEFAULTS.ambition_homes  # the control shows the kept value
    ambition.slider.value = 9400
    assert d.assumptions.ambition_homes == 9400 and d.status.value == ""


def test_a_raising_callback_is_caught_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    def boom(changes: Any) -> None:
        raise ValueError("boom")

    c = NumberControl("ambition_homes", boom)
    c.slider.value = 9500  # would raise into the widget comm without the guard
    assert c.value == 9500
    assert any("boom" in (r.exc_text or "") or r.exc_info for r in caplog.records)


def test_lazy_mode_shows_a_tab_when_it_is_selected(data: WoonvisieData) -> None:
    d = Dashboard(data, lazy=True)
    d.tabs.selected_index = 2  # Segmenten: built when first selected
    d.tabs.selected_index = 1  # Huishoudens & programma
    d.controls["ambition_homes"].slider.value = 10000
    assert d.built[1].fig_programme.data[0].y[1] == 10000  # in view: shown at once
    assert "10.000" not in d.built[0].cards.value  # out of view: waits
    d.tabs.selected_index = 0
    assert "10.000" in d.built[0].cards.value
    d.controls["ambition_homes"].slider.value = 10500
    assert d.built[2].fig_segments.data[0].y[0] == 9300 * 0.3  # out of view since: waits
    d.flush()
    assert d.built[2].fig_segments.data[0].y[0] == 10500 * 0.3
    assert set(d.built) == {0, 1, 2}  # the tabs never opened are not built
