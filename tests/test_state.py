"""The scenario state (woonlib/scenario/state.py): pure state, observed by the views."""

from __future__ import annotations

from typing import Any

import pytest
from traitlets import TraitError

from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, AssumptionError
from woonlib.model.presets import PRESETS
from woonlib.report.labels import label
from woonlib.scenario.state import ScenarioRefused, ScenarioState
from woonlib.ui import Dashboard
from woonlib.ui.host import invalid_text


class Seen:
    """An observer that records every change of `assumptions` as (old, new) ambitions."""

    def __init__(self, state: ScenarioState) -> None:
        self.changes: list[tuple[int, int]] = []
        state.observe(self, names="assumptions")

    def __call__(self, change: Any) -> None:
        self.changes.append((change["old"].ambition_homes, change["new"].ambition_homes))


@pytest.fixture
def state() -> ScenarioState:
    s = ScenarioState()
    s.history.merge_seconds = 0  # separate steps, however fast the test runs
    return s


def test_starts_at_the_woonvisie_in_dutch(state: ScenarioState) -> None:
    assert state.assumptions == DEFAULTS and state.lang == "nl" and state.loaded is None
    assert not state.history.can_undo and not state.history.can_redo
    assert repr(state) == "ScenarioState(changed={}, lang='nl', undo=0, redo=0)"
    state.apply(ambition_homes=10_000)
    assert repr(state) == (
        "ScenarioState(changed={'ambition_homes': 10000}, lang='nl', undo=1, redo=0)"
    )


def test_observers_fire_once_per_change(state: ScenarioState) -> None:
    seen = Seen(state)
    assert state.apply(ambition_homes=10_000) is True
    assert state.apply({"ambition_homes": 11_000, "build_rate": 1100}) is True
    assert state.apply(ambition_homes=11_000) is True  # no change: no notification
    state.set(state.assumptions)
    assert seen.changes == [(9300, 10_000), (10_000, 11_000)]
    assert state.assumptions.build_rate == 1100


def test_a_mapping_and_keywords_combine(state: ScenarioState) -> None:
    state.apply({"ambition_homes": 10_000}, build_rate=1200)
    assert (state.assumptions.ambition_homes, state.assumptions.build_rate) == (10_000, 1200)


@pytest.mark.parametrize(
    "changes",
    [
        {"ambition_homes": -5},
        {"ambition_homes": "9300"},
        {"share_social_rent": 0.9},
        {"no_such_thing": 1},
        {"forecast": "<script>"},
        {"target_year": 2023},
    ],
)
def test_an_invalid_change_is_refused_and_the_old_scenario_kept(
    state: ScenarioState, changes: dict[str, Any]
) -> None:
    state.apply(ambition_homes=10_000)
    before = state.assumptions
    seen = Seen(state)
    with pytest.raises(AssumptionError):
        state.apply(changes)
    assert state.assumptions is before and seen.changes == []
    assert len(state.history.done) == 1


def test_the_scenario_is_set_through_the_methods_only(state: ScenarioState) -> None:
    with pytest.raises(TraitError, match="read-only"):
        state.assumptions = DEFAULTS.replace(ambition_homes=10_000)  # type: ignore[misc]
    with pytest.raises(TypeError):
        state.set({"ambition_homes": 10_000})  # type: ignore[arg-type]
    assert state.assumptions == DEFAULTS


def test_undo_redo_and_reset(state: ScenarioState) -> None:
    seen = Seen(state)
    state.apply(ambition_homes=10_000)
    state.apply(ambition_homes=11_000)
    assert state.undo() is True and state.assumptions.ambition_homes == 10_000
    assert state.undo() is True and state.assumptions == DEFAULTS
    assert state.undo() is False and state.assumptions == DEFAULTS
    assert state.redo() is True and state.assumptions.ambition_homes == 10_000
    assert state.reset() is True and state.assumptions == DEFAULTS
    assert state.redo() is False  # a new step clears what was undone
    assert state.undo() is True and state.assumptions.ambition_homes == 10_000
    assert seen.changes == [
        (9300, 10_000), (10_000, 11_000), (11_000, 10_000), (10_000, 9300),
        (9300, 10_000), (10_000, 9300), (9300, 10_000),
    ]  # fmt: skip


def test_a_drag_of_one_slider_is_one_step() -> None:
    state = ScenarioState()  # the real merge window
    for value in (9400, 9500, 9600):
        state.apply(ambition_homes=value)
    assert state.undo() is True and state.assumptions == DEFAULTS


def test_observers_see_the_history_that_goes_with_the_scenario(state: ScenarioState) -> None:
    seen: list[tuple[int, bool, bool]] = []
    state.observe(
        lambda ch: seen.append(
            (ch["new"].ambition_homes, state.history.can_undo, state.history.can_redo)
        ),
        names="assumptions",
    )
    state.apply(ambition_homes=10_000)
    state.undo()
    assert seen == [(10_000, True, False), (9300, False, True)]


def test_set_without_record_makes_no_step(state: ScenarioState) -> None:
    state.set(PRESETS["groei_9300"].assumptions, record=False)
    assert state.assumptions == PRESETS["groei_9300"].assumptions
    assert not state.history.can_undo


def test_a_view_that_refuses_sends_the_state_back(state: ScenarioState) -> None:
    def refuse(change: Any) -> None:
        if change["new"].ambition_homes == 12_000:
            raise ScenarioRefused("cannot compute")

    state.apply(ambition_homes=10_000)
    state.observe(refuse, names="assumptions")
    seen = Seen(state)
    assert state.apply(ambition_homes=12_000) is False
    assert state.assumptions.ambition_homes == 10_000
    assert seen.changes == [(12_000, 10_000)]  # refused before it was seen: only the way back
    assert len(state.history.done) == 1 and not state.history.can_redo
    assert state.history.current == state.assumptions
    state.apply(ambition_homes=12_000 - 50)
    state.apply(ambition_homes=12_000)  # refused again: the undo below is unaffected
    assert state.undo() is True and state.assumptions.ambition_homes == 10_000


