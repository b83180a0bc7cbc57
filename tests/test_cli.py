"""The command line end to end, in a subprocess as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from woonlib.data import WoonvisieData


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "woonlib", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_indicators_json_defaults() -> None:
    out = run("indicators", "--json")
    assert out.returncode == 0, out.stderr
    ind = json.loads(out.stdout)
    assert ind["ambition_homes"] == 9300
    assert ind["basis_homes"] == 3525
    assert ind["programme_homes"] == 8305
    assert ind["programme_homes_appendix"] == 8315
    assert ind["plan_capacity_needed"] == 12090
    assert ind["programme_gap"] == 12090 - 8305
    assert ind["affordable_share_programme"] == pytest.approx(0.727, abs=5e-4)  # 7,135 / 9,815
    assert ind["affordable_share_programme_net"] == pytest.approx(0.6785, abs=5e-5)  # Figuur 5
    assert ind["affordable_share_programme_net_appendix"] == pytest.approx(5635 / 8315, abs=1e-6)
    assert ind["affordable_target_met"] is True
    assert ind["elderly_share_of_ambition"] == pytest.approx(0.331, abs=5e-4)
    assert ind["elderly_task_in_building_years"] == 3075
    assert ind["norm_split_homes"] == {"social_rent": 2790, "mid_priced": 3720, "expensive": 2790}
    assert ind["care_homes_from_social_rent"] == 1266
    assert ind["elderly_task_total"] == 4650
    assert ind["outflow_homes_per_year"] == 280
    ids = {n["id"] for n in ind["data_notes"]}
    assert len(ids) == len(ind["data_notes"]) >= 8


def test_indicators_json_with_scenario(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.json"
    scenario.write_text(
        json.dumps(
            {
                "ambition_homes": 10000,
                "plan_failure_surcharge": 0.5,
                "share_social_rent": 0.4,
                "share_mid_priced": 0.4,
                "share_expensive": 0.2,
                "care_share_social_rent": 0.5,
                "elderly_scale": 2,
                "outflow_youth_care": 20,
                "shortage_catch_up": 1000,
            }
        )
    )
    ind = json.loads(run("indicators", "--json", "--scenario", str(scenario)).stdout)
    assert ind["ambition_homes"] == 10000
    assert ind["basis_homes"] == 2675 + 1000
    assert ind["plan_capacity_needed"] == 15000
    assert ind["norm_split_homes"] == {"social_rent": 4000, "mid_priced": 4000, "expensive": 2000}
    assert ind["care_homes_from_social_rent"] == 2110
    assert ind["elderly_task_total"] == 9300
    assert ind["outflow_homes_per_year"] == 300


def test_indicators_text_is_dutch() -> None:
    out = run("indicators")
    assert out.returncode == 0, out.stderr
    assert "9.300" in out.stdout and "12.090" in out.stdout
    assert "72,7%" in out.stdout  # the norm's basis: new build before demolition
    assert "67,9%" in out.stdout and "67,8%" in out.stdout  # net: Figuur 5 and appendix
    assert "[in orde] Programmering: minstens 70% betaalbaar" in out.stdout
    assert "regels 1245–1247, 1504–1506, 1574–1576" in out.stdout
    assert "Datanotities" in out.stdout
    english = run("indicators", "--lang", "en").stdout
    assert "9,300" in english and "67.9%" in english


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON at line 1, column 2"),
        ('{"ambitie": 9300}', "unknown assumption(s): ambitie"),
        ('{"ambition_homes": 99999}', "ambition_homes = 99999 is not allowed: expected 0 to 20000"),
        ('{"share_social_rent": 0.5}', "segment shares"),
        ("[1, 2]", "a scenario must be an object"),
    ],
)
def test_bad_scenario_file(tmp_path: Path, content: str, message: str) -> None:
    scenario = tmp_path / "bad.json"
    scenario.write_text(content)
    out = run("indicators", "--json", "--scenario", str(scenario))
    assert out.returncode == 2
    assert out.stdout == ""
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_missing_scenario_file(tmp_path: Path) -> None:
    out = run("indicators", "--scenario", str(tmp_path / "nope.json"))
    assert out.returncode == 2 and "cannot read" in out.stderr and "Traceback" not in out.stderr


def test_bad_data_package(data_copy: Path) -> None:
    (data_copy / "outflow.csv").unlink()
    out = run("--data", str(data_copy), "indicators")
    assert out.returncode == 2
    assert "outflow.csv: file missing" in out.stderr and "Traceback" not in out.stderr


def test_export_workbook(tmp_path: Path, data: WoonvisieData) -> None:
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps({"ambition_homes": 8000}))
    target = tmp_path / "out.xlsx"
    out = run("export", "--out", str(target), "--scenario", str(scenario))
    assert out.returncode == 0, out.stderr
    sheets = pd.read_excel(target, sheet_name=None)
    assert {
        "Indicatoren",
        "Aannames",
        "Bronnen",
        "Datanotities",
        "Segmenten",
        "Ouderen",
        "Uitstroom",
        "Huishoudens",
    } <= set(sheets)
    ind = sheets["Indicatoren"].set_index("indicator")["value"]
    assert ind["ambition_homes"] == 8000
    assert ind["plan_capacity_needed"] == pytest.approx(10400)
    assumptions = sheets["Aannames"].set_index("assumption")
    assert assumptions.loc["ambition_homes", "value"] == 8000
    assert assumptions.loc["ambition_homes", "default"] == 9300
    assert "regel 589" in assumptions.loc["ambition_homes", "source"]  # Dutch by default
    sources = sheets["Bronnen"]
    assert len(sources) == sum(len(r["sources"]) for r in data.resources.values())
    assert "regels 3079–3101" in set(sources["lines"])  # Tabel 2, in Dutch


def test_export_to_unwritable_place(tmp_path: Path) -> None:
    out = run("export", "--out", str(tmp_path / "missing-dir" / "x.xlsx"))
    assert out.returncode == 2 and "cannot write" in out.stderr
