"""Every number in data/ is printed on the seed line its row names.

The seed (data/sources/woonvisie-enschede-2024.txt) is the Woonvisie's text as extracted from
its PDF. Each CSV row names the 1-based line where its numbers are printed (`source_line`);
this test looks each value up on that line in any of its printed forms (2675, 2.675, +2.655,
-3130, 17,8, 17,8%, 30 procent, € 1123,13 ...). A value not found there must be explained:
by the row's `reading` column (which must name the value, e.g. "-455"), or by one of the two
short allowlists below, each with its reason. Only value columns are checked: key columns
(years as keys) and the source_line columns themselves are not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = DATA / "sources" / "woonvisie-enschede-2024.txt"
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}
SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()

# Numeric columns that identify a row (a year as key), not a published value.
KEY_COLUMNS = {("elderly_share", "year"), ("elderly_households", "year")}

# Value columns whose line is in another column than `source_line`.
LINE_COLUMN = {
    ("age_classes", "share_2020"): "source_line_2020",
    ("age_classes", "share_2050"): "source_line_2050",
}

# Cells printed on another line than their row's source_line:
# (resource, row key, column) -> (line, reason). The value must be printed on that line.
ELSEWHERE: dict[tuple[str, str, str], tuple[int, str]] = {
    ("outflow", "detention", "low"): (
        2819,
        "footnote * of Tabel 1: 'op jaarbasis 10 tot 15 woningen'",
    ),
    ("outflow", "detention", "high"): (
        2819,
        "footnote * of Tabel 1: 'op jaarbasis 10 tot 15 woningen'",
    ),
    ("stock_suitability", "all", "not_suitable"): (
        5355,
        "chart label '51%' of figure 4; the text (line 5366) gives only 24% and 25%",
    ),
    # targets: the year a commitment holds by, printed near the value
    ("targets", "build_rate_to_2050", "horizon"): (
        1131,
        "'richting 2050', the line before 'circa 1000'",
    ),
    ("targets", "wws_max_186_points", "horizon"): (
        4832,
        "'Het voornemen is dat de wet vanaf juli 2024 ingaat' (lines 4830-4832)",
    ),
    **{
        ("targets", key, "horizon"): (3091, "Tabel 2 header 'NU TOT 2030 2030-2040'")
        for key in (
            "elderly_task_total_2040",
            "elderly_task_to_2030",
            "elderly_zero_step_2040",
            "elderly_clustered_2040",
            "elderly_care_suitable_2040",
        )
    },
}

# Cells that are printed nowhere: (resource, row key, column) -> reason.
FIGUUR5_TOTAL = (
    "Figuur 5 is a bar chart and prints no totals: total is the sum of the printed "
    "segments (datapackage.json note figuur5_totals_not_printed)"
)
YEARLY = "printed in words: 'jaarlijks' (yearly) = every 1 year"
NOT_PRINTED: dict[tuple[str, str, str], str] = {
    ("figuur5_segments", "programme", "total"): FIGUUR5_TOTAL,
    ("figuur5_segments", "growth", "total"): FIGUUR5_TOTAL,
    ("figuur5_segments", "basis", "total"): FIGUUR5_TOTAL,
    ("targets", "zero_step_every_new_apartment", "value"): (
        "a norm in words: 'elk nieuwbouwappartement is een nultredenwoning' (lines 1568-1570),"
        " every new apartment = 100%"
    ),
    ("targets", "investment_agenda_yearly", "value"): YEARLY,
    ("targets", "student_monitor_yearly", "value"): YEARLY,
}

MINUS = "-−"
CHECK_IDS = {
    "change_2023_2033",
    "change_2033_2043",
    "row_total",
    "egw_mgw_total",
    "demolition_total",
    "scenario_total",
    "figuur5_match",
    "type_sum",
    "period_sum",
    "group_sum",
    "shares_sum_100",
}


# --- printed forms of a number ---------------------------------------------------------------


# Small numbers the text writes in words ('eens per drie jaar', 'elke twee jaar'); not 1,
# whose word 'een' is also the article.
NUMBER_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 10: "tien", 12: "twaalf"}


def _dutch_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def printed_forms(value: float) -> list[str]:
    """The ways the absolute value can be printed: 2675, 2.675; 17,8, 1.123,13, 17.8; drie."""
    magnitude = abs(value)
    if float(magnitude).is_integer():
        n = int(magnitude)
        words = [NUMBER_WORDS[n]] if n in NUMBER_WORDS and value > 0 else []
        return list(dict.fromkeys([str(n), _dutch_thousands(n), *words]))
    text = f"{magnitude:.10g}"
    whole, fraction = text.split(".")
    return list(
        dict.fromkeys([f"{whole},{fraction}", f"{_dutch_thousands(int(whole))},{fraction}", text])
    )


def _has_minus(line: str, start: int) -> bool:
    """A minus sign right before `start` that is a sign, not a hyphen as in 1-1-2024."""
    if start == 0 or line[start - 1] not in MINUS:
        return False
    return start == 1 or line[start - 2] in " \t("


def printed_on(value: float, line: str) -> bool:
    """Whether `value` is printed on `line` as a whole number token, with its sign."""
    for form in printed_forms(value):
        if form.isalpha():
            if re.search(rf"\b{form}\b", line, flags=re.IGNORECASE):
                return True
            continue
        pattern = r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)"
        for match in re.finditer(pattern, line):
            if _has_minus(line, match.start()) == (value < 0):
                return True
    return False


# --- the tables ------------------------------------------------------------------------------


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / RESOURCES[name]["path"], dtype=str, keep_default_na=False)


def fields(name: str) -> list[dict[str, Any]]:
    return list(RESOURCES[name]["schema"]["fields"])


def value_columns(name: str) -> list[str]:
    return [
        f["name"]
        for f in fields(name)
        if f["type"] in ("integer", "number")
        and not f["name"].startswith("source_line")
        and (name, f["name"]) not in KEY_COLUMNS
    ]


def row_key(name: str, row: pd.Series) -> str:
    return "/".join(row[k] for k in RESOURCES[name]["schema"]["primaryKey"])


def seed_line(number: int) -> str:
    assert 1 <= number <= len(SEED_LINES), f"line {number} is outside the seed"
    return SEED_LINES[number - 1]


ROWS = [
    pytest.param(name, row_key(name, row), row.to_dict(), id=f"{RESOURCES[name]['path']}:{key}")
    for name in RESOURCES
    for _, row in read(name).iterrows()
    for key in [row_key(name, row)]
]


def _unexplained(name: str, key: str, row: dict[str, str]) -> list[str]:
    """Values of one row not found where they should be printed, with the line's text."""
    problems = []
    for column in value_columns(name):
        if row[column] == "":
            continue
        value = float(row[column])
        cell = (name, key, column)
        if cell in NOT_PRINTED:
            continue
        if cell in ELSEWHERE:
            line = ELSEWHERE[cell][0]
        else:
            line = int(row[LINE_COLUMN.get((name, column), "source_line")])
        if printed_on(value, seed_line(line)):
            continue
        if cell not in ELSEWHERE and printed_on(value, row.get("reading", "")):
            continue  # explained by the row's reading, which names the value
        problems.append(f"{column}={row[column]} not on line {line}: {seed_line(line).strip()!r}")
    return problems


