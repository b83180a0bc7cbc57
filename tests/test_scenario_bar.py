"""The scenario bar in Python: presets, undo/redo, links, load, downloads, compare, English."""

from __future__ import annotations

import datetime
import io
import json
from html import unescape
from typing import Any

import ipywidgets as W
import pandas as pd
import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.presets import PRESETS
from woonlib.report.labels import LABELS
from woonlib.ui import Dashboard
from woonlib.ui.browser import DownloadButton


@pytest.fixture
def dash(data: WoonvisieData) -> Dashboard:
    return Dashboard(data)


def download(button: DownloadButton) -> tuple[str, str, bytes]:
    """Click `button` as the browser does; return what it sends back."""
    sent: list[tuple[Any, Any]] = []
    button.send = lambda content, buffers=None: sent.append((content, buffers))  # type: ignore[method-assign]
    button._handle(button, {"event": "download"}, [])
    assert len(sent) == 1, "no file was sent"
    content, buffers = sent[0]
    assert content["event"] == "file"
    return content["filename"], content["mime"], bytes(buffers[0])


def upload(name: str, content: bytes) -> tuple[dict[str, Any], ...]:
    """A FileUpload value as the browser sends it."""
    return (
        {
            "name": name,
            "type": "application/json",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )


def test_presets_set_every_value_and_the_dropdown_follows(dash: Dashboard) -> None:
    bar = dash.bar
    assert bar.preset.value == "woonvisie_2024"
    bar.preset.value = "groei_9300"
    assert dash.assumptions == PRESETS["groei_9300"].assumptions
    assert dash.controls["ambition_homes"].value == 9300
    assert dash.segments.share_group.percents == {  # 2090/5160/2050 of 9.300: 100,0%
        "social_rent": 22.5,
        "mid_priced": 55.5,
        "expensive": 22.0,
    }
    bar.preset.value = "huidige_programmering"
    assert dash.assumptions.ambition_homes == 8305  # off the slider's step, kept exactly
    assert bar.preset.value == "huidige_programmering"
    dash.controls["build_rate"].slider.value = 1200
    assert bar.preset.value == "custom"


def test_undo_redo_restore_values_and_list_the_history(dash: Dashboard) -> None:
    dash.controls["ambition_homes"].slider.value = 10000
    dash.state.history.merge_seconds = 0  # separate steps, however fast this test runs
    dash.controls["build_rate"].slider.value = 1200
    assert dash.bar.history_list.value == ""  # filled when opened, not on every move
    dash.bar.history_box.selected_index = 0
    assert "Bouwtempo" in dash.bar.history_list.value and "1.200" in dash.bar.history_list.value
    dash.bar.undo_button.click()
    assert dash.assumptions.build_rate == DEFAULTS.build_rate
    assert dash.controls["build_rate"].slider.value == DEFAULTS.build_rate
    dash.bar.undo_button.click()
    assert dash.assumptions == DEFAULTS and dash.bar.undo_button.disabled
    dash.bar.redo_button.click()
    dash.bar.redo_button.click()
    assert (dash.assumptions.ambition_homes, dash.assumptions.build_rate) == (10000, 1200)
    assert dash.panels[1].fig_programme.data[0].y[1] == 10000


def test_the_link_follows_the_scenario_and_opens_it(data: WoonvisieData) -> None:
    a = Dashboard(data)
    a.controls["ambition_homes"].slider.value = 10000
    a.controls["outflow_urgent"].entry.value = 140
    query = a.bar.link.query
    assert query == "ambition_homes=10000&outflow_urgent=140"
    b = Dashboard(data)
    assert b.open_link(query) == []
    assert b.assumptions == a.assumptions
    assert b.controls["outflow_urgent"].value == 140


def test_a_bad_link_is_shown_escaped_and_the_rest_applies(dash: Dashboard) -> None:
    notes = dash.open_link("ambition_homes=99999&%3Cscript%3E=1&build_rate=1200")
    assert [n.reason for n in notes] == ["query_out_of_range", "query_unknown"]
    assert dash.assumptions.build_rate == 1200
    assert "<script>" not in dash.status.value and "&lt;script&gt;" in dash.status.value
    assert "ambition_homes=99999" in unescape(dash.status.value)


def test_save_then_load_round_trips(data: WoonvisieData) -> None:
    a = Dashboard(data)
    a.bar.preset.value = "groei_9300"
    a.controls["care_share_social_rent"].slider.value = 40
    name, mime, content = download(a.bar.save)
    assert name.endswith(".json") and mime == "application/json"
    b = Dashboard(data)
    b.bar.upload.value = upload(name, content)
    assert b.assumptions == a.assumptions
    assert b.state.loaded is not None and b.state.loaded[0] == name
    assert "loaded" in dict((v, k) for k, v in b.compare.pick_a.options).values() or any(
        v == "loaded" for _, v in b.compare.pick_a.options
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "geen geldige JSON (regel 1, kolom 2)"),
        (b'{"ambition_homes": 99999}', "Ambitie — Toegestaan: 0 tot 20.000 woningen"),
        (b'{"nonsense": 1}', "onbekende aanname: nonsense"),
        (b"[1]", "geen geldig scenario"),
        (b'{"share_social_rent": 0.9}', "moeten samen 100% zijn"),
        (b"\xff\xfe", "geen UTF-8-tekst"),
    ],
)
def test_a_bad_file_gives_a_message_naming_file_and_problem(
    dash: Dashboard, content: bytes, expected: str
) -> None:
    dash.bar.upload.value = upload("mijn.json", content)
    assert dash.assumptions == DEFAULTS
    assert "Scenario niet geladen: mijn.json: " in unescape(dash.status.value)
    assert expected in unescape(dash.status.value)


