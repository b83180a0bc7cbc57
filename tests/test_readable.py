"""Result tables formatted for reading (woonlib/report/readable.py)."""

from __future__ import annotations

import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.outflow import outflow_table
from woonlib.model.programme import programme_table
from woonlib.model.segments import affordability_table
from woonlib.report.readable import cell, header, readable


def test_an_item_table_reads_in_dutch(data: WoonvisieData) -> None:
    raw = programme_table(data, DEFAULTS)
    shown = readable(raw).data
    assert list(shown.columns) == ["Onderdeel", "Waarde", "Eenheid"]
    row = shown[shown["Onderdeel"] == "Ambitie"].iloc[0]
    assert (row["Waarde"], row["Eenheid"]) == ("9.300", "woningen")
    assert "12.090" in set(shown["Waarde"])  # plan capacity: 9,300 x 1.3
    assert raw.loc[raw["item"] == "ambition_homes", "value"].iloc[0] == 9300  # frame unchanged


def test_shares_and_verdicts_read_as_percent_and_yes_no(data: WoonvisieData) -> None:
    shown = readable(affordability_table(data, DEFAULTS)).data
    programme = shown[shown["Reeks"] == "Programmering"].iloc[0]
    assert programme["Aandeel betaalbaar"] == "67,9%"  # 5,635 / 8,305
    assert programme["Doel 70% betaalbaar gehaald"] == "nee"
    assert "affordable_share" not in shown.columns


def test_english_and_html() -> None:
    styler = readable(outflow_table(DEFAULTS), "en", caption="Table 1")
    assert list(styler.data.columns) == ["Group", "Part of", "Homes per year", "Unknown"]
    html = styler.to_html()
    assert "Table 1" in html and 'class="wl-table"' in html and "text-align: right" in html


def test_cells_and_headers() -> None:
    assert cell(float("nan"), "homes") == "" and cell(None, None) == ""
    assert cell(1234.5, None) == "1.234,50" and cell(3.0, None) == "3"
    assert cell("social_rent", None) == "Sociale huur"
    assert cell("Primos 2021", None) == "Primos 2021"
    assert header("no_label_here") == "No label here"
    assert readable(pd.DataFrame({"homes": [1000.0]})).data.iloc[0, 0] == "1.000"
