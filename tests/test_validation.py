"""Corrupted copies of the data package give one clear error naming file, line, column, rule."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from woonlib.data import DataPackageError, WoonvisieData, load_data
from woonlib.report.labels import using


def _load_error(root: Path) -> str:
    with pytest.raises(DataPackageError) as err:
        load_data(root)
    return str(err.value)


def _edit_csv(path: Path, line: int, column: str, new: str) -> None:
    """Set the cell of `column` on file line `line` (header is line 1)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[line - 1].split(",")
    cells[header.index(column)] = new
    lines[line - 1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_real_package_is_valid(data: WoonvisieData) -> None:
    assert len(data.tables) == 13
    assert all(not t.empty for t in data.tables.values())


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "outflow.csv").unlink()
    assert "data/outflow.csv: file missing" in _load_error(data_copy)


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "elderly_task.csv").write_text("", encoding="utf-8")
    assert "data/elderly_task.csv: file is empty" in _load_error(data_copy)


def test_missing_column(data_copy: Path) -> None:
    path = data_copy / "figuur5_segments.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    drop = header.index("mid_priced")
    path.write_text(
        "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != drop) for line in lines)
        + "\n",
        encoding="utf-8",
    )
    assert "data/figuur5_segments.csv, column 'mid_priced': required column missing" in _load_error(
        data_copy
    )


def test_text_in_number_column(data_copy: Path) -> None:
    _edit_csv(data_copy / "elderly_task.csv", 3, "to_2030", "veel")
    message = _load_error(data_copy)
    assert "data/elderly_task.csv, line 3, column 'to_2030': must be a whole number" in message
    assert "'veel'" in message


def test_value_out_of_range(data_copy: Path) -> None:
    _edit_csv(data_copy / "elderly_share.csv", 2, "share_65plus", "178")
    assert (
        "data/elderly_share.csv, line 2, column 'share_65plus': must be at most 100"
        in _load_error(data_copy)
    )


def test_required_value_empty(data_copy: Path) -> None:
    _edit_csv(data_copy / "household_forecasts.csv", 2, "households_2023", "")
    assert (
        "data/household_forecasts.csv, line 2, column 'households_2023': is required but empty"
    ) in _load_error(data_copy)


def test_total_that_does_not_add_up(data_copy: Path) -> None:
    path = data_copy / "elderly_task.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(lines, 1) if t.startswith("zero_step,"))
    _edit_csv(path, line, "to_2030", "1450")
    message = _load_error(data_copy)
    assert f"data/elderly_task.csv, line {line}, column 'total'" in message
    assert (
        "to_2030 + from_2030_to_2040 = total [check period_sum]: computed 2100, published 2050"
        in message
    )
    assert "the home types add up to the total row [check type_sum]" in message


def test_unknown_table(data_copy: Path) -> None:
    (data_copy / "students.csv").write_text("year,students\n2019,25000\n", encoding="utf-8")
    assert (
        "data/students.csv: unknown table: file not described in datapackage.json"
        in _load_error(data_copy)
    )


