"""'From plan to progress' everywhere the scenario goes: workbook, CSV list, memo, compare.

The monitor used here is the fictional example of the tests (FICTIEF VOORBEELD): 2024–2026
realised net 700 + 900 + 1,000 = 2,600 homes; search times 11.5 (average) and 13 (maximum)
months in 2026.
"""

from __future__ import annotations

import datetime
import re
from html import escape
from io import BytesIO

import pandas as pd
import pytest

from tests.helpers import memo_page
from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, SPECS
from woonlib.model.goalseek import answers
from woonlib.model.indicators import indicators
from woonlib.model.outcome import outcome
from woonlib.model.sensitivity import OUTCOMES
from woonlib.model.uncertainty import ranges_of
from woonlib.report.export import (
    answer_state,
    answer_text,
    scenario_csvs,
    workbook_bytes,
    workbook_sheets,
    workbook_tables,
)
from woonlib.report.labels import label, using
from woonlib.report.memo import memo_figures, progress_figures, scenario_memo
from woonlib.scenario.state import ScenarioState
from woonlib.ui.compare import ComparePanel

DAY = datetime.date(2025, 5, 7)
PROGRESS_SHEETS = {
    "nl": ("Waaier", "Waaier kansen", "Wat is er nodig", "Gevoeligheid"),
    "en": ("Fan", "Fan probabilities", "What does it take", "Sensitivity"),
}
MONITOR_SHEETS = {
    "nl": ("Gerealiseerd tegen pad", "Gerealiseerde verdeling", "Gemeten doelen"),
    "en": ("Realised against path", "Realised split", "Measured targets"),
}


@pytest.fixture(scope="module")
def tables(data: WoonvisieData) -> dict[str, pd.DataFrame]:
    return workbook_tables(data, DEFAULTS)


@pytest.fixture(scope="module")
def tables_monitor(data: WoonvisieData, monitor_example: Monitor) -> dict[str, pd.DataFrame]:
    return workbook_tables(data, DEFAULTS, monitor=monitor_example)


# --- the workbook and the CSV list -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_progress_sheets_in_both_languages(data: WoonvisieData, lang: str) -> None:
    with using(lang):
        names = list(workbook_sheets(data, DEFAULTS))
    assert set(PROGRESS_SHEETS[lang]) <= set(names)
    assert not set(MONITOR_SHEETS[lang]) & set(names)  # only with a monitor
    with using(lang):
        with_monitor = list(workbook_sheets(data, DEFAULTS, monitor=Monitor(pd.DataFrame())))
    assert set(PROGRESS_SHEETS[lang]) | set(MONITOR_SHEETS[lang]) <= set(with_monitor)
    for name in with_monitor:  # Excel: at most 31 characters, none of \ / ? * [ ] :
        assert len(name) <= 31 and not re.search(r"[\\/?*\[\]:]", name), name
    assert len(set(with_monitor)) == len(with_monitor)
    assert with_monitor[-3:] == names[-3:]  # assumptions, sources, data notes stay last


