"""Monitoring: realised new build and measured targets against the plan (issue 13, part 1).

A monitor file is a tidy long table an advisor keeps up to date, one measured value a row:

    year, measure, value, unit, source, note

`measure` is one of `HOMES_MEASURES` (realised new-build homes, gross: in total and per
segment where known; demolished homes) or a `measure` key of the targets register
(`data/targets.csv`, e.g. `search_time_months`). Why long, not one row a year: the register
has dozens of sparse measures, each value needs its own source, and a row is one fact that
can be checked and named on its own (pyam's scenario/variable/unit/year/value).

I/O and computation are apart: `read_monitor_file` reads text (CSV or .xlsx) without judging
it; `validate_monitor` checks it against the register and returns a `Monitor`; the
`realised_*`, `rate_needed_from_now`, `projected_year`, `segment_mix` and `measured_status`
functions compute from a `Monitor` and the scenario. A bad file raises `MonitorError`, whose
`problems` each name the file, the row (as numbered in a spreadsheet: header = row 1), the
column and the rule broken.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

COLUMNS = ("year", "measure", "value", "unit", "source", "note")
REQUIRED = ("year", "measure", "value", "source")
YEAR_RANGE = (2000, 2100)  # a year outside this is a typing error, not a monitored year
SEGMENT_MEASURES = {
    "homes_social_rent": "social_rent",
    "homes_mid_priced": "mid_priced",
    "homes_expensive": "expensive",
}
TOTAL_MEASURE = "homes_new_build"  # realised new build, gross (before demolition)
DEMOLISHED_MEASURE = "homes_demolished"
HOMES_MEASURES = (TOTAL_MEASURE, *SEGMENT_MEASURES, DEMOLISHED_MEASURE)
TEMPLATE_NAME = "monitor-template.csv"
SUFFIXES = (".csv", ".xlsx")
PACE_YEARS = 3  # 'the pace of the last three realised years' (issue 13)
# 1.050, 12.500 or 1,050: digits in groups of three, as a thousands separator writes them
THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


@dataclass(frozen=True)
class MonitorProblem:
    """One thing wrong with a monitor file: file, row, column, rule (key and text), value.

    `rule` is a label key of `woonlib.report.labels_progress.PROGRESS_LABELS` (Dutch and English
    texts with the same `{placeholders}` as `params`); `text` is the English sentence.
    """

    file: str
    rule: str
    text: str
    row: int | None = None
    column: str | None = None
    value: object = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        value = "" if self.value is None else f" (value: {self.value!r})"
        return f"{where}: {self.text}{value}"


class MonitorError(ValueError):
    """The monitor file is not usable; `problems` lists every problem found."""

    def __init__(self, problems: list[MonitorProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
        super().__init__(f"monitor file invalid ({count}):\n{lines}")


@dataclass(frozen=True, eq=False)
class Monitor:
    """Validated monitor values and where they came from.

    `values`: columns year [-], measure, value [unit], unit, source, note, file, row; one row
    per measured value, sorted by year and measure. `files`: the files read.
    """

    values: pd.DataFrame
    files: tuple[str, ...] = ()
    _empty: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # read once here: a slider move asks `empty` without touching the frame
        object.__setattr__(self, "_empty", bool(self.values.empty))

    @property
    def empty(self) -> bool:
        """True when the monitor holds no measured value (the shipped template)."""
        return self._empty


# --- reading (I/O only) ---------------------------------------------------------------------


def read_monitor_file(source: str | Path | bytes, name: str | None = None) -> pd.DataFrame:
    """Read a monitor file (CSV or .xlsx) as text, without judging it.

    `source` is a path or the file's bytes (an upload; `name` then gives its file name).
    CSV may be comma- or semicolon-separated (Dutch Excel, decimal comma); .xlsx: the first
    sheet. Blank rows are dropped. Returns the cells as stripped strings (empty: None or
    NaN) plus `file` and `row` (the spreadsheet row, header = 1); `attrs["file"]`.
    Raises MonitorError when the file is missing, empty or not readable.
    """
    display = name or (str(source) if not isinstance(source, bytes) else "upload")
    try:
        raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError:
        raise MonitorError([_problem(display, "monitor_file_missing")]) from None
    try:
        frame = _parse(raw, display)
    except Exception as exc:  # any parser failure on user input: not readable
        problem = _problem(display, "monitor_not_readable", detail=str(exc).splitlines()[0])
        raise MonitorError([problem]) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    frame = frame.astype(object).map(_cell)
    frame["row"] = np.arange(len(frame)) + 2
    frame["file"] = display
    keep = frame.drop(columns=["row", "file"]).notna().any(axis=1)
    frame = frame[keep].reset_index(drop=True)
    frame.attrs["file"] = display
    return frame


def _cell(value: object) -> str | None:
    """A cell as stripped text; None when empty (pandas may show None as NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _parse(raw: bytes, display: str) -> pd.DataFrame:
    if raw[:2] == b"PK" or display.lower().endswith(".xlsx"):
        return pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype=str, engine="openpyxl")
    text = raw.decode("utf-8-sig")
    if not text.strip():
        raise ValueError("the file is empty (no header row)")
    header = text.splitlines()[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    frame = pd.read_csv(
        io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=False
    )
    if sep == ";" and "value" in [str(c).strip().lower() for c in frame.columns]:
        column = next(c for c in frame.columns if str(c).strip().lower() == "value")
        frame[column] = frame[column].str.replace(",", ".", regex=False)  # decimal comma
    return frame.replace("", None)


def monitor_files(folder: str | Path) -> list[Path]:
    """The monitor files in `folder` (*.csv, *.xlsx; the template too: it holds no rows).

    Hidden files and Excel's lock files (`~$name.xlsx`, while a workbook is open) are not.
    """
    path = Path(folder)
    if not path.is_dir():
        return []
    return sorted(
        p
        for p in path.iterdir()
        if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith(("~$", "."))
    )


# --- validation -----------------------------------------------------------------------------


def measure_units(register: pd.DataFrame) -> dict[str, str]:
    """Every measure a monitor file may hold, with its unit: homes measures + the register's."""
    units = dict.fromkeys(HOMES_MEASURES, "homes")
    for measure, unit in register[["measure", "unit"]].dropna().itertuples(index=False):
        units.setdefault(str(measure), str(unit))
    return units


def validate_monitor(raw: pd.DataFrame, register: pd.DataFrame) -> Monitor:
    """Check the text of monitor files (`read_monitor_file`, concatenated) → `Monitor`.

    Rules: required columns present, no unknown columns; per row: year a whole number in
    2000–2100, measure known (homes measures or a `measure` of `register`), value a number
    (homes: whole and not negative), unit blank or the measure's unit, source given; per
    year: no measure twice, segment homes not more than the total, no segments without the
    total (checked once every row is right). Raises MonitorError listing every problem.
    """
    units = measure_units(register)
    file = str(raw.attrs.get("file", "monitor"))
    problems = header_problems(list(raw.columns), file)
    if problems:
        raise MonitorError(problems)
    records = [
        {k: v if k in ("file", "row") else _cell(v) for k, v in rec.items()}
        for rec in raw.to_dict("records")
    ]
    rows = [_checked_row(rec, units, problems) for rec in records]
    table = pd.DataFrame(
        [r for r in rows if r is not None], columns=[*COLUMNS, "file", "row"]
    ).astype({"year": "int64", "value": "float64", "row": "int64"})
    problems += _duplicate_problems(table)
    if not problems:  # a year's sums only once its rows are right (no echo of a bad row)
        problems += _segment_problems(table)
    if problems:
        raise MonitorError(sorted(problems, key=lambda p: (p.file, p.row or 0)))
    table = table.sort_values(["year", "measure"], kind="stable").reset_index(drop=True)
    files = tuple(dict.fromkeys(raw["file"])) if len(raw) else (file,)
    return Monitor(values=table, files=files)


def header_problems(columns: Sequence[object], file: str) -> list[MonitorProblem]:
    """Required columns missing and unknown columns in the header of one file."""
    present = {str(c) for c in columns} - {"file", "row"}
    problems = [
        _problem(file, "monitor_column_missing", column=c) for c in REQUIRED if c not in present
    ]
    problems += [
        _problem(file, "monitor_column_unknown", column=c) for c in sorted(present - set(COLUMNS))
    ]
    return problems


def _checked_row(
    rec: Mapping[str, Any], units: Mapping[str, str], problems: list[MonitorProblem]
) -> tuple[Any, ...] | None:
    """The typed row, or None after adding its problems to `problems`."""
    before = len(problems)

    def add(rule: str, column: str, value: object = None, **params: Any) -> None:
        problems.append(_problem(rec["file"], rule, rec["row"], column, value, **params))

    year = _number(rec.get("year"))
    _check_year(rec.get("year"), year, add)
    measure = rec.get("measure")
    if measure not in units:
        add("monitor_measure_unknown", "measure", measure)
    value = _number(rec.get("value"))
    if measure in HOMES_MEASURES and _separated(rec.get("value")):
        add("monitor_thousands", "value", rec.get("value"), **_fix(rec.get("value")))
    elif value is None:
        add("monitor_value_not_number", "value", rec.get("value"))
    elif measure in HOMES_MEASURES:
        _check_homes(value, add)
    unit = rec.get("unit")
    if measure in units and unit is not None and unit != units[str(measure)]:
        add("monitor_unit_wrong", "unit", unit, expected=units[str(measure)])
    if not rec.get("source"):
        add("monitor_source_missing", "source")
    if len(problems) > before:
        return None
    assert year is not None and value is not None
    unit_out = unit or units[str(measure)]
    return (
        int(year),
        measure,
        value,
        unit_out,
        rec["source"],
        rec.get("note"),
        rec["file"],
        rec["row"],
    )


def _check_year(text: object, year: float | None, add: Any) -> None:
    if _separated(text):
        add("monitor_thousands", "year", text, **_fix(text))
    elif year is None or year != int(year):
        add("monitor_year_not_whole", "year", text)
    elif not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        add("monitor_year_out_of_range", "year", int(year), low=YEAR_RANGE[0], high=YEAR_RANGE[1])


def _check_homes(value: float, add: Any) -> None:
    if value < 0:
        add("monitor_homes_negative", "value", value)
    elif value != int(value):
        add("monitor_homes_not_whole", "value", value)


def _separated(text: object) -> bool:
    """A whole number written with a thousands separator (1.050), in a column of whole
    numbers: the year, or homes."""
    return text is not None and THOUSANDS.fullmatch(str(text)) is not None


def _fix(text: object) -> dict[str, str]:
    """The placeholders of the thousands rule: the cell as written and as it should be."""
    return {"written": str(text), "fixed": re.sub(r"[.,]", "", str(text))}


def _number(text: object) -> float | None:
    """A finite number from a cell, or None (empty, text, inf, nan)."""
    if text is None:
        return None
    try:
        number = float(str(text))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _duplicate_problems(table: pd.DataFrame) -> list[MonitorProblem]:
    dup = table[table.duplicated(["year", "measure"], keep="first")]
    problems = []
    for rec in dup.itertuples(index=False):
        first = table[(table["year"] == rec.year) & (table["measure"] == rec.measure)].iloc[0]
        problems.append(
            _problem(
                rec.file,
                "monitor_duplicate",
                rec.row,
                "measure",
                rec.measure,
                year=rec.year,
                first_file=first["file"],
                first_row=int(first["row"]),
            )
        )
    return problems


def _segment_problems(table: pd.DataFrame) -> list[MonitorProblem]:
    homes = table.drop_duplicates(["year", "measure"])
    wide = homes.pivot(index="year", columns="measure", values="value")
    rows = homes.set_index(["year", "measure"])
    problems = []
    segments = [m for m in SEGMENT_MEASURES if m in wide]
    for year, line in wide.iterrows():
        parts = float(line[segments].sum()) if segments else 0.0
        known = [m for m in segments if pd.notna(line[m])]
        if not known:
            continue
        if TOTAL_MEASURE not in wide or pd.isna(line[TOTAL_MEASURE]):
            where = rows.loc[(year, known[0])]
            problems.append(
                _problem(
                    where["file"],
                    "monitor_segments_without_total",
                    int(where["row"]),
                    "measure",
                    known[0],
                    year=int(year),
                )
            )
        elif parts > line[TOTAL_MEASURE]:
            where = rows.loc[(year, TOTAL_MEASURE)]
            problems.append(
                _problem(
                    where["file"],
                    "monitor_segments_exceed_total",
                    int(where["row"]),
                    "value",
                    line[TOTAL_MEASURE],
                    year=int(year),
                    segments=int(parts),
                )
            )
    return problems


def _problem(
    file: str,
    rule: str,
    row: int | None = None,
    column: str | None = None,
    value: object = None,
    **params: Any,
) -> MonitorProblem:
    text = RULE_TEXTS[rule].format(**params)
    return MonitorProblem(file, rule, text, row, column, value, params)


RULE_TEXTS = {  # English; Dutch in labels_progress.PROGRESS_LABELS under the same keys
    "monitor_file_missing": "file missing",
    "monitor_not_readable": "not readable as CSV or Excel (.xlsx): {detail}",
    "monitor_column_missing": "required column missing",
    "monitor_column_unknown": "unknown column (allowed: year, measure, value, unit, source, note)",
    "monitor_year_not_whole": "year must be a whole number",
    "monitor_year_out_of_range": "year must be between {low} and {high}",
    "monitor_measure_unknown": (
        "unknown measure: use homes_new_build, homes_social_rent, homes_mid_priced, "
        "homes_expensive, homes_demolished or a measure of the targets register"
    ),
    "monitor_value_not_number": "value must be a number (decimal point, no thousands separator)",
    "monitor_thousands": "{written}: write {fixed}, without a separator",
    "monitor_homes_negative": "homes cannot be negative",
    "monitor_homes_not_whole": "homes must be a whole number",
    "monitor_unit_wrong": "unit must be {expected} for this measure (or left empty)",
    "monitor_source_missing": "source missing: every value needs its source",
    "monitor_duplicate": "{year} already has this measure ({first_file}, row {first_row})",
    "monitor_segments_without_total": (
        "segment homes for {year} without the year's total (homes_new_build)"
    ),
    "monitor_segments_exceed_total": (
        "segment homes for {year} add up to {segments}, more than the total"
    ),
}


def load_monitor(
    sources: Sequence[str | Path] | str | Path | bytes,
    register: pd.DataFrame,
    name: str | None = None,
) -> Monitor:
    """Read and validate one or more monitor files (paths, or one upload's bytes + name).

    Problems of every file are collected before raising MonitorError.
    """
    items: list[str | Path | bytes] = []
    if isinstance(sources, str | Path | bytes):
        items.append(sources)
    else:
        items.extend(sources)
    frames, problems = [], []
    for item in items:
        try:
            frame = read_monitor_file(item, name if isinstance(item, bytes) else None)
        except MonitorError as exc:
            problems += exc.problems
            continue
        problems += header_problems(list(frame.columns), frame.attrs["file"])
        frames.append(frame.reindex(columns=[*COLUMNS, "file", "row"]))
    if problems:
        raise MonitorError(problems)
    if not frames:
        return Monitor(values=_empty_values())
    raw = pd.concat(frames, ignore_index=True)
    raw.attrs["file"] = ", ".join(str(f.attrs.get("file", "")) for f in frames)
    return validate_monitor(raw, register)


def load_monitor_dir(folder: str | Path, register: pd.DataFrame) -> Monitor:
    """The monitor files of `folder` (default place: `data/monitor/`), validated together."""
    files = monitor_files(folder)
    return load_monitor(files, register) if files else Monitor(values=_empty_values())


def empty_monitor() -> Monitor:
    """A monitor with no measured value (no files, or none usable)."""
    return Monitor(values=_empty_values())


def _empty_values() -> pd.DataFrame:
    return pd.DataFrame(columns=[*COLUMNS, "file", "row"]).astype(
        {"year": "int64", "value": "float64", "row": "int64"}
    )


@dataclass(frozen=True)
class MonitorRead:
    """What a monitor holds, to tell the one who loaded it: values (rows), years, measures."""

    rows: int
    first_year: int | None
    last_year: int | None
    measures: tuple[str, ...]


def monitor_read(monitor: Monitor) -> MonitorRead:
    """The rows, the span of years and the measures (in file order of first use) of
    `monitor`; no rows for a file with only its header (the template)."""
    values = monitor.values
    if values.empty:
        return MonitorRead(0, None, None, ())
    years = values["year"]
    measures = tuple(dict.fromkeys(values.sort_values(["file", "row"])["measure"]))
    return MonitorRead(len(values), int(years.min()), int(years.max()), measures)
