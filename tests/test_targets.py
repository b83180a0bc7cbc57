"""The targets register: every row's kind and status in a scenario, the command line and the tab.

A light (ok/fail) only where an outcome of the scenario meets a norm of the source (or an
own norm); an assumption the scenario takes from a row is "aanname = doel" and is tested by
its outcome. Numbers checked by hand in the comments.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import run_cli
from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.model.indicators import checks, indicators
from woonlib.model.progress import progress_indicators
from woonlib.model.register import (
    built_by,
    outcomes,
    register_view,
    status_counts,
    target_status,
    theme_counts,
)
from woonlib.model.targets import (
    ASSUMPTION_OUTCOMES,
    KINDS,
    MEASURES,
    ROLES,
    TARGET_STATUSES,
    THEMES,
    meets,
)
from woonlib.ui.dashboard import Dashboard
from woonlib.ui.targets import TargetsPanel

ASSUMPTION_ROWS = (
    "ambition_9300_homes",
    "build_rate_1000",
    "build_rate_to_2050",
    "norm_social_rent_30",
    "norm_mid_priced_40",
    "norm_expensive_30",
    "care_share_social_rent_30",
)


def statuses(data: WoonvisieData, a: Assumptions) -> dict[str, str]:
    table = target_status(data, a)
    return dict(zip(table["id"], table["status"], strict=True))


def test_every_theme_has_targets_and_every_status_and_kind_is_known(data: WoonvisieData) -> None:
    counts = theme_counts(data, DEFAULTS)
    assert (counts["total"] > 0).all(), counts
    assert counts["total"].sum() == len(data["targets"]) >= 40
    table = target_status(data, DEFAULTS)
    assert set(table["status"]) <= set(TARGET_STATUSES)
    assert set(table["kind"]) == set(KINDS)
    assert table["id"].is_unique


def test_kinds_read_from_the_source(data: WoonvisieData) -> None:
    kind = data["targets"].set_index("id")["kind"]
    assert kind["ambition_9300_homes"] == "commitment"  # 'Tot 2032 voegen we ... toe'
    assert kind["students_28000"] == "fact"  # 'opgelopen naar rond 28.000'
    assert kind["outflow_homes_280"] == "forecast"  # Tabel 1: 'PROGNOSE'
    assert kind["beng_since_2020"] == "national_rule"  # 'moeten sinds 2020 voldoen'
    fields = data.resources["targets"]["schema"]["fields"]
    field = next(f for f in fields if f["name"] == "kind")
    assert field["constraints"]["enum"] == list(KINDS)


def test_search_time_of_the_cover_is_in_the_register_to_be_monitored(
    data: WoonvisieData,
) -> None:
    table = target_status(data, DEFAULTS)
    search = table[table["title_nl"].str.contains("zoektijd", case=False)]
    assert not search.empty and (search["value"] == 12).all()
    assert (search["unit"] == "months").all() and (search["status"] == "monitor").all()


def test_statuses_at_the_defaults(data: WoonvisieData) -> None:
    """No light on an assumption, none without a norm; the two outcomes against the
    source's norms are Overzicht's checks."""
    s = statuses(data, DEFAULTS)
    assert all(s[row] == "assumption" for row in ASSUMPTION_ROWS)
    assert s["elderly_task_total_2040"] == s["outflow_homes_280"] == "info"
    by_name = {c.check: c for c in checks(data, DEFAULTS)}
    assert s["plan_capacity_30_extra"] == by_name["check_plan_capacity"].status == "fail"
    assert s["affordable_share_70"] == by_name["check_affordable_programme"].status == "ok"
    lights = [row for row, state in s.items() if state in ("ok", "fail")]
    assert sorted(lights) == ["affordable_share_70", "plan_capacity_30_extra"]


def test_outcomes_at_the_defaults(data: WoonvisieData) -> None:
    found = outcomes(data, DEFAULTS)
    path = found["build_path"]
    # 1.000 a year over 2024-2032 (9 years) = 9.000 < 9.300 (line 562)
    assert (path.value, path.target, path.horizon, path.status) == (9000, 9300, 2032, "fail")
    assert path.years == (2024, 2032) and path.source.lines == (562,)
    chance = found["reach_probability"]
    assert chance.status == "info"
    assert chance.value == indicators(data, DEFAULTS)["probability_reaching_ambition"]
    split = found["check_norm_split"]
    # the programme's split 43,0/29,7/27,3 (gross): no margin in the source -> information
    assert split.check == next(c for c in checks(data, DEFAULTS) if c.check == "check_norm_split")
    assert split.status == "info" and split.norm == "none"
    assert round(split.check.extra["social_rent"] * 1000) == 430


def test_counts_at_the_defaults(data: WoonvisieData) -> None:
    table, found = register_view(data, DEFAULTS)
    counts = status_counts(table, found)
    # lights: affordable ok; plan capacity and the build path fail (the build path once,
    # though three rows name it); info: elderly, outflow, the chance, the split
    assert counts == {
        "total": 57,
        "commitments": 31,
        "others": 26,
        "ok": 1,
        "fail": 2,
        "info": 4,
        "assumption": 7,
        "monitor": 46,
    }


def test_a_faster_build_rate_reaches_the_ambition(data: WoonvisieData) -> None:
    a = DEFAULTS.replace(build_rate=1100)
    s = statuses(data, a)
    assert s["build_rate_1000"] == s["ambition_9300_homes"] == "assumption"  # never a light
    path = outcomes(data, a)["build_path"]
    assert (path.value, path.status) == (9900, "ok")  # 1.100 x 9 = 9.900 >= 9.300


def test_the_register_judges_against_the_source_not_the_slider(data: WoonvisieData) -> None:
    a = DEFAULTS.replace(ambition_homes=8000)
    table = target_status(data, a).set_index("id")
    assert table.loc["ambition_9300_homes", "status"] == "assumption"
    assert table.loc["ambition_9300_homes", "scenario_value"] == 8000
    found = outcomes(data, a)
    assert (found["build_path"].target, found["build_path"].status) == (9300, "fail")  # 9.000
    # the chance of 9.300 by 2032, not of 8.000: as at the defaults
    assert found["reach_probability"].value == outcomes(data, DEFAULTS)["reach_probability"].value
    # 8.305 plans against 8.000 x 1,3 = 10.400: still short
    assert table.loc["plan_capacity_30_extra", "status"] == "fail"


def test_tot_2032_counts_eight_years(data: WoonvisieData) -> None:
    a = DEFAULTS.replace(target_year_inclusive=False)
    assert built_by(a, 2032) == 8000  # 2024-2031
    a = a.replace(build_rate=1200)
    path = outcomes(data, a)["build_path"]
    assert (path.value, path.years, path.status) == (9600, (2024, 2031), "ok")


def test_an_own_margin_gives_the_split_a_light(data: WoonvisieData) -> None:
    # largest deviation 13,0 points (social rent 43,0% against 30%)
    wide = outcomes(data, DEFAULTS.replace(split_norm_tolerance=0.15))["check_norm_split"]
    narrow = outcomes(data, DEFAULTS.replace(split_norm_tolerance=0.10))["check_norm_split"]
    assert (wide.status, wide.norm) == ("ok", "own")
    assert (narrow.status, narrow.norm) == ("fail", "own")
    s = statuses(data, DEFAULTS.replace(split_norm_tolerance=0.10))
    assert s["norm_social_rent_30"] == "assumption"  # the light is on the outcome


def test_realised_years_start_the_build_path(data: WoonvisieData, monitor_example: Monitor) -> None:
    found = outcomes(data, DEFAULTS, monitor_example)
    path = found["build_path"]
    # net 700 + 900 + 1.000 realised in 2024-2026, then 1.000 a year for 2027-2032
    assert (path.value, path.realised_years, path.status) == (2600 + 6000, 3, "fail")
    progress = progress_indicators(monitor_example, DEFAULTS)
    assert found["reach_probability"].value == progress["probability_reaching_ambition"]


def test_every_computable_indicator_is_used_by_a_row_and_has_a_role(data: WoonvisieData) -> None:
    used = set(data["targets"]["indicator"].dropna())
    assert set(MEASURES) <= used and set(ROLES) == set(MEASURES)
    assert {i for i, r in ROLES.items() if r == "assumption"} == set(ASSUMPTION_OUTCOMES)
    fields = data.resources["targets"]["schema"]["fields"]
    field = next(f for f in fields if f["name"] == "indicator")
    assert set(field["constraints"]["enum"]) == set(MEASURES)  # no key the model cannot compute


@pytest.mark.parametrize(
    ("measured", "comparator", "expected"),
    [(70, "at_least", True), (69.9, "at_least", False), (12, "at_most", True),
     (13, "at_most", False), (1500, "range", True), (2500, "range", False),
     (30, "equal", True), (31, "equal", False), (31, "more_than", True),
     (30, "more_than", False), (389_999, "below", True), (390_000, "below", False)],
)  # fmt: skip
def test_meets(measured: float, comparator: str, expected: bool) -> None:
    target = {"range": 1000, "at_most": 12, "equal": 30, "more_than": 30, "below": 390_000}
    assert meets(measured, target.get(comparator, 70), comparator, high=2000) is expected


def test_cli_targets_json_and_text(data: WoonvisieData) -> None:
    out = run_cli("targets", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == len(data["targets"])
    assert {r["theme"] for r in rows} == set(THEMES)
    for r in rows:
        assert isinstance(r["source_line"], int) and r["printed"]
        assert r["status"] in TARGET_STATUSES and r["kind"] in KINDS
    ambition = next(r for r in rows if r["id"] == "ambition_9300_homes")
    assert ambition["status"] == "assumption" and ambition["source_line"] == 562
    path = ambition["outcomes"][0]
    assert (path["key"], path["status"], path["value"], path["target"]) == (
        "build_path",
        "fail",
        9000,
        9300,
    )
    text = run_cli("targets").stdout
    assert "57 regels: 31 doelen, 26 feiten, prognoses en landelijke regels" in text
    assert "[aanname = doel] Tot 2032 voegen we 9.300 woningen" in text
    assert "[niet in lijn] ↳ Uitkomst: bouwpad 2024–2032 bij 1.000 woningen per jaar: 9.000" in text
    assert "[te volgen]" in text and "[in lijn]" in text and "regel 562" in text
    assert "sinds 2020" in text and "meer dan 30%" in text and "onder € 390.000" in text
    assert "Targets" in run_cli("targets", "--lang", "en").stdout


def _row(html: str, text: str) -> str:
    """The table row (<tr>…</tr>) holding `text`."""
    return next(r for r in re.findall(r"<tr>.*?</tr>", html) if text in r)


def test_targets_tab_shows_no_light_on_an_assumption(dash: Dashboard) -> None:
    panel = next(p for p in dash.panels if isinstance(p, TargetsPanel))
    assert dash.tabs.titles[dash.panels.index(panel)] == "Doelen"
    dash.tabs.selected_index = dash.panels.index(panel)
    tables = panel.tables.value
    ambition = _row(tables, "Tot 2032 voegen we 9.300")
    assert "aanname = doel" in ambition and "wl-status-" not in ambition
    path = _row(tables, "bouwpad 2024–2032")
    assert "wl-status-fail" in path and "9.000 woningen" in path and "regel 562" in path
    split = _row(tables, "43,0%")
    assert "wl-status-info" in split and "ter informatie" in split
    assert "wl-status-info" in _row(tables, "Uitbreidingsopgave voor ouderen tot 2040")
    before = panel.summary.value
    assert "31 doelen" in before and "2 niet in lijn" in before
    dash.apply({"build_rate": 1100, "ambition_homes": 8000})
    after = panel.summary.value
    assert "2 in lijn, 1 niet in lijn" in after  # the build path reaches 9.300: 9.900
    assert "niet aan de ambitie van dit scenario (8.000)" in panel.tables.value
