"""The targets register: every row's status in a scenario, the command line and the tab."""

from __future__ import annotations

import json

import pytest

from tests.helpers import run_cli
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.targets import MEASURES, THEMES, meets, target_status, theme_counts
from woonlib.ui.dashboard import Dashboard
from woonlib.ui.targets import TargetsPanel


def status(data: WoonvisieData, target_id: str, **changes: object) -> str:
    table = target_status(data, DEFAULTS.replace(**changes)).set_index("id")
    return str(table.loc[target_id, "status"])


def row_id(data: WoonvisieData, indicator: str) -> str:
    table = data["targets"]
    return str(table.loc[table["indicator"] == indicator, "id"].iloc[0])


def test_every_theme_has_targets_and_every_status_is_known(data: WoonvisieData) -> None:
    counts = theme_counts(data, DEFAULTS)
    assert (counts["total"] > 0).all(), counts
    assert counts["total"].sum() == len(data["targets"]) >= 40
    table = target_status(data, DEFAULTS)
    assert set(table["status"]) <= {"ok", "fail", "monitor"}
    assert table["id"].is_unique


def test_search_time_of_the_cover_is_in_the_register_to_be_monitored(
    data: WoonvisieData,
) -> None:
    table = target_status(data, DEFAULTS)
    search = table[table["title_nl"].str.contains("zoektijd", case=False)]
    assert not search.empty and (search["value"] == 12).all()
    assert (search["unit"] == "months").all() and (search["status"] == "monitor").all()


def test_computed_statuses_follow_the_scenario(data: WoonvisieData) -> None:
    ambition = row_id(data, "ambition_homes")
    assert status(data, ambition) == "ok"
    assert status(data, ambition, ambition_homes=9000) == "fail"
    assert status(data, ambition, target_year=2034) == "fail"  # 9.300 after 2032
    rate = row_id(data, "build_rate")
    assert status(data, rate) == "ok" and status(data, rate, build_rate=900) == "fail"
    afford = row_id(data, "affordable_share_new_build")
    assert status(data, afford) == "ok"  # 72,7% gross
    assert status(data, afford, affordable_basis="net") == "fail"  # 67,9% net
    capacity = row_id(data, "plan_capacity")
    assert status(data, capacity) == "fail"  # 8.305 plans is 89% of 9.300, not 130%
    assert status(data, capacity, ambition_homes=6000) == "ok"  # 8.305 / 6.000 = 138%
    care = row_id(data, "care_share_social_rent")
    assert status(data, care, care_share_social_rent=0.25) == "fail"


def test_every_computable_indicator_is_used_by_a_row(data: WoonvisieData) -> None:
    used = set(data["targets"]["indicator"].dropna())
    assert set(MEASURES) <= used
    fields = data.resources["targets"]["schema"]["fields"]
    field = next(f for f in fields if f["name"] == "indicator")
    assert set(field["constraints"]["enum"]) == set(MEASURES)  # no key the model cannot compute


@pytest.mark.parametrize(
    ("measured", "comparator", "expected"),
    [(70, "at_least", True), (69.9, "at_least", False), (12, "at_most", True),
     (13, "at_most", False), (1500, "range", True), (2500, "range", False),
     (30, "equal", True), (31, "equal", False)],
)
def test_meets(measured: float, comparator: str, expected: bool) -> None:
    target = {"range": 1000, "at_most": 12, "equal": 30}.get(comparator, 70)
    assert meets(measured, target, comparator, high=2000) is expected


def test_cli_targets_json_and_text(data: WoonvisieData) -> None:
    out = run_cli("targets", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == len(data["targets"])
    assert {r["theme"] for r in rows} == set(THEMES)
    for r in rows:
        assert isinstance(r["source_line"], int) and r["printed"]
        assert r["status"] in {"ok", "fail", "monitor"}
    text = run_cli("targets").stdout
    assert "Doelen" in text and "[te volgen]" in text and "[in lijn]" in text
    assert "regel 589" in text or "regel 1129" in text
    assert "Targets" in run_cli("targets", "--lang", "en").stdout


def test_targets_tab_updates_with_the_scenario(dash: Dashboard) -> None:
    panel = next(p for p in dash.panels if isinstance(p, TargetsPanel))
    assert dash.tabs.titles[dash.panels.index(panel)] == "Doelen"
    before = panel.summary.value
    assert "te volgen" in before and "in lijn" in before
    dash.apply({"build_rate": 500})
    dash.tabs.selected_index = dash.panels.index(panel)
    assert panel.summary.value != before
    assert "niet in lijn" in panel.tables.value