def test_exports_hold_the_scenario(dash: Dashboard) -> None:
    dash.controls["ambition_homes"].slider.value = 10000
    name, _, xlsx = download(dash.bar.excel)
    assert name.endswith(".xlsx")
    sheets = pd.read_excel(io.BytesIO(xlsx), sheet_name=None)
    assert any((frame == 10000).any().any() for frame in sheets.values())
    name, mime, csv = download(dash.bar.csv)
    assert mime == "text/csv" and csv.startswith(b"\xef\xbb\xbf")
    name, mime, memo = download(dash.bar.memo)
    assert mime == "text/html" and "10.000" in memo.decode("utf-8")
    name, _, scenario = download(dash.bar.save)
    assert json.loads(scenario)["ambition_homes"] == 10000


def test_a_failing_download_says_so(dash: Dashboard) -> None:
    def broken() -> tuple[str, str, bytes]:
        raise OSError("disk on fire")

    dash.bar.memo._make = broken
    sent: list[Any] = []
    dash.bar.memo.send = lambda *args, **kw: sent.append(args)  # type: ignore[method-assign]
    dash.bar.memo._handle(dash.bar.memo, {"event": "download"}, [])
    assert sent == [] and "opnieuw" in dash.status.value
    dash.bar.memo._handle(dash.bar.memo, {"event": "rm -rf"}, [])  # other messages: ignored


def test_compare_shows_differences(dash: Dashboard) -> None:
    dash.controls["ambition_homes"].slider.value = 10000
    dash.compare.pick_b.value = "woonvisie_2024"
    table = dash.compare.table.value
    assert "10.000" in table and "9.300" in table and "−700" in table
    assert dash.compare.fig_indicators.data[0].y[0] == 10000
    assert dash.compare.fig_indicators.data[1].y[0] == 9300
    dash.compare.pick_b.value = "groei_9300"
    seg_b = list(dash.compare.fig_segments.data[1].y)
    assert seg_b == [2090, 5160, 2050]


def _texts(widget: W.Widget) -> list[str]:
    """Every text a widget tree shows: descriptions, tooltips, titles, HTML, options."""
    out: list[str] = []
    for attr in ("description", "tooltip", "placeholder"):
        value = getattr(widget, attr, None)
        if isinstance(value, str):
            out.append(value)
    if isinstance(widget, W.HTML | W.Label):
        out.append(unescape(widget.value))
    if isinstance(widget, W.Tab):
        out += list(widget.titles)
    if isinstance(widget, W.Dropdown | W.ToggleButtons):
        out += list(widget._options_labels)
    for child in getattr(widget, "children", ()):
        out += _texts(child)
    return out


def test_english_has_no_dutch_label_left_and_back(dash: Dashboard) -> None:
    dash.controls["ambition_homes"].slider.value = 10000
    dash.bar.language.value = "en"
    assert dash.state.lang == "en" and dash.assumptions.ambition_homes == 10000
    assert dash.tabs.titles[0] == "Overview"
    dutch_only = {v["nl"] for v in LABELS.values() if v["nl"] != v["en"] and len(v["nl"]) > 3}
    shown = _texts(dash)
    left = sorted({d for d in dutch_only for t in shown if t == d or f">{d}<" in t})
    assert left == []
    assert "10,000" in dash.panels[0].cards.value  # English number format
    dash.bar.language.value = "nl"
    assert dash.tabs.titles[0] == "Overzicht" and "10.000" in dash.panels[0].cards.value
    assert dash.state.history.can_undo  # history survives the switch


def test_the_page_reports_its_link_once(dash: Dashboard) -> None:
    dash.bar.link.page_query = "ambition_homes=10000&nonsense=1"  # as the page does on open
    assert dash.assumptions.ambition_homes == 10000
    assert "nonsense" in dash.status.value
    dash.controls["ambition_homes"].slider.value = 9500
    dash.bar.language.value = "en"  # a rebuilt bar's page reports the link again: ignored
    dash.bar.link.page_query = "ambition_homes=10000"
    assert dash.assumptions.ambition_homes == 9500