def test_listing_sheets_computes_nothing(
    data: WoonvisieData, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("sensitivity computed to list the sheet names")

    monkeypatch.setattr("woonlib.report.export.sensitivity", fail)
    assert "Gevoeligheid" in workbook_sheets(data, DEFAULTS)


def test_fan_sheets(tables: dict[str, pd.DataFrame]) -> None:
    fan = tables["Waaier"]
    assert fan["year"].tolist() == list(range(2024, 2033))
    assert (fan["p10"] <= fan["p50"]).all() and (fan["p50"] <= fan["p90"]).all()
    assert fan["ambition_path"].iloc[-1] == pytest.approx(9300)
    assert not fan["realised"].any()
    summary = tables["Waaier kansen"].set_index("item")
    assert summary.loc["probability_reaching_ambition", "value"] == pytest.approx(0.3592)
    assert summary.loc["probability_reaching_ambition", "label"] == "Kans om de ambitie te halen"
    assert summary.loc["need_homes.cbs_2022", "value"] == pytest.approx(3525)
    assert summary.loc["draws", "value"] == 10000


def test_goal_sheet_one_row_per_answer(data: WoonvisieData, tables: dict) -> None:
    goals = tables["Wat is er nodig"]
    found = answers(data, DEFAULTS, DEFAULTS.goal_probability, ranges_of(DEFAULTS))
    assert goals["goal"].tolist() == [a.goal for a in found] and len(goals) == 8
    first = goals.iloc[0]
    assert first["text"] == "Bouwtempo voor de ambitie in 2032: 1.034 per jaar (nu 1.000)"
    assert (first["feasible"], first["met"]) == (True, False)
    assert first["values"] == "build_rate=1034; current=1000; years=9"
    assert first["changes"] == "build_rate=1034"
    chance = goals.set_index("goal").loc["goal_rate_for_chance"]
    assert chance["text"] == "Bouwtempo voor 80% kans op de ambitie: 1.121 per jaar"
    capacity = goals.set_index("goal").loc["goal_plan_capacity"]
    assert capacity["applies_to"] == "programme" and capacity["changes"] == ""
    assert capacity["text"] == "Toe te voegen plannen voor 12.090 plancapaciteit: 3.785 woningen"
    with using("en"):
        english = answer_text(found[0], DEFAULTS)
    assert english == "Build rate for the ambition by 2032: 1,034 a year (now 1,000)"


def test_sensitivity_sheet_with_labels(tables: dict[str, pd.DataFrame]) -> None:
    sens = tables["Gevoeligheid"]
    assert len(sens) == len(OUTCOMES) * len(SPECS)
    top = sens[sens["outcome"] == "reach_probability"].iloc[0]
    assert top["assumption"] == "build_rate"
    assert top["outcome_label"] == "Kans op de ambitie"
    assert top["assumption_label"] == label("build_rate")
    ambition = sens[(sens["outcome"] == "programme_gap") & (sens["assumption"] == "ambition_homes")]
    row = ambition.iloc[0]
    assert row["swing"] == pytest.approx(1.3 * (9300 - 3520))  # 12,090 − 4,576 = 7,514
    assert row["kind_label"] == "Bron, regels 583 en 589"  # 'circa 3.520' and '9.300'
    assert row["range_lines"] == "regels 583 en 589"
    failure = sens[
        (sens["outcome"] == "programme_gap") & (sens["assumption"] == "plan_failure_surcharge")
    ]
    assert failure.iloc[0]["kind_label"] == "Aanname, geen bron"  # 20–40%: no line gives it


def test_monitor_sheets(tables_monitor: dict[str, pd.DataFrame]) -> None:
    realised = tables_monitor["Gerealiseerd tegen pad"].set_index("year")
    assert realised.loc[2026, "realised_cumulative"] == 2600
    assert realised.loc[2024, "realised"] == 700 and realised.loc[2024, "realised_gross"] == 800
    mix = tables_monitor["Gerealiseerde verdeling"].set_index("segment")
    assert mix.loc["affordable", "share"] == pytest.approx(1060 / 1600)
    assert mix.loc["unknown", "homes"] == 100
    assert mix.loc["unknown", "segment_label"] == "Segment onbekend"
    measured = tables_monitor["Gemeten doelen"].set_index("id")
    assert measured.loc["search_time_average_12", "status"] == "ok"
    assert measured.loc["search_time_average_12", "measured"] == 11.5
    assert measured.loc["search_time_max_12", "status_text"] == "niet in lijn"
    ind = tables_monitor["Indicatoren"].set_index("indicator")["value"]
    assert ind["build_rate_needed"] == pytest.approx(1116.67, abs=0.005)
    assert ind["probability_reaching_ambition"] == pytest.approx(0.1033)
    assert ind["realised_homes"] == 2600
    summary = tables_monitor["Waaier kansen"].set_index("item")["value"]
    assert summary["probability_reaching_ambition"] == pytest.approx(0.1033)
    targets = tables_monitor["Doelen"].set_index("id")
    assert targets.loc["search_time_max_12", "status"] == "fail"


def test_csv_list_and_workbook_with_monitor(data: WoonvisieData, monitor_example: Monitor) -> None:
    csvs = scenario_csvs(data, DEFAULTS, "en", monitor=monitor_example)
    assert set(PROGRESS_SHEETS["en"]) | set(MONITOR_SHEETS["en"]) <= set(csvs)
    goals = pd.read_csv(BytesIO(csvs["What does it take"]), encoding="utf-8-sig")
    # from the realised 2,600: (9,300 − 2,600) / 6 = 1,116.7 → 1,117, as the monitor block
    assert (
        goals.loc[0, "text"]
        == "Build rate for the ambition by 2032, from 2027: 1,117 a year (now 1,000)"
    )
    workbook = workbook_bytes(data, DEFAULTS, "en", monitor=monitor_example)
    sheets = pd.read_excel(BytesIO(workbook), None)
    assert list(sheets) == list(csvs)
    assert sheets["Measured targets"].set_index("id").loc["search_time_max_12", "measured"] == 13


# --- the memo --------------------------------------------------------------------------------


def _section(memo: str, title: str) -> str:
    page = memo_page(memo)
    start = page.index(f"<h2>{title}</h2>")
    return page[start : page.index("</section>", start)]


@pytest.fixture(scope="module")
def memo_nl(data: WoonvisieData) -> str:
    return scenario_memo(data, DEFAULTS, today=DAY)


@pytest.fixture(scope="module")
def memo_monitor(data: WoonvisieData, monitor_example: Monitor) -> str:
    return scenario_memo(data, DEFAULTS, today=DAY, monitor=monitor_example)


def test_memo_progress_section_in_dutch(memo_nl: str) -> None:
    section = _section(memo_nl, "Van plan naar voortgang")
    assert '<td>Kans op de ambitie in 2032</td><td class="num">36%</td>' in section  # 0.3592
    rate = "<td>Benodigd bouwtempo voor de ambitie (met monitor: vanaf nu)</td>"
    # 9,300 / 9 = 1,033.3: rounded up, as the goal-seek answer below
    assert f'{rate}<td class="num">1.034 woningen per jaar</td>' in section
    assert 'id="memo-chart-fan"' in section
    assert "Bouwtempo voor de ambitie in 2032: 1.034 per jaar (nu 1.000)" in section
    assert "Toe te voegen plannen voor 12.090 plancapaciteit: 3.785 woningen" in section
    assert "Zonder monitorbestand" in section and "memo-chart-realised" not in section


def test_memo_sensitivity_top_five(memo_nl: str) -> None:
    section = _section(memo_nl, "Van plan naar voortgang")
    sens = section[section.index("<h3>Wat weegt het zwaarst?</h3>") :]
    heading = escape(label("elderly_share_of_ambition"))
    table = sens[sens.index(f"<h4>{heading}</h4>") :].split("</table>")[0]
    rows = re.findall(r"<tr><td>.*?</tr>", table)
    assert len(rows) == 5
    assert rows[0].startswith("<tr><td>Ambitie</td>")
    assert "54,3 procentpunt" in rows[0]  # 3,075 / 9,300 = 33,1% up to 3,075 / 3,520 = 87,4%
    gap = sens[sens.index("<h4>Tekort aan plannen (t.o.v. Figuur 5)</h4>") :].split("</table>")[0]
    assert "<td>Ambitie</td>" in gap and "7.514 woningen" in gap
    assert len(re.findall(r"<h4>", sens)) == len(OUTCOMES)


def test_memo_progress_with_monitor(memo_monitor: str) -> None:
    section = _section(memo_monitor, "Van plan naar voortgang")
    assert '<td>Kans op de ambitie in 2032</td><td class="num">10%</td>' in section  # 0.1033
    assert "Bouwtempo voor de ambitie in 2032, vanaf 2027: 1.117 per jaar (nu 1.000)" in section
    needed = "Nodig tempo vanaf nu voor de ambitie in 2032"
    assert f'<td>{needed}</td><td class="num">1.117 woningen per jaar</td>' in section
    assert '<td class="num">2.600 woningen</td>' in section
    assert "de ambitie bereikt in 2034 (doeljaar 2032)" in section
    assert 'id="memo-chart-realised"' in section and 'id="memo-chart-fan"' in section
    assert "monitor-voorbeeld-fictief.csv" in section
    headline = _section(memo_monitor, "Kerncijfers")
    rate = "<td>Benodigd bouwtempo voor de ambitie (met monitor: vanaf nu)</td>"
    assert f'{rate}<td class="num">1.117 woningen per jaar' in headline
    assert '<td class="num">2034</td>' in headline


def test_memo_progress_in_english(data: WoonvisieData, monitor_example: Monitor) -> None:
    memo = scenario_memo(data, DEFAULTS, lang="en", today=DAY, monitor=monitor_example)
    section = _section(memo, "From plan to progress")
    assert '<td>Chance of reaching the ambition by 2032</td><td class="num">10%</td>' in section
    assert "1,117 homes per year" in section and "reached in 2034" in section
    assert "Build rate for the ambition by 2032, from 2027: 1,117 a year (now 1,000)" in section
    assert "Kans" not in section and "woningen" not in section


def test_memo_charts_counted(
    data: WoonvisieData, memo_monitor: str, monitor_example: Monitor
) -> None:
    with using("nl"):
        progress = progress_figures(data, DEFAULTS, monitor_example)
    count = len(memo_figures(data, DEFAULTS)) + len(progress)
    assert memo_monitor.count("Plotly.newPlot(") == count == len(memo_figures(data, DEFAULTS)) + 2


def test_changed_range_assumption_in_memo(data: WoonvisieData) -> None:
    scenario = DEFAULTS.replace(fan_failure_high=0.5)
    memo = memo_page(scenario_memo(data, scenario, today=DAY))
    row = re.search(r"<tr><td>Planuitval, hoogste \(aanname, geen bron\)</td>.*?</tr>", memo)
    assert row and '<td class="num">50,0%</td><td class="num">40,0%</td>' in row.group(0)
    chance = indicators(data, scenario)["probability_reaching_ambition"]
    assert chance == pytest.approx(0.2736)  # more plan failure, less chance than 36%
    assert '<td>Kans op de ambitie in 2032</td><td class="num">27%</td>' in memo


# --- the compare tab -------------------------------------------------------------------------


def test_compare_has_chance_and_rate_needed(data: WoonvisieData) -> None:
    faster = DEFAULTS.replace(build_rate=1200)
    panel = ComparePanel(data, ScenarioState(faster), lambda *_: None)  # A: current, B: Woonvisie
    panel.show(panel.compute(outcome(data, faster)))
    rows = re.findall(r"<tr>(.*?)</tr>", panel.table.value)
    cells = {
        re.sub(r"<[^>]+>", "", r.split("</td>")[0]): re.findall(r">([^<>]*)</td>", r) for r in rows
    }
    # 0.9459 and 0.3592 in whole percent; the difference is that of the shown figures
    assert cells["Kans om de ambitie te halen"][1:] == ["95%", "36%", "−59%"]
    rate = "Benodigd bouwtempo voor de ambitie (met monitor: vanaf nu)"
    assert cells[rate][1:] == ["1.034", "1.034", "0"]  # 9,300 / 9 = 1,033.3, rounded up


def test_answer_without_a_figure_reads_as_a_dash(data: WoonvisieData) -> None:
    stopped = DEFAULTS.replace(build_rate=0)
    found = {a.goal: a for a in answers(data, stopped, 0.8, ranges_of(stopped))}
    reachable = found["goal_reachable_year"]
    assert "target_year" not in reachable.values  # never reached at a build rate of 0
    assert answer_text(reachable, stopped) == "Bij het huidige tempo is de ambitie bereikt in –"
    goals = workbook_tables(data, stopped)["Wat is er nodig"].set_index("goal")
    assert goals.loc["goal_reachable_year", "state"] == label("goal_note_rate_zero")


def test_shares_the_scenario_assumes_are_not_called_met(data: WoonvisieData) -> None:
    """At the defaults the scenario assumes 30/40/30: its answers say so, not 'Al gehaald'."""
    found = {a.goal: a for a in answers(data, DEFAULTS)}
    for goal in ("goal_scenario_affordable", "goal_scenario_norm_split"):
        assert found[goal].met
        with using("nl"):
            assert answer_state(found[goal]) == "Zo aangenomen in het scenario"
    with using("nl"):
        assert answer_state(found["goal_programme_affordable"]) == "Al gehaald"  # an outcome
    # goal seek flags the answers on the scenario's own shares; nothing else is assumed
    assert {goal for goal, a in found.items() if a.assumed} == {
        "goal_scenario_affordable",
        "goal_scenario_norm_split",
    }
    shifted = DEFAULTS.replace(share_social_rent=0.2, share_mid_priced=0.4, share_expensive=0.4)
    open_ = {a.goal: a for a in answers(data, shifted)}["goal_scenario_norm_split"]
    with using("nl"):
        assert (
            open_.assumed
            and not open_.met
            and answer_state(open_) != answer_state(found["goal_scenario_norm_split"])
        )
