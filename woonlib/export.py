"""Excel export: a sheet per topic, the assumptions, the sources and the data notes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from woonlib.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.data import WoonvisieData
from woonlib.indicators import indicators, policy_checks
from woonlib.labels import label
from woonlib.model.care import care_table
from woonlib.model.elderly import elderly_summary, elderly_task
from woonlib.model.households import forecast_yearly
from woonlib.model.outflow import outflow_table, outflow_vs_care
from woonlib.model.programme import build_path, programme_table
from woonlib.model.segments import affordability_table, market_segments, segment_comparison


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
            SPECS[name].allowed(),
            SPECS[name].source,
        )
        for name, val in a.to_dict().items()
    ]
    return pd.DataFrame(
        rows, columns=["assumption", "label", "value", "default", "unit", "allowed", "source"]
    )


def sources_table(data: WoonvisieData) -> pd.DataFrame:
    """Every table of the data package with its title, source and seed lines."""
    rows = []
    for name, res in data.resources.items():
        for src in res.get("sources", []):
            lines = src.get("lines") or [None, None]
            rows.append(
                (
                    name,
                    res.get("title"),
                    src.get("title"),
                    src.get("table"),
                    lines[0],
                    lines[-1],
                    res.get("unit"),
                    res.get("description"),
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
        label("policy_checks", lang): policy_checks(data, a),
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
        label("sources", lang): sources_table(data),
        label("data_notes", lang): notes_table(data),
    }


def write_workbook(path: str | Path, tables: dict[str, pd.DataFrame]) -> Path:
    """Write `tables` as one sheet each to an .xlsx file."""
    path = Path(path)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for sheet, table in tables.items():
            table.to_excel(writer, sheet_name=sheet[:31], index=False)
    return path
