"""Doelen: every quantitative target of the Woonvisie, by theme, with its status."""

from __future__ import annotations

from typing import Any

import pandas as pd

from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import Assumptions
from woonlib.model.progress import register_status
from woonlib.model.targets import THEMES
from woonlib.report.labels import fmt_amount, fmt_target, label
from woonlib.ui.panel import EVERY, Panel
from woonlib.ui.shared import html
from woonlib.ui.tables import html_table


class TargetsPanel(Panel):
    title_key = "tab_targets"
    depends = EVERY  # statuses follow the scenario; the register itself is fixed

    def __init__(self, *args: Any, monitor: Monitor) -> None:
        super().__init__(*args)
        self.monitor = monitor
        self.summary = html()
        self.tables = html()
        intro = html(f"<p>{label('targets_intro', self.lang)}</p>")
        self.children = [intro, self.summary, self.tables]
        # the register's own cells never change: formatted once, not on every slider move
        register = self.data["targets"]
        self._themes = list(register["theme"])
        self._fixed = [_fixed_cells(r, self.lang) for r in register.to_dict("records")]
        self._units = list(register["unit"])

    def compute(self, a: Assumptions) -> tuple[str, str]:
        lang = self.lang
        table = register_status(self.data, a, self.monitor)
        status = list(table["status"])
        summary = label("targets_summary", lang).format(
            total=len(status),
            computed=status.count("ok") + status.count("fail"),
            ok=status.count("ok"),
            fail=status.count("fail"),
            monitor=status.count("monitor"),
        )
        headers = [
            label(k, lang)
            for k in ("target", "target_value", "horizon", "source_line", "status", "in_scenario")
        ]
        rows: dict[str, list[list[tuple[object, str]]]] = {theme: [] for theme in THEMES}
        columns = zip(
            self._themes,
            self._fixed,
            status,
            table["scenario_value"],
            table["measured"],
            table["measured_year"],
            self._units,
            strict=True,
        )
        for theme, fixed, state, value, measured, year, unit in columns:
            shown = _scenario_text(value, measured, year, unit, lang)
            rows[theme].append([*fixed, (f"target_{state}", "label"), (shown, "text")])
        parts = [
            html_table(label(f"theme_{theme}", lang), headers, rows[theme], lang)
            for theme in THEMES
            if rows[theme]
        ]
        tables = f'<div class="wl-targets">{"".join(parts)}</div>'
        return f'<p class="wl-targets-summary">{summary}</p>', tables

    def show(self, result: tuple[str, str]) -> None:
        self.summary.value, self.tables.value = result


def _fixed_cells(r: dict[str, Any], lang: str) -> list[tuple[object, str]]:
    """A register row's own cells: title, target, horizon, source line."""
    high = None if pd.isna(r["value_high"]) else float(r["value_high"])
    return [
        (r["title_nl"] if lang == "nl" else r["title_en"], "text"),
        (fmt_target(float(r["value"]), high, r["unit"], r["comparator"], lang), "text"),
        ("" if pd.isna(r["horizon"]) else str(int(r["horizon"])), "text"),
        (label("line_ref", lang).format(line=int(r["source_line"])), "text"),
    ]


def _scenario_text(value: float, measured: float, year: Any, unit: str, lang: str) -> str:
    """The scenario's value of a computed target, or the measured value with its year."""
    if not pd.isna(measured):
        amount = fmt_amount(measured, unit, lang)
        return label("measured_in", lang).format(value=amount, year=int(year))
    return "" if pd.isna(value) else fmt_amount(value, unit, lang)
