"""The monitor file: reading, validation (file, row, column, rule) and the pure computations.

The example file is fictional (tests/fixtures/monitor-voorbeeld-fictief.csv): its numbers
are chosen to be checked by hand, not Enschede's.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from tests.helpers import MONITOR_EXAMPLE
from woonlib.data import WoonvisieData, default_data_dir
from woonlib.data.monitor import (
    RULE_TEXTS,
    Monitor,
    MonitorError,
    load_monitor,
    load_monitor_dir,
    read_monitor_file,
    validate_monitor,
)
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.progress import (
    measured_status,
    projected_year,
    rate_needed_from_now,
    realised_homes,
    realised_vs_path,
    segment_mix,
)
from woonlib.model.segments import norm_shares
from woonlib.report.labels_progress import PROGRESS_LABELS

HEADER = "year,measure,value,unit,source,note\n"
SRC = "FICTIEF VOORBEELD"


def _write(tmp_path: Path, body: str, name: str = "bad.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def _only_problem(path: Path, data: WoonvisieData) -> tuple[str, int | None, str | None]:
    with pytest.raises(MonitorError) as info:
        load_monitor(path, data["targets"])
    problems = info.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.file == str(path)
    assert str(path) in str(info.value)
    return problem.rule, problem.row, problem.column


GOOD = f"2024,homes_new_build,500,homes,{SRC},\n"


@pytest.mark.parametrize(
    ("body", "rule", "row", "column"),
    [
        (GOOD + f"1999,homes_new_build,5,homes,{SRC},\n", "monitor_year_out_of_range", 3, "year"),
        (GOOD + f"2101,homes_new_build,5,homes,{SRC},\n", "monitor_year_out_of_range", 3, "year"),
        (GOOD + f"2025.5,homes_new_build,5,homes,{SRC},\n", "monitor_year_not_whole", 3, "year"),
        (GOOD + f"twintig,homes_new_build,5,homes,{SRC},\n", "monitor_year_not_whole", 3, "year"),
        (GOOD + f"2025,homes_new_build,-5,homes,{SRC},\n", "monitor_homes_negative", 3, "value"),
        (GOOD + f"2025,homes_demolished,2.5,homes,{SRC},\n", "monitor_homes_not_whole", 3, "value"),
        (
            GOOD + f"2025,homes_new_build,veel,homes,{SRC},\n",
            "monitor_value_not_number",
            3,
            "value",
        ),
        (GOOD + f"2025,homes_new_build,,homes,{SRC},\n", "monitor_value_not_number", 3, "value"),
        (
            GOOD + f"2025,search_time_months,inf,months,{SRC},\n",
            "monitor_value_not_number",
            3,
            "value",
        ),
        (GOOD + f"2025,zoektijd,12,months,{SRC},\n", "monitor_measure_unknown", 3, "measure"),
        (GOOD + f"2025,search_time_months,12,weeks,{SRC},\n", "monitor_unit_wrong", 3, "unit"),
        (GOOD + "2025,homes_new_build,600,homes,,\n", "monitor_source_missing", 3, "source"),
        (GOOD + f"2024,homes_new_build,600,homes,{SRC},\n", "monitor_duplicate", 3, "measure"),
        (
            GOOD + f"2024,homes_social_rent,300,homes,{SRC},\n"
            f"2024,homes_expensive,300,homes,{SRC},\n",
            "monitor_segments_exceed_total",
            2,
            "value",
        ),
        (
            GOOD + f"2025,homes_mid_priced,300,homes,{SRC},\n",
            "monitor_segments_without_total",
            3,
            "measure",
        ),
    ],
)
def test_each_rule_names_file_row_and_column(
    tmp_path: Path, data: WoonvisieData, body: str, rule: str, row: int, column: str
) -> None:
    assert _only_problem(_write(tmp_path, body), data) == (rule, row, column)


def test_row_numbers_count_blank_lines(tmp_path: Path, data: WoonvisieData) -> None:
    path = _write(tmp_path, GOOD + "\n\n" + f"2025,homes_new_build,-1,homes,{SRC},\n")
    assert _only_problem(path, data) == ("monitor_homes_negative", 5, "value")


def test_every_problem_is_collected(tmp_path: Path, data: WoonvisieData) -> None:
    body = f"1990,homes_new_build,-1,homes,,\n2024,onbekend,1,,{SRC},\n"
    with pytest.raises(MonitorError) as info:
        load_monitor(_write(tmp_path, body), data["targets"])
    found = {(p.rule, p.row, p.column) for p in info.value.problems}
    assert found == {
        ("monitor_year_out_of_range", 2, "year"),
        ("monitor_homes_negative", 2, "value"),
        ("monitor_source_missing", 2, "source"),
        ("monitor_measure_unknown", 3, "measure"),
    }


def test_duplicate_names_the_first_row(tmp_path: Path, data: WoonvisieData) -> None:
    path = _write(tmp_path, GOOD + GOOD)
    with pytest.raises(MonitorError) as info:
        load_monitor(path, data["targets"])
    assert "row 2" in str(info.value.problems[0])
    assert info.value.problems[0].params["first_row"] == 2


@pytest.mark.parametrize(
    ("header", "rule", "column"),
    [
        ("year,measure,value,unit,note\n", "monitor_column_missing", "source"),
        ("year,measure,value,source,opmerking\n", "monitor_column_unknown", "opmerking"),
    ],
)
def test_header_problems(
    tmp_path: Path, data: WoonvisieData, header: str, rule: str, column: str
) -> None:
    path = _write(tmp_path, "2024,homes_new_build,1,x,y\n", header=header)
    assert _only_problem(path, data) == (rule, None, column)


def test_unreadable_and_missing_files(tmp_path: Path, data: WoonvisieData) -> None:
    assert _only_problem(_write(tmp_path, "", header=""), data)[0] == "monitor_not_readable"
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    assert _only_problem(broken, data)[0] == "monitor_not_readable"
    assert _only_problem(tmp_path / "weg.csv", data)[0] == "monitor_file_missing"


def test_every_rule_has_dutch_and_english_text() -> None:
    for rule, text in RULE_TEXTS.items():
        assert set(PROGRESS_LABELS[rule]) == {"nl", "en"}
        assert PROGRESS_LABELS[rule]["en"] == text


def test_shipped_template_is_no_monitor_data(data: WoonvisieData) -> None:
    folder = default_data_dir() / "monitor"
    assert (folder / "monitor-template.csv").is_file()
    assert (folder / "README.md").is_file()
    monitor = load_monitor_dir(folder, data["targets"])
    assert monitor.empty
    assert load_monitor(folder / "monitor-template.csv", data["targets"]).empty
    assert load_monitor_dir(folder / "nowhere", data["targets"]).empty
    assert math.isclose(rate_needed_from_now(monitor, DEFAULTS), 9300 / 9)
    assert projected_year(monitor, DEFAULTS).year is None
    assert realised_vs_path(monitor, DEFAULTS)["realised_cumulative"].isna().all()
    assert measured_status(monitor, data["targets"]).empty


def test_example_is_clearly_fictional(monitor_example: Monitor) -> None:
    assert "fictief" in MONITOR_EXAMPLE.name
    sources = monitor_example.values["source"]
    assert sources.str.contains("FICTIEF VOORBEELD — geen echte cijfers").all()


def test_example_realised_against_path(monitor_example: Monitor) -> None:
    table = realised_vs_path(monitor_example, DEFAULTS).set_index("year")
    # net: 800 - 100 demolished; 900 and 1000 (no demolition figure: counts 0)
    assert table.loc[[2024, 2025, 2026], "realised"].tolist() == [700, 900, 1000]
    assert table.loc[[2024, 2025, 2026], "realised_gross"].tolist() == [800, 900, 1000]
    assert table.loc[[2024, 2025, 2026], "realised_cumulative"].tolist() == [700, 1600, 2600]
    assert table.loc[2027:, "realised_cumulative"].isna().all()
    assert table.loc[2026, "path_cumulative"] == 3000
    assert math.isclose(table.loc[2026, "ambition_cumulative"], 9300 * 3 / 9)
    assert list(table.index) == list(range(2024, 2033))


def test_example_rate_needed_and_projection(monitor_example: Monitor) -> None:
    # 9,300 - 2,600 = 6,700 homes in 2027-2032 (6 years)
    assert math.isclose(rate_needed_from_now(monitor_example, DEFAULTS), 6700 / 6)
    projection = projected_year(monitor_example, DEFAULTS)
    assert projection.pace_years == (2024, 2025, 2026)
    assert math.isclose(projection.pace, 2600 / 3)
    # 6,700 / 866.7 = 7.7 -> 8 more years after 2026
    assert projection.year == 2034 and not projection.reached
    assert projected_year(monitor_example, DEFAULTS.replace(ambition_homes=1600)).year == 2025
    assert rate_needed_from_now(monitor_example, DEFAULTS.replace(ambition_homes=2000)) == 0


def test_example_segment_mix(monitor_example: Monitor, data: WoonvisieData) -> None:
    mix = segment_mix(monitor_example, norm_shares(data), 0.70).set_index("segment")
    # 2024: 240/320/240 of 800; 2025: 200/300/300 of 900 (100 unknown)
    assert mix.loc["social_rent", "homes"] == 440
    assert mix.loc["mid_priced", "homes"] == 620
    assert mix.loc["expensive", "homes"] == 540
    assert mix.loc["unknown", "homes"] == 100
    assert mix.loc["total", "homes"] == 1700
    assert math.isclose(mix.loc["social_rent", "share"], 440 / 1600)
    assert math.isclose(mix.loc["affordable", "share"], 1060 / 1600)
    assert math.isclose(mix.loc["affordable", "difference"], 1060 / 1600 - 0.70)
    assert mix.loc["mid_priced", "norm"] == pytest.approx(0.40)


def test_example_measured_status(monitor_example: Monitor, data: WoonvisieData) -> None:
    status = measured_status(monitor_example, data["targets"]).set_index("id")
    assert set(status.index) == {"search_time_average_12", "search_time_max_12"}
    # latest year counts: 11.5 months in 2026 (14 in 2025), at most 12
    assert status.loc["search_time_average_12", "measured"] == 11.5
    assert status.loc["search_time_average_12", "year"] == 2026
    assert status.loc["search_time_average_12", "status"] == "ok"
    assert status.loc["search_time_max_12", "status"] == "fail"


def test_gap_year_stops_the_cumulative(tmp_path: Path, data: WoonvisieData) -> None:
    body = GOOD + f"2026,homes_new_build,700,homes,{SRC},\n2023,homes_new_build,9,,{SRC},\n"
    monitor = load_monitor(_write(tmp_path, body, "gap.csv"), data["targets"])
    table = realised_vs_path(monitor, DEFAULTS).set_index("year")
    assert table.loc[2024, "realised_cumulative"] == 500
    assert math.isnan(table.loc[2026, "realised_cumulative"])
    assert table.loc[2026, "realised"] == 700
    assert 2023 not in table.index  # before the start year: not counted to the ambition
    assert math.isclose(rate_needed_from_now(monitor, DEFAULTS), (9300 - 500) / 8)


def test_no_pace_no_year(tmp_path: Path, data: WoonvisieData) -> None:
    body = f"2024,homes_new_build,100,,{SRC},\n2024,homes_demolished,300,,{SRC},\n"
    monitor = load_monitor(_write(tmp_path, body, "sloop.csv"), data["targets"])
    projection = projected_year(monitor, DEFAULTS)
    assert projection.pace == -200 and projection.year is None
    assert realised_homes(monitor)["net"].tolist() == [-200]


def test_rate_needed_after_the_last_year_is_infinite(monitor_example: Monitor) -> None:
    # target year 2025: no building year is left after the realised 2024-2026
    short = DEFAULTS.replace(target_year=2025)
    assert math.isinf(rate_needed_from_now(monitor_example, short))
    assert rate_needed_from_now(monitor_example, short.replace(ambition_homes=1600)) == 0
    # 2026's 1,000 homes come after the last building year (2025): they do not count, as in
    # the fan's chance (realised_so_far stops at the last building year)
    assert math.isinf(rate_needed_from_now(monitor_example, short.replace(ambition_homes=2600)))


def test_xlsx_and_semicolon_files_read_alike(tmp_path: Path, data: WoonvisieData) -> None:
    raw = pd.read_csv(MONITOR_EXAMPLE, dtype=str, keep_default_na=False)
    xlsx = tmp_path / "monitor-fictief.xlsx"
    raw.to_excel(xlsx, index=False)
    semicolon = tmp_path / "monitor-fictief-nl.csv"
    text = raw.assign(value=raw["value"].str.replace(".", ",", regex=False))
    text.to_csv(semicolon, sep=";", index=False)
    expected = load_monitor(MONITOR_EXAMPLE, data["targets"]).values
    for path in (xlsx, semicolon):
        got = load_monitor(path, data["targets"]).values
        pd.testing.assert_frame_equal(
            got.drop(columns=["file", "row"]), expected.drop(columns=["file", "row"])
        )
    upload = load_monitor(xlsx.read_bytes(), data["targets"], name="upload.xlsx")
    assert upload.files == ("upload.xlsx",)
    assert len(upload.values) == len(expected)


def test_bad_xlsx_row_is_the_spreadsheet_row(tmp_path: Path, data: WoonvisieData) -> None:
    frame = pd.DataFrame(
        {"year": [2024, 2024], "measure": ["homes_new_build", "homes_demolished"],
         "value": [10, -3], "unit": ["homes", "homes"], "source": [SRC, SRC]}
    )  # fmt: skip
    path = tmp_path / "fout.xlsx"
    frame.to_excel(path, index=False)
    assert _only_problem(path, data) == ("monitor_homes_negative", 3, "value")


def test_validate_is_separate_from_reading(data: WoonvisieData) -> None:
    raw = read_monitor_file(MONITOR_EXAMPLE)
    assert set(raw.columns) >= {"year", "measure", "value", "file", "row"}
    monitor = validate_monitor(raw, data["targets"])
    assert monitor.files == (str(MONITOR_EXAMPLE),)
    assert len(monitor.values) == 13
    assert monitor.values["year"].dtype == "int64"


def test_several_files_are_checked_together(tmp_path: Path, data: WoonvisieData) -> None:
    first = _write(tmp_path, GOOD, "a.csv")
    second = _write(tmp_path, GOOD, "b.csv")
    with pytest.raises(MonitorError) as info:
        load_monitor_dir(tmp_path, data["targets"])
    problem = info.value.problems[0]
    assert (problem.rule, problem.file, problem.row) == ("monitor_duplicate", str(second), 2)
    assert problem.params["first_file"] == str(first)


def test_realised_so_far_feeds_the_fan(monitor_example: Monitor) -> None:
    from woonlib.model.progress import realised_so_far

    assert realised_so_far(monitor_example, DEFAULTS) == (700.0, 900.0, 1000.0)
    assert realised_so_far(monitor_example, DEFAULTS.replace(target_year=2025)) == (700.0, 900.0)
    assert realised_so_far(monitor_example, DEFAULTS.replace(start_year=2025)) == (900.0, 1000.0)


def test_a_bad_total_is_not_echoed_by_its_segments(tmp_path: Path, data: WoonvisieData) -> None:
    body = f"2024,homes_new_build,veel,homes,{SRC},\n2024,homes_social_rent,10,homes,{SRC},\n"
    assert _only_problem(_write(tmp_path, body), data) == ("monitor_value_not_number", 2, "value")


def test_lock_and_hidden_files_are_not_monitor_files(tmp_path: Path, data: WoonvisieData) -> None:
    from woonlib.data.monitor import monitor_files

    _write(tmp_path, GOOD, "monitor.csv")
    (tmp_path / "~$monitor.xlsx").write_bytes(b"lock")
    (tmp_path / ".monitor.csv").write_text("kapot", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("geen monitor", encoding="utf-8")
    assert [p.name for p in monitor_files(tmp_path)] == ["monitor.csv"]
    assert len(load_monitor_dir(tmp_path, data["targets"]).values) == 1
