"""CSV and in-memory workbook export: read back with pandas, the scenario's numbers are there."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pandas as pd
import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.report.export import (
    csv_filename,
    scenario_csvs,
    table_csv,
    workbook_bytes,
    workbook_tables,
    write_workbook,
)

SCENARIO = DEFAULTS.replace(ambition_homes=10000, share_social_rent=0.35, share_mid_priced=0.35)


def _read_csv(raw: bytes) -> pd.DataFrame:
    return pd.read_csv(BytesIO(raw), encoding="utf-8-sig")


def test_csv_is_utf8_with_bom_and_machine_readable_numbers() -> None:
    frame = pd.DataFrame({"label": ["Geschikt te maken – ë €"], "share": [0.305], "homes": [9300]})
    raw = table_csv("Test", frame)
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "label,share,homes"
    assert "0.305" in text and "0,305" not in text
    back = _read_csv(raw)
    assert back.loc[0, "label"] == "Geschikt te maken – ë €"
    assert back.loc[0, "share"] == 0.305
    assert back.loc[0, "homes"] == 9300


def test_table_without_columns_is_named() -> None:
    with pytest.raises(ValueError, match="'Leeg'"):
        table_csv("Leeg", pd.DataFrame())


def test_scenario_csvs_hold_every_workbook_table(data: WoonvisieData) -> None:
    tables = workbook_tables(data, SCENARIO)
    csvs = scenario_csvs(data, SCENARIO)
    assert list(csvs) == list(tables)
    for name, raw in csvs.items():
        back = _read_csv(raw)
        assert list(back.columns) == list(tables[name].columns), name
        assert len(back) == len(tables[name]), name


def test_scenario_numbers_in_csv(data: WoonvisieData) -> None:
    csvs = scenario_csvs(data, SCENARIO)
    ind = _read_csv(csvs["Indicatoren"]).set_index("indicator")["value"]
    assert float(ind["ambition_homes"]) == 10000
    assert float(ind["plan_capacity_needed"]) == pytest.approx(13000)
    assert float(ind["norm_split_homes.social_rent"]) == pytest.approx(3500)
    assert ind["affordable_target_met"] == "True"  # gross new build 72,7%: the norm holds
    ass = _read_csv(csvs["Aannames"]).set_index("assumption")
    assert float(ass.loc["ambition_homes", "value"]) == 10000
    assert float(ass.loc["ambition_homes", "default"]) == 9300
    assert ass.loc["ambition_homes", "label"] == "Ambitie"
    segments = _read_csv(csvs["Segmenten"])
    scen = segments[segments["series"] == "scenario"].set_index("segment")["homes"]
    assert scen["mid_priced"] == pytest.approx(3500)


def test_english_csv_keys(data: WoonvisieData) -> None:
    csvs = scenario_csvs(data, SCENARIO, lang="en")
    assert "Indicators" in csvs and "Policy checks" in csvs
    ass = _read_csv(csvs["Assumptions"]).set_index("assumption")
    assert ass.loc["ambition_homes", "label"] == "Ambition"


def test_data_notes_csv_keeps_dutch_text(data: WoonvisieData) -> None:
    notes = _read_csv(scenario_csvs(data, DEFAULTS)["Datanotities"])
    assert list(notes["note"]) == [n.id for n in data.notes]
    assert list(notes["text_nl"]) == [n.text_nl for n in data.notes]


def test_csv_filenames() -> None:
    assert csv_filename("Ouderen totalen") == "woonvisie-ouderen-totalen.csv"
    assert csv_filename("Uitstroom en zorg") == "woonvisie-uitstroom-en-zorg.csv"
    assert csv_filename("Geïnterpoleerd / €") == "woonvisie-geinterpoleerd.csv"
    assert csv_filename("../..") == "woonvisie-tabel.csv"


def test_workbook_bytes_is_the_workbook(data: WoonvisieData, tmp_path: Path) -> None:
    raw = workbook_bytes(data, SCENARIO)
    assert raw[:2] == b"PK"  # an .xlsx is a zip file
    sheets = pd.read_excel(BytesIO(raw), sheet_name=None)
    written = write_workbook(tmp_path / "w.xlsx", workbook_tables(data, SCENARIO))
    on_disk = pd.read_excel(written, sheet_name=None)
    assert list(sheets) == list(on_disk) == list(workbook_tables(data, SCENARIO))
    for name in sheets:
        pd.testing.assert_frame_equal(sheets[name], on_disk[name])
    ind = sheets["Indicatoren"].set_index("indicator")["value"]
    assert float(ind["ambition_homes"]) == 10000
    ass = sheets["Aannames"].set_index("assumption")
    assert float(ass.loc["ambition_homes", "value"]) == 10000


def test_workbook_bytes_english(data: WoonvisieData) -> None:
    sheets = pd.read_excel(BytesIO(workbook_bytes(data, DEFAULTS, lang="en")), sheet_name=None)
    assert "Indicators" in sheets and "Data notes" in sheets
