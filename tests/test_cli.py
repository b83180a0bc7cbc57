"""The command line end to end, in a subprocess as a user runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from tests.helpers import MONITOR_EXAMPLE, run_cli
from woonlib.data import WoonvisieData


def test_indicators_json_defaults() -> None:
    out = run_cli("indicators", "--json")
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
    ind = json.loads(run_cli("indicators", "--json", "--scenario", str(scenario)).stdout)
    assert ind["ambition_homes"] == 10000
    assert ind["basis_homes"] == 2675 + 1000
    assert ind["plan_capacity_needed"] == 15000
    assert ind["norm_split_homes"] == {"social_rent": 4000, "mid_priced": 4000, "expensive": 2000}
    assert ind["care_homes_from_social_rent"] == 2110
    assert ind["elderly_task_total"] == 9300
    assert ind["outflow_homes_per_year"] == 300


def test_indicators_text_is_dutch() -> None:
    out = run_cli("indicators")
    assert out.returncode == 0, out.stderr
    assert "9.300" in out.stdout and "12.090" in out.stdout
    assert "72,7%" in out.stdout  # the norm's basis: new build before demolition
    assert "67,9%" in out.stdout and "67,8%" in out.stdout  # net: Figuur 5 and appendix
    assert "[in orde] Programmering: minstens 70% betaalbaar" in out.stdout
    assert "regels 1245–1247, 1504–1506, 1574–1576" in out.stdout
    assert "Datanotities" in out.stdout
    english = run_cli("indicators", "--lang", "en").stdout
    assert "9,300" in english and "67.9%" in english


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON at line 1, column 2"),
        ('{"ambitie": 9300}', "unknown assumption: ambitie"),
        ('{"ambition_homes": 99999}', "ambition_homes = 99999 is not allowed: expected 0 to 20000"),
        ('{"share_social_rent": 0.5}', "segment shares"),
        ("[1, 2]", "a scenario must be an object"),
    ],
)
def test_bad_scenario_file(tmp_path: Path, content: str, message: str) -> None:
    scenario = tmp_path / "bad.json"
    scenario.write_text(content)
    out = run_cli("indicators", "--json", "--scenario", str(scenario))
    assert out.returncode == 2
    assert out.stdout == ""
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_missing_scenario_file(tmp_path: Path) -> None:
    out = run_cli("indicators", "--scenario", str(tmp_path / "nope.json"))
    assert out.returncode == 2 and "cannot read" in out.stderr and "Traceback" not in out.stderr


def test_bad_data_package(data_copy: Path) -> None:
    (data_copy / "outflow.csv").unlink()
    out = run_cli("--data", str(data_copy), "indicators")
    assert out.returncode == 2
    assert "outflow.csv: file missing" in out.stderr and "Traceback" not in out.stderr


def test_export_workbook(tmp_path: Path, data: WoonvisieData) -> None:
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps({"ambition_homes": 8000}))
    target = tmp_path / "out.xlsx"
    out = run_cli("export", "--out", str(target), "--scenario", str(scenario))
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
    out = run_cli("export", "--out", str(tmp_path / "missing-dir" / "x.xlsx"))
    assert out.returncode == 2 and "cannot write" in out.stderr


# --- from plan to progress (issue 13): the new indicators and --monitor ----------------------


def test_indicators_json_has_probability_and_rate_needed() -> None:
    ind = json.loads(run_cli("indicators", "--json").stdout)
    assert ind["probability_reaching_ambition"] == pytest.approx(0.3592, abs=1e-9)
    assert ind["build_rate_needed"] == pytest.approx(1033.33, abs=0.005)  # 9,300 / 9 years
    assert "realised_homes" not in ind and "projected_year" not in ind  # no monitor, none read


def test_indicators_json_with_monitor() -> None:
    out = run_cli("indicators", "--json", "--monitor", str(MONITOR_EXAMPLE))
    assert out.returncode == 0, out.stderr
    ind = json.loads(out.stdout)
    # 2024–2026 net: (800 − 100) + 900 + 1,000 = 2,600; (9,300 − 2,600) / 6 years = 1,116.67
    assert ind["realised_homes"] == 2600
    assert ind["realised_years"] == 3
    assert ind["build_rate_needed"] == pytest.approx(1116.67, abs=0.005)
    # pace (700 + 900 + 1,000) / 3 = 866.7: 2,600 + 8 × 866.7 ≥ 9,300 first in 2034
    assert ind["projected_year"] == 2034
    assert ind["probability_reaching_ambition"] == pytest.approx(0.1033, abs=1e-9)
    assert ind["ambition_homes"] == 9300  # the scenario's own figures stay
    assert list(ind)[-1] == "data_notes"


def test_indicators_text_with_monitor_is_dutch() -> None:
    out = run_cli("indicators", "--monitor", str(MONITOR_EXAMPLE))
    assert out.returncode == 0, out.stderr
    words = [line.split() for line in out.stdout.splitlines() if line.strip()]
    lines = {" ".join(w[:-1]): w[-1] for w in words}
    assert lines["Kans om de ambitie te halen"] == "10%"  # 0.1033, in whole percent
    assert lines["Benodigd bouwtempo voor de ambitie (met monitor: vanaf nu)"] == "1.117"
    assert lines["Gerealiseerd sinds het startjaar (netto)"] == "2.600"
    assert lines["Ambitie bereikt in (tempo laatste drie jaren)"] == "2034"
    english = run_cli("indicators", "--lang", "en").stdout
    assert "Chance of reaching the ambition" in english and "36%" in english  # 0.3592


def test_targets_with_monitor_judges_measured_values() -> None:
    out = run_cli("targets", "--json", "--monitor", str(MONITOR_EXAMPLE))
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    average, maximum = rows["search_time_average_12"], rows["search_time_max_12"]
    assert (average["status"], average["measured"], average["measured_year"]) == ("ok", 11.5, 2026)
    assert (maximum["status"], maximum["measured"], maximum["measured_year"]) == ("fail", 13, 2026)
    without = {r["id"]: r for r in json.loads(run_cli("targets", "--json").stdout)}
    assert without["search_time_average_12"]["status"] == "monitor"
    assert "measured" not in without["search_time_average_12"]
    text = run_cli("targets", "--monitor", str(MONITOR_EXAMPLE)).stdout
    assert "[in lijn] We streven naar een gemiddelde zoektijd" in text
    assert "Gemeten: 11,5 maanden (2026)" in text
    assert "[niet in lijn] We streven naar een zoektijd van maximaal 12 maanden" in text


def _one_line_error(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 2
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("woonlib: error: ")
    return lines[0]


@pytest.mark.parametrize("command", [("indicators",), ("targets", "--json"), ("export",)])
def test_missing_monitor_file(tmp_path: Path, command: tuple[str, ...]) -> None:
    missing = tmp_path / "nope.csv"
    extra = ("--out", str(tmp_path / "x.xlsx")) if command == ("export",) else ()
    line = _one_line_error(run_cli(*command, *extra, "--monitor", str(missing)))
    assert line == f"woonlib: error: {missing}: file missing"
    assert not (tmp_path / "x.xlsx").exists()
    dutch = _one_line_error(run_cli(*command, *extra, "--lang", "nl", "--monitor", str(missing)))
    assert dutch == f"woonlib: error: {missing}: bestand ontbreekt"


BAD_VALUE = (
    "year,measure,value,unit,source,note\n"
    "2024,homes_new_build,800,homes,jaarrapport 2024,\n"
    "2025,homes_new_build,achthonderd,homes,jaarrapport 2025,\n"
    "2026,homes_new_build,-5,homes,jaarrapport 2026,\n"
)


@pytest.mark.parametrize(
    ("content", "english", "dutch"),
    [
        (
            BAD_VALUE,
            "row 3, column 'value': value must be a number (decimal point, no thousands "
            "separator) (and 1 more)",
            "rij 3, kolom 'value': de waarde moet een getal zijn (zonder scheidingsteken voor "
            "duizendtallen) (en nog 1)",
        ),
        (
            "year,measure,value,source\n2024,homes_built,800,jaarrapport\n",
            "row 2, column 'measure': unknown measure",
            "rij 2, kolom 'measure': onbekende meetwaarde",
        ),
        (
            "year,measure,value\n2024,homes_new_build,800\n",
            "column 'source': required column missing",
            "kolom 'source': verplichte kolom ontbreekt",
        ),
    ],
)
def test_bad_monitor_file(tmp_path: Path, content: str, english: str, dutch: str) -> None:
    bad = tmp_path / "monitor.csv"
    bad.write_text(content, encoding="utf-8")
    line = _one_line_error(run_cli("indicators", "--json", "--monitor", str(bad)))
    assert line.startswith(f"woonlib: error: {bad}, ")
    assert english in line
    line_nl = _one_line_error(run_cli("targets", "--lang", "nl", "--monitor", str(bad)))
    assert line_nl.startswith(f"woonlib: error: {bad}, ") and dutch in line_nl


def test_monitor_folder_is_not_read_without_the_option(data_copy: Path) -> None:
    folder = data_copy / "monitor"
    folder.mkdir(exist_ok=True)
    (folder / "broken.csv").write_text("not,a,monitor\n1,2,3\n", encoding="utf-8")
    out = run_cli("--data", str(data_copy), "indicators", "--json")
    assert out.returncode == 0, out.stderr
    assert "realised_homes" not in json.loads(out.stdout)
    helptext = " ".join(run_cli("indicators", "--help").stdout.split())
    assert "--monitor FILE" in helptext
    assert "Without --monitor no monitor is used: data/monitor/ is not read automatically" in (
        helptext
    )


def test_export_with_monitor(tmp_path: Path) -> None:
    target = tmp_path / "voortgang.xlsx"
    out = run_cli("export", "--out", str(target), "--monitor", str(MONITOR_EXAMPLE))
    assert out.returncode == 0, out.stderr
    sheets = pd.read_excel(target, sheet_name=None)
    for name in ("Waaier", "Waaier kansen", "Wat is er nodig", "Gevoeligheid"):
        assert name in sheets, name
    for name in ("Gerealiseerd tegen pad", "Gerealiseerde verdeling", "Gemeten doelen"):
        assert name in sheets, name
    ind = sheets["Indicatoren"].set_index("indicator")["value"]
    assert float(ind["build_rate_needed"]) == pytest.approx(1116.67, abs=0.005)
    assert float(ind["probability_reaching_ambition"]) == pytest.approx(0.1033)
    assert float(ind["projected_year"]) == 2034
    targets = sheets["Doelen"].set_index("id")
    assert targets.loc["search_time_max_12", "status"] == "fail"
    assert targets.loc["search_time_max_12", "measured"] == 13
    fan = sheets["Waaier"]
    assert fan["realised"].tolist()[:4] == [True, True, True, False]
    assert fan["p50"].tolist()[:3] == [700, 1600, 2600]  # the realised years are fixed
    english = tmp_path / "en.xlsx"
    assert run_cli("export", "--out", str(english), "--lang", "en").returncode == 0
    en_sheets = pd.read_excel(english, sheet_name=None)
    assert {"Fan", "Fan probabilities", "What does it take", "Sensitivity"} <= set(en_sheets)
    assert "Realised against path" not in en_sheets  # no monitor given
