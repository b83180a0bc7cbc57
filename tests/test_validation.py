"""Corrupted copies of the data package give one clear error naming file, line, column, rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from woonlib.data import DataPackageError, WoonvisieData, load_data


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
    assert len(data.tables) == 12
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