def test_unknown_resource_in_descriptor(data_copy: Path) -> None:
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    extra = dict(descriptor["resources"][0], name="students", path="students.csv")
    descriptor["resources"].append(extra)
    (data_copy / "students.csv").write_text(
        (data_copy / descriptor["resources"][0]["path"]).read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert "data/datapackage.json: unknown table 'students'" in _load_error(data_copy)


def test_descriptor_not_json(data_copy: Path) -> None:
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    assert "datapackage.json, line 1: not valid JSON" in _load_error(data_copy)


def test_known_inconsistency_is_a_note_not_an_error(data: WoonvisieData) -> None:
    confirmed = {n.id for n in data.notes if n.confirmed}
    checks = {(n.resource, n.check) for n in data.notes if n.confirmed}
    assert ("household_forecasts", "change_2023_2033") in checks
    assert ("figuur5_segments", "figuur5_match") in checks
    assert ("age_classes", "shares_sum_100") in checks
    assert len(confirmed) >= 5
    # the published values stay as printed: nothing is fixed silently
    cbs = data["household_forecasts"].set_index("forecast").loc["cbs_2022"]
    assert cbs["change_2023_2033"] == 2655


def test_a_note_excuses_only_its_own_row(data_copy: Path) -> None:
    """Breaking the same rule on another row is still an error."""
    path = data_copy / "household_forecasts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(lines, 1) if t.startswith("primos_2022,"))
    _edit_csv(path, line, "change_2023_2033", "885")
    message = _load_error(data_copy)
    assert f"data/household_forecasts.csv, line {line}, column 'change_2023_2033'" in message
    assert "computed 880, published 885" in message


def test_every_problem_is_reported_at_once(data_copy: Path) -> None:
    _edit_csv(data_copy / "elderly_task.csv", 3, "to_2030", "veel")
    (data_copy / "outflow.csv").unlink()
    (data_copy / "students.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(DataPackageError) as err:
        load_data(data_copy)
    assert len(err.value.problems) >= 1
    assert "outflow.csv: file missing" in str(err.value)


# --- the register of targets ----------------------------------------------------------------


def _edit_target(path: Path, target_id: str, column: str, new: str) -> int:
    """Set one cell of the target `target_id` (CSV-aware: titles hold commas); its line."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    index = next(i for i, r in enumerate(rows) if r["id"] == target_id)
    rows[index][column] = new
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return index + 2


def test_targets_load_typed(data: WoonvisieData) -> None:
    targets = data["targets"]
    assert targets["id"].is_unique and len(targets) >= 30
    assert str(targets["value"].dtype) == "float64"
    assert str(targets["source_line"].dtype) == "int64"
    row = targets.set_index("id").loc["ambition_9300_homes"]
    assert (row["value"], row["unit"], row["horizon"]) == (9300, "homes", 2032)
    assert row["indicator"] == "ambition_homes"


def test_target_unknown_unit(data_copy: Path) -> None:
    line = _edit_target(data_copy / "targets.csv", "ut_stay_rate_22", "unit", "fte")
    message = _load_error(data_copy)
    assert f"data/targets.csv, line {line}, column 'unit': must be one of homes" in message
    assert "'fte'" in message


def test_target_id_not_snake_case(data_copy: Path) -> None:
    line = _edit_target(data_copy / "targets.csv", "ut_stay_rate_22", "id", "UT-stay")
    assert f"data/targets.csv, line {line}, column 'id': must match the pattern" in _load_error(
        data_copy
    )


def test_target_printed_not_on_its_line(data_copy: Path) -> None:
    line = _edit_target(data_copy / "targets.csv", "ut_stay_rate_22", "source_line", "1610")
    message = _load_error(data_copy)
    assert (
        f"data/targets.csv, line {line}, column 'printed': must be printed on the seed line "
        "named by source_line [check printed_on_line] (value: 'blijft 22 procent')"
    ) in message


def test_target_range_needs_high_and_one_of_indicator_measure(data_copy: Path) -> None:
    path = data_copy / "targets.csv"
    line = _edit_target(path, "clustered_units_1000_2000", "value_high", "")
    other = _edit_target(path, "ut_stay_rate_22", "measure", "")
    message = _load_error(data_copy)
    assert (
        f"data/targets.csv, line {line}, column 'value_high': value_high is given exactly "
        "when comparator is 'range' [check range_high]"
    ) in message
    assert (
        f"data/targets.csv, line {other}, column 'measure': exactly one of indicator and "
        "measure is given [check indicator_or_measure]"
    ) in message


def test_target_deadline_is_a_year(data_copy: Path) -> None:
    line = _edit_target(data_copy / "targets.csv", "gas_free_2050", "horizon", "2040")
    message = _load_error(data_copy)
    where = f"data/targets.csv, line {line}, column 'horizon'"
    assert f"{where}: comparator 'by' or 'since' needs" in message


def test_target_unknown_kind(data_copy: Path) -> None:
    line = _edit_target(data_copy / "targets.csv", "students_28000", "kind", "wish")
    message = _load_error(data_copy)
    assert (
        f"data/targets.csv, line {line}, column 'kind': must be one of commitment, fact, "
        "forecast, national_rule (value: 'wish')"
    ) in message


INCONSISTENCY_NOTES = {
    "build_rate_vs_ambition",
    "search_time_average_vs_maximum",
    "mid_rent_187_vs_186",
    "families_age_30_55_vs_30_65",
    "stock_pie_legend_order",
    "care_vacancies_2030_vs_chart",
}


def test_notes_without_a_check_are_listed(data: WoonvisieData) -> None:
    """Notes no sum rule confirms still load, in both languages, and reach the report."""
    from woonlib.__main__ import render_text
    from woonlib.model.assumptions import DEFAULTS

    descriptor = json.loads((data.root / "datapackage.json").read_text(encoding="utf-8"))
    assert [n.id for n in data.notes] == [n["id"] for n in descriptor["notes"]]
    by_id = {n.id: n for n in data.notes}
    assert set(by_id) >= INCONSISTENCY_NOTES
    for note_id in INCONSISTENCY_NOTES:
        note = by_id[note_id]
        assert note.check is None and not note.confirmed
        assert note.text != note.text_nl
        assert note.resource in data.tables
    for lang, attr in (("nl", "text_nl"), ("en", "text")):
        with using(lang):
            report = render_text(data, DEFAULTS)
        assert all(getattr(by_id[i], attr) in report for i in INCONSISTENCY_NOTES)