@pytest.mark.parametrize(("name", "key", "row"), ROWS)
def test_values_are_printed_on_their_source_line(name: str, key: str, row: dict[str, str]) -> None:
    problems = _unexplained(name, key, row)
    assert not problems, f"{RESOURCES[name]['path']}, row {key}: " + "; ".join(problems)


@pytest.mark.parametrize(("name", "key", "row"), ROWS)
def test_source_lines_are_printed_lines(name: str, key: str, row: dict[str, str]) -> None:
    for column in (c for c in row if c.startswith("source_line")):
        assert seed_line(int(row[column])).strip(), f"{key}: {column} is an empty line"


def test_printed_column_is_the_line_verbatim() -> None:
    for _, row in read("appendix_segments").iterrows():
        assert row["printed"] == seed_line(int(row["source_line"])).strip(), row_key(
            "appendix_segments", row
        )


def test_allowlists_name_real_cells() -> None:
    for (name, key, column), reason in {**NOT_PRINTED, **ELSEWHERE}.items():
        assert reason, (name, key, column)
        table = read(name)
        rows = [r for _, r in table.iterrows() if row_key(name, r) == key]
        assert len(rows) == 1, f"{name}: no row {key}"
        row = rows[0]
        assert row[column] != "", f"{name} {key} {column} is empty"
        if (name, key, column) in ELSEWHERE:  # printed there: checked by the value test
            continue
        own_line = seed_line(int(row[LINE_COLUMN.get((name, column), "source_line")]))
        assert not printed_on(float(row[column]), own_line), (
            f"{name} {key} {column} is printed on its own line: drop it from NOT_PRINTED"
        )


