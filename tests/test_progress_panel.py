"""The Voortgang tab in Python: monitor upload, fan, "what does it take?", sensitivity.

The example monitor is fictional (tests/fixtures/monitor-voorbeeld-fictief.csv says so on
every row): its figures are not Enschede's.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from woonlib.model.assumptions import DEFAULTS
from woonlib.ui.dashboard import Dashboard

EXAMPLE = Path(__file__).parent / "fixtures" / "monitor-voorbeeld-fictief.csv"


def upload(name: str, content: bytes) -> tuple[dict[str, Any], ...]:
    """A FileUpload value as the browser sends it."""
    return (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )


@pytest.fixture
def dash() -> Dashboard:
    return Dashboard()


def test_without_monitor_data_the_page_says_how_to_add_it(dash: Dashboard) -> None:
    p = dash.progress
    assert dash.state.monitor.empty
    assert "nog geen monitorgegevens" in p.monitor_note.value
    assert "monitor-template.csv" in p.monitor_note.value
    assert p.monitor_summary.value == ""
    assert "Kans op de ambitie in 2032: 36%" in p.fan_summary.value


def test_uploaded_example_shows_realised_against_the_path(dash: Dashboard) -> None:
    p = dash.progress
    p.upload.value = upload("monitor-voorbeeld-fictief.csv", EXAMPLE.read_bytes())
    assert not dash.state.monitor.empty
    assert "monitor-voorbeeld-fictief.csv" in p.monitor_note.value
    summary = p.monitor_summary.value
    assert "2.600" in summary  # 700 + 900 + 1.000 net in 2024–2026
    assert "1.117" in summary  # (9.300 − 2.600) / 6 years left
    assert "bereikt in 2034" in summary  # at 867 a year, the pace of 2024–2026
    assert "27,5%" in summary and "66,2%" in summary  # realised split against 30/40/30, 70%
    realised = p.fig_realised.data[1].y  # realised cumulative
    assert list(realised[:3]) == [700, 1600, 2600]
    assert "Kans op de ambitie in 2032: 10%" in p.fan_summary.value  # realised years fixed
    assert "13 maanden (gemeten, 2026)" in dash.targets.tables.value
    assert dash.state.history.undo() is None  # a monitor is not a scenario step


def test_a_bad_monitor_file_is_refused_with_file_row_and_column(dash: Dashboard) -> None:
    p = dash.progress
    bad = (
        b"year,measure,value,unit,source\n"
        b"2024,homes_new_build,-5,homes,x\n"
        b"20x5,homes_new_build,5,homes,y\n"
    )
    p.upload.value = upload("kapot.csv", bad)
    note = p.monitor_note.value
    assert 'role="alert"' in note and "2 problemen." in note
    assert "kapot.csv, rij 2, kolom &#x27;value&#x27;" in note
    assert "kapot.csv, rij 3, kolom &#x27;year&#x27;" in note
    assert dash.state.monitor.empty  # nothing half-loaded
    assert p.upload.value == ()  # the same file can be chosen again after a fix


def test_a_goal_seek_answer_applied_is_one_undo_step_and_meets_its_target(
    dash: Dashboard,
) -> None:
    p = dash.progress
    assert not p.goal_buttons[0].disabled
    p.goal_buttons[0].click()  # build rate for the ambition by 2032
    assert dash.assumptions.build_rate == 1034
    assert dash.assumptions.build_rate * 9 >= dash.assumptions.ambition_homes
    assert "Al gehaald" in p.goal_texts[0].value and p.goal_buttons[0].disabled
    assert dash.controls["build_rate"].value == 1034  # the slider shows it
    dash.undo()
    assert dash.assumptions == DEFAULTS


def test_the_chance_answer_reaches_the_wanted_chance(dash: Dashboard) -> None:
    p = dash.progress
    dash.apply({"goal_probability": 0.9})
    assert "90%" in p.goal_texts[2].value
    p.goal_buttons[2].click()
    assert "Kans op de ambitie in 2032: 90%" in p.fan_summary.value


def test_programme_answers_have_nothing_to_apply(dash: Dashboard) -> None:
    p = dash.progress
    assert p.goal_buttons[3].disabled  # plan capacity: about the programme
    assert "3.785" in p.goal_texts[3].value and "niets over te nemen" in p.goal_texts[3].value


def test_a_slider_move_updates_the_fan(dash: Dashboard) -> None:
    p = dash.progress
    before = list(p.fig_fan.data[2].y)
    dash.apply({"build_rate": 1200})
    dash.tabs.selected_index = dash.panels.index(p)
    assert list(p.fig_fan.data[2].y) != before
    assert "Kans op de ambitie in 2032: 9" in p.fan_summary.value  # 1.200 a year: above 90%


def test_sensitivity_on_request_ranks_the_assumptions(dash: Dashboard) -> None:
    p = dash.progress
    assert p.sens_table.value == ""  # not computed on every move: it takes ~0.5 s
    p.sens_button.click()
    assert "Bouwtempo" in p.sens_table.value
    bars = p.fig_tornado.data[1].x
    assert len(bars) >= 3
    p.sens_outcome.value = "programme_gap"
    assert "Ambitie" in p.sens_table.value
    dash.apply({"build_rate": 1100})
    assert "opnieuw" in p.sens_status.value  # says it is stale


def test_english_keeps_the_monitor(dash: Dashboard) -> None:
    dash.progress.upload.value = upload("monitor-voorbeeld-fictief.csv", EXAMPLE.read_bytes())
    dash.state.lang = "en"
    assert "2,600" in dash.progress.monitor_summary.value
    assert "Chance of reaching the ambition by 2032: 10%" in dash.progress.fan_summary.value


def test_tabs_out_of_view_compute_when_opened() -> None:
    """On the served (lazy) page, a built tab out of view (here Voortgang) is not computed
    on a slider move; opening the tab computes the current scenario."""
    dash = Dashboard(lazy=True)
    p = dash.progress
    index = dash.panels.index(p)
    dash.apply({"build_rate": 1200})
    assert index in dash.host.stale
    assert "2032: 36%" in p.fan_summary.value  # still the Woonvisie's until opened
    dash.tabs.selected_index = index
    assert index not in dash.host.stale
    assert "Kans op de ambitie in 2032: 9" in p.fan_summary.value
    dash.apply({"build_rate": 1000})  # in view: shown at once
    assert "2032: 36%" in p.fan_summary.value
