"""Excel and CSV export: a sheet per topic, the assumptions, the sources and the data notes."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import IO

import pandas as pd

from woonlib.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.data import WoonvisieData
from woonlib.indicators import indicators, policy_checks
from woonlib.labels import check_texts, fmt_allowed, fmt_lines, fmt_source, label, pick
from woonlib.model.care import care_table
from woonlib.model.elderly import elderly_summary, elderly_task
from woonlib.model.households import forecast_yearly
from woonlib.model.outflow import outflow_table, outflow_vs_care
from woonlib.model.programme import build_path, programme_table
from woonlib.model.segments import affordability_table, market_segments, segment_comparison
from woonlib.targets import target_status


def _indicator_rows(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    rows = []
    for key, val in indicators(data, a).items():
        if key == "data_notes":
            continue
        if isinstance(val, dict):
            rows += [(f"{key}.{k}", v) for k, v in val.items()]
        else:
            rows.append((key, val))
    return pd.DataFrame(rows, columns=["indicator", "value"])


def assumptions_table(a: Assumptions, lang: str = "nl") -> pd.DataFrame:
    """Every assumption: value, default, unit, allowed range, source."""
    defaults = DEFAULTS.to_dict()
    rows = [
        (
            name,
            label(name, lang),
            val,
            defaults[name],
            SPECS[name].unit,
            _allowed(name, lang),
            fmt_source(SPECS[name].source, lang),
        )
        for name, val in a.to_dict().items()
    ]
    return pd.DataFrame(
        rows, columns=["assumption", "label", "value", "default", "unit", "allowed", "source"]
    )


def checks_table(data: WoonvisieData, a: Assumptions, lang: str = "nl") -> pd.DataFrame:
    """The policy checks with their norm, source lines and explanation, for exports."""
    checks = policy_checks(data, a)
    texts = [check_texts(row, lang) for row in checks.itertuples()]
    table = checks.drop(columns=["extra"])
    table["status_text"] = [t[1] for t in texts]
    table["explanation"] = [t[2] for t in texts]
    return table


def _allowed(name: str, lang: str) -> str:
    spec = SPECS[name]
    return fmt_allowed(spec.unit, spec.minimum, spec.maximum, spec.choices, lang)


def sources_table(data: WoonvisieData, lang: str = "nl") -> pd.DataFrame:
    """Every table of the data package with its title, source and seed lines, in `lang`
    (titles, descriptions and source tables from the package's Dutch and English fields)."""
    rows = []
    for name, res in data.resources.items():
        for src in res.get("sources", []):
            lines = src.get("lines") or [None, None]
            rows.append(
                (
                    name,
                    pick(res, "title", lang),
                    src.get("title"),
                    pick(src, "table", lang),
                    lines[0],
                    lines[-1],
                    fmt_lines([(lines[0], lines[-1])], lang) if lines[0] else "",
                    res.get("unit"),
                    pick(res, "description", lang),
                )
            )
    return pd.DataFrame(
        rows,
        columns=[
            "table",
            "title",
            "document",
            "source_table",
            "first_line",
            "last_line",
            "lines",
            "unit",
            "description",
        ],
    )


def notes_table(data: WoonvisieData) -> pd.DataFrame:
    return pd.DataFrame(
        [(n.id, n.resource, n.check, n.text_nl, n.text) for n in data.notes],
        columns=["note", "table", "check", "text_nl", "text_en"],
    )


def workbook_tables(
    data: WoonvisieData, a: Assumptions, lang: str = "nl"
) -> dict[str, pd.DataFrame]:
    """The workbook's sheets in order: sheet name → table (pure; no I/O)."""
    return {
        label("indicators", lang): _indicator_rows(data, a),
        label("policy_checks", lang): checks_table(data, a, lang),
        label("tab_targets", lang): target_status(data, a),
        label("households", lang): forecast_yearly(data),
        label("programme", lang): programme_table(data, a),
        label("build_path", lang): build_path(a),
        label("segments", lang): segment_comparison(data, a),
        label("affordability", lang): affordability_table(data, a),
        label("market_segments", lang): market_segments(data),
        label("care", lang): care_table(data, a),
        label("elderly", lang): elderly_task(a),
        label("elderly_totals", lang): elderly_summary(a),
        label("outflow", lang): outflow_table(a),
        label("outflow_vs_care", lang): outflow_vs_care(data, a),
        label("assumptions", lang): assumptions_table(a, lang),
        label("sources", lang): sources_table(data, lang),
        label("data_notes", lang): notes_table(data),
    }


def _write_sheets(target: Path | IO[bytes], tables: dict[str, pd.DataFrame]) -> None:
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for sheet, table in tables.items():
            table.to_excel(writer, sheet_name=sheet[:31], index=False)


def write_workbook(path: str | Path, tables: dict[str, pd.DataFrame]) -> Path:
    """Write `tables` as one sheet each to an .xlsx file."""
    path = Path(path)
    _write_sheets(path, tables)
    return path


def workbook_bytes(data: WoonvisieData, a: Assumptions, lang: str = "nl") -> bytes:
    """The workbook of `write_workbook` as .xlsx bytes, for a browser download (no file)."""
    buffer = io.BytesIO()
    _write_sheets(buffer, workbook_tables(data, a, lang))
    return buffer.getvalue()


def table_csv(name: str, frame: pd.DataFrame) -> bytes:
    """One table as CSV bytes: UTF-8 with a BOM, comma-separated, '.' as decimal point.

    The BOM makes Excel read the Dutch text (ë, €, –) as UTF-8. Numbers stay machine-readable
    (2675.0, 0.3) rather than Dutch (2.675, 0,3), so pandas, R and scripts read them back
    unchanged; for reading in Excel with Dutch settings, the .xlsx workbook is the better
    download. `name` is the table's name (a sheet name), used in the error for a table
    without columns.
    """
    if len(frame.columns) == 0:
        raise ValueError(f"table {name!r} has no columns to write as CSV")
    text = frame.to_csv(index=False, sep=",", decimal=".", lineterminator="\r\n")
    return text.encode("utf-8-sig")


def scenario_csvs(data: WoonvisieData, a: Assumptions, lang: str = "nl") -> dict[str, bytes]:
    """Every table of the workbook as CSV bytes, keyed by its sheet name, in sheet order."""
    return {name: table_csv(name, t) for name, t in workbook_tables(data, a, lang).items()}


def csv_filename(name: str) -> str:
    """A safe download name: 'Ouderen totalen' -> 'woonvisie-ouderen-totalen.csv'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^0-9a-z]+", "-", ascii_name.lower()).strip("-") or "tabel"
    return f"woonvisie-{slug}.csv"