def test_printed_forms() -> None:
    assert printed_on(2675, "woningvraag volgend uit de CBS-prognose (2.675) plus")
    assert printed_on(2655, "CBS 2022 80.200 82.850 +2.655 83.660 +805")
    assert printed_on(-3130, "MGW -3130 -1715 3025")
    assert not printed_on(3130, "MGW -3130 -1715 3025")
    assert not printed_on(-1195, "EGW 2675 3805 1195")
    assert printed_on(17.8, "Zo was in 2020 17,8% van de inwoners")
    assert printed_on(1123.13, "huurprijs van € 1123,13 (prijspeil juli 2023)")
    assert printed_on(2024, "EN -BEHOEFTE (1-1-2024)")
    assert not printed_on(1180, "BASISSCENARIO 2800 118015")
    assert not printed_on(45, "Totaal 455")
    assert printed_on(3, "Zoals gezegd programmeren wij adaptief. Eens per drie jaar,")
    assert printed_on(2, "prestatieafspraken die elke twee jaar worden geactualiseerd.")
    assert not printed_on(3, "een driehoek")
    assert not printed_on(1, "een woning")


# --- package structure -----------------------------------------------------------------------


def test_every_resource_has_a_file() -> None:
    for resource in DESCRIPTOR["resources"]:
        assert (DATA / resource["path"]).is_file(), resource["path"]
        assert resource["name"] == Path(resource["path"]).stem


def test_every_csv_has_a_resource() -> None:
    described = {r["path"] for r in DESCRIPTOR["resources"]}
    assert {p.name for p in DATA.glob("*.csv")} == described


@pytest.mark.parametrize("name", list(RESOURCES))
def test_header_is_the_schema(name: str) -> None:
    header = list(read(name).columns)
    assert header == [f["name"] for f in fields(name)]


@pytest.mark.parametrize("name", list(RESOURCES))
def test_csv_conventions(name: str) -> None:
    raw = (DATA / RESOURCES[name]["path"]).read_bytes()
    assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")
    table = read(name)
    for f in fields(name):
        pattern = r"-?\d+" if f["type"] == "integer" else r"-?\d+(\.\d+)?"
        cells = [c for c in table[f["name"]] if c != ""] if f["type"] != "string" else []
        bad = [c for c in cells if not re.fullmatch(pattern, c)]
        assert not bad, f"{name}.{f['name']}: {bad}"


def test_seed_is_shipped() -> None:
    assert DESCRIPTOR["sources"][0]["path"] == "sources/woonvisie-enschede-2024.txt"
    assert len(SEED_LINES) > 5000


def test_resource_source_lines_cover_the_rows() -> None:
    for name, resource in RESOURCES.items():
        first, last = resource["sources"][0]["lines"]
        table = read(name)
        lines = [int(v) for c in table.columns if c.startswith("source_line") for v in table[c]]
        assert first <= min(lines) and max(lines) <= last, name


def test_notes_point_at_real_rows() -> None:
    ids = [n["id"] for n in DESCRIPTOR["notes"]]
    assert len(ids) == len(set(ids))
    for note in DESCRIPTOR["notes"]:
        assert note["resource"] in RESOURCES, note["id"]
        assert note["check"] is None or note["check"] in CHECK_IDS, note["id"]
        assert note["text"] and note["text_nl"], note["id"]
        table = read(note["resource"])
        for column, value in note["where"].items():
            assert str(value) in set(table[column]), (note["id"], column, value)


def test_frictionless_validates_the_package() -> None:
    """The descriptor and every CSV pass the Frictionless Data Package standard's checks."""
    from frictionless import validate

    report = validate(str(DATA / "datapackage.json"))
    errors = report.flatten(["type", "note", "rowNumber", "fieldName"])
    assert report.valid, errors[:10]
