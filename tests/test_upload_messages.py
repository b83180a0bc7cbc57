"""Uploads that answer: what was read, what was refused with the fix, no server paths."""

from __future__ import annotations

import dataclasses
import json
from html import unescape
from pathlib import Path

import pytest

from tests.test_progress_panel import upload
from woonlib.data import WoonvisieData
from woonlib.data.monitor import MonitorError, load_monitor, monitor_read
from woonlib.report.labels import monitor_problem_text, monitor_read_text, using
from woonlib.ui.browser import UploadButton
from woonlib.ui.dashboard import Dashboard, default_monitor

EXAMPLE = Path(__file__).parent / "fixtures" / "monitor-voorbeeld-fictief.csv"
HEADER = b"year,measure,value,unit,source,note\n"


def _problems(data: WoonvisieData, content: bytes) -> list[str]:
    with pytest.raises(MonitorError) as caught:
        load_monitor(content, data["targets"], name="m.csv")
    return [monitor_problem_text(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("row", "nl", "en"),
    [
        (b"2024,homes_new_build,1.050,homes,x\n", "1.050: schrijf 1050", "1.050: write 1050"),
        (b"2024,homes_new_build,12.500,,x\n", "12.500: schrijf 12500", "12.500: write 12500"),
        (b'2024,homes_new_build,"1,050",homes,x\n', "1,050: schrijf 1050", "1,050: write 1050"),
        (b"2.024,homes_new_build,900,homes,x\n", "2.024: schrijf 2024", "2.024: write 2024"),
    ],
)
def test_a_thousands_separator_is_refused_with_the_fix(
    data: WoonvisieData, row: bytes, nl: str, en: str
) -> None:
    with using("nl"):
        (text,) = _problems(data, HEADER + row)
    assert nl + ", zonder scheidingsteken" in text and "m.csv, rij 2" in text
    with using("en"):
        (text,) = _problems(data, HEADER + row)
    assert en + ", without a separator" in text and "m.csv, row 2" in text


def test_a_decimal_value_of_a_measure_is_still_a_number(data: WoonvisieData) -> None:
    m = load_monitor(HEADER + b"2025,search_time_months,1.050,months,x\n", data["targets"], "m.csv")
    assert float(m.values["value"].iloc[0]) == 1.05  # not a count: a decimal point


def test_what_was_read_is_said_in_both_languages(data: WoonvisieData) -> None:
    read = monitor_read(load_monitor(EXAMPLE, data["targets"]))
    assert (read.rows, read.first_year, read.last_year) == (13, 2024, 2026)
    assert read.measures[0] == "homes_new_build" and "search_time_months" in read.measures
    with using("nl"):
        nl = monitor_read_text("voorbeeld.csv", read)
    assert nl.startswith("voorbeeld.csv gelezen: 13 rijen, jaren 2024–2026; meetwaarden: ")
    assert "Opgeleverde nieuwbouw (bruto)" in nl
    with using("en"):
        en = monitor_read_text("voorbeeld.csv", read)
    assert en.startswith("voorbeeld.csv read: 13 rows, years 2024–2026; measures: ")


def test_the_header_only_template_is_acknowledged(data: WoonvisieData) -> None:
    read = monitor_read(load_monitor(HEADER, data["targets"], name="monitor-template.csv"))
    assert read.rows == 0
    with using("nl"):
        assert "alleen de kopregel, nog geen waarden" in monitor_read_text("t.csv", read)
    with using("en"):
        assert "only the header row, no values yet" in monitor_read_text("t.csv", read)


def test_the_page_answers_an_upload_and_names_no_server_path() -> None:
    dash = Dashboard()
    p = dash.progress
    assert "data/monitor" not in p.monitor_note.value  # how to add one: no server folder
    p.upload.value = upload("monitor-template.csv", HEADER)
    note = unescape(p.monitor_note.value)
    assert "monitor-template.csv gelezen: alleen de kopregel" in note and 'role="status"' in note
    p.upload.value = upload("voorbeeld.csv", EXAMPLE.read_bytes())
    note = unescape(p.monitor_note.value)
    assert "voorbeeld.csv gelezen: 13 rijen, jaren 2024–2026" in note
    dash.state.lang = "en"
    assert "voorbeeld.csv read: 13 rows" in unescape(p.monitor_note.value)
    name, mime, content = p.template._make()
    assert name == "monitor-template.csv" and mime == "text/csv" and content.startswith(HEADER)


def test_a_bad_server_monitor_file_is_named_without_its_folder(
    data: WoonvisieData, tmp_path: Path
) -> None:
    monitor = tmp_path / "monitor"
    monitor.mkdir()
    (monitor / "kapot.csv").write_bytes(HEADER + b"2024,homes_new_build,1.050,homes,x\n")
    _, problem = default_monitor(dataclasses.replace(data, root=tmp_path))
    assert "kapot.csv, rij 2" in problem and str(tmp_path) not in problem


def test_a_loaded_scenario_says_what_it_held() -> None:
    dash = Dashboard()
    content = json.dumps({"ambition_homes": 10000, "build_rate": 1200}).encode()
    dash.bar.upload.value = upload("mijn.json", content)
    said = unescape(dash.status.value)
    assert 'role="status"' in said
    assert "mijn.json geladen: 2 aannames gelezen, 2 anders dan de Woonvisie: " in said
    assert "Ambitie 10.000" in said and "Bouwtempo 1.200" in said
    dash.bar.upload.value = upload("gelijk.json", b"{}")
    assert "gelijk.json geladen: 0 aannames gelezen, alle gelijk aan de Woonvisie" in unescape(
        dash.status.value
    )


def test_the_upload_button_takes_one_file_and_ignores_the_rest() -> None:
    button = UploadButton(10)
    seen: list[tuple] = []
    button.observe(lambda change: seen.append(change["new"]), names="value")
    button._handle(button, {"event": "nonsense"}, [b"x"])
    button._handle(button, ["file"], [b"x"])
    button._handle(button, {"event": "file", "name": "a.csv"}, [])
    assert seen == []
    meta = {"event": "file", "name": "a.csv", "type": "text/csv", "last_modified": "soon"}
    button._handle(button, meta, [memoryview(b"0123456789abcdef")])
    (file,) = seen[-1]
    assert file["name"] == "a.csv" and file["size"] == 16
    assert bytes(file["content"]) == b"0123456789a"  # cut at its limit (+1: seen too large)
    assert file["last_modified"].year == 1970