def test_a_refused_undo_keeps_the_history(state: ScenarioState) -> None:
    state.apply(ambition_homes=12_000)
    state.apply(ambition_homes=10_000)

    def refuse(change: Any) -> None:
        if change["new"].ambition_homes == 12_000:
            raise ScenarioRefused("cannot compute")

    state.observe(refuse, names="assumptions")
    assert state.undo() is False
    assert state.assumptions.ambition_homes == 10_000
    assert len(state.history.done) == 2 and not state.history.can_redo


def test_a_failing_observer_sends_the_state_back_and_raises(state: ScenarioState) -> None:
    def broken(change: Any) -> None:
        if change["new"].ambition_homes == 12_000:
            raise RuntimeError("a bug")

    state.observe(broken, names="assumptions")
    with pytest.raises(RuntimeError, match="a bug"):
        state.apply(ambition_homes=12_000)
    assert state.assumptions == DEFAULTS and not state.history.can_undo


def test_language(state: ScenarioState) -> None:
    seen: list[str] = []
    state.observe(lambda ch: seen.append(ch["new"]), names="lang")
    state.lang = "en"
    state.lang = "en"
    with pytest.raises(TraitError):
        state.lang = "de"
    assert state.lang == "en" and seen == ["en"]
    assert ScenarioState(lang="en").lang == "en"


def test_load_remembers_the_file(state: ScenarioState) -> None:
    a = PRESETS["groei_9300"].assumptions
    assert state.load("mijn.json", a) is True
    assert state.loaded == ("mijn.json", a) and state.assumptions == a
    assert state.undo() is True and state.assumptions == DEFAULTS


def test_the_state_holds_the_monitor(monitor_example: Monitor) -> None:
    state = ScenarioState()
    assert state.monitor.empty  # until given (the dashboard reads data/monitor)
    seen: list[Monitor] = []
    state.observe(lambda change: seen.append(change["new"]), names="monitor")
    state.monitor = monitor_example
    assert seen == [monitor_example] and not state.history.can_undo  # not a scenario step


def test_invalid_text_names_the_assumption_in_dutch() -> None:
    with pytest.raises(AssumptionError) as info:
        DEFAULTS.replace(ambition_homes=-5)
    text = invalid_text(info.value)  # in the active language: Dutch unless one is activated
    assert text.startswith("Ongeldige waarde: ") and label("ambition_homes", "nl") in text
    assert "ambition_homes" not in text and "-5" not in text


# --- the dashboard on the state ----------------------------------------------------------


def test_the_dashboard_reads_and_follows_its_state(data: WoonvisieData) -> None:
    state = ScenarioState()
    dash = Dashboard(data, state=state)
    assert dash.state is state and dash.host.state is state and dash.bar.state is state
    state.apply(ambition_homes=10_000)  # as a notebook cell would
    assert dash.assumptions.ambition_homes == 10_000
    assert dash.controls["ambition_homes"].value == 10_000
    assert dash.controls["ambition_homes"].slider.value == 10_000
    assert "10.000" in dash.panels[0].cards.value
    state.apply(share_social_rent=0.4, share_mid_priced=0.3)
    assert dash.segments.share_group.percents["social_rent"] == 40
    assert not dash.bar.undo_button.disabled
    dash.controls["build_rate"].slider.value = 1200  # and the page's controls set the state
    assert state.assumptions.build_rate == 1200
    state.undo()
    assert dash.controls["build_rate"].slider.value == 1000


def test_two_views_of_one_state_stay_together(data: WoonvisieData) -> None:
    state = ScenarioState()
    a, b = Dashboard(data, state=state), Dashboard(data, state=state)
    a.controls["ambition_homes"].slider.value = 11_000
    assert b.assumptions.ambition_homes == 11_000
    assert b.controls["ambition_homes"].slider.value == 11_000
    assert "11.000" in b.panels[0].cards.value


def test_a_refusal_by_the_page_sends_the_state_back(data: WoonvisieData) -> None:
    def fault(a: Any) -> None:
        if a.ambition_homes == 12_000:
            raise RuntimeError("forced")

    state = ScenarioState()
    dash = Dashboard(data, fault=fault, state=state)
    assert state.apply(ambition_homes=12_000) is False
    assert state.assumptions == DEFAULTS and not state.history.can_undo
    assert 'role="alert"' in dash.status.value
    assert dash.controls["ambition_homes"].slider.value == 9300
    assert state.apply(ambition_homes=10_000) is True and dash.status.value == ""


def test_the_language_of_the_state_relabels_the_page(data: WoonvisieData) -> None:
    state = ScenarioState()
    dash = Dashboard(data, state=state)
    state.apply(ambition_homes=10_000)
    state.lang = "en"
    assert dash.bar.lang == "en" and dash.bar.language.value == "en"
    assert dash.tabs.titles[0] != "Overzicht"
    assert dash.controls["ambition_homes"].slider.value == 10_000
    dash.bar.language.value = "nl"  # and the page's own switch sets the state
    assert state.lang == "nl" and dash.tabs.titles[0] == "Overzicht"


def test_a_dashboard_takes_the_language_of_its_state(data: WoonvisieData) -> None:
    dash = Dashboard(data, state=ScenarioState(lang="en"))
    assert dash.state.lang == "en" and dash.bar.lang == "en"
