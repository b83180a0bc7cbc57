"""Doelen: every quantitative target of the Woonvisie, by theme, with its status."""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as W

from woonlib.assumptions import Assumptions
from woonlib.labels import fmt_amount, fmt_target, label
from woonlib.model.progress import register_status
from woonlib.monitor import Monitor
from woonlib.targets import THEMES
from woonlib.ui.panel import EVERY, Panel
from woonlib.ui.tables import STYLE, html_table

# One column grid for every theme's table, so the themes line up and short cells never wrap
CSS = (
    "<style>.wl-targets .wl-table{width:100%;table-layout:fixed}"
    ".wl-targets th:nth-child(1){width:44%}.wl-targets th:nth-child(2){width:17%}"
    ".wl-targets th:nth-child(3){width:7%}.wl-targets th:nth-child(4){width:9%}"
    ".wl-targets th:nth-child(5){width:10%}.wl-targets th:nth-child(6){width:13%}"
    ".wl-targets td:nth-child(3),.wl-targets td:nth-child(4),.wl-targets td:nth-child(5)"
    "{white-space:nowrap}</style>"
)


class TargetsPanel(Panel):
    title_key = "tab_targets"
    depends = EVERY  # statuses follow the scenario; the register itself is fixed

    def __init__(self, *args: Any, monitor: Monitor) -> None:
        super().__init__(*args)
        self.monitor = monitor
        self.summary = W.HTML()
        self.tables = W.HTML()
        intro = W.HTML(f"<p>{label('targets_intro', self.lang)}</p>")
        self.children = [W.HTML(STYLE + CSS), intro, self.summary, self.tables]

    def compute(self, a: Assumptions) -> tuple[str, str]:
        lang = self.lang
        table = register_status(self.data, a, self.monitor)
        counts = table["status"].value_counts()
        ok, fail = int(counts.get("ok", 0)), int(counts.get("fail", 0))
        summary = label("targets_summary", lang).format(
            total=len(table),
            computed=ok + fail,
            ok=ok,
            fail=fail,
            monitor=int(counts.get("monitor", 0)),
        )
        headers = [
            label(k, lang)
            for k in ("target", "target_value", "horizon", "source_line", "status", "in_scenario")
        ]
        parts = []
        for theme in THEMES:
            rows = [_row(r, lang) for r in table[table["theme"] == theme].itertuples()]
            if rows:
                parts.append(html_table(label(f"theme_{theme}", lang), headers, rows, lang))
        tables = f'<div class="wl-targets">{"".join(parts)}</div>'
        return f'<p class="wl-targets-summary">{summary}</p>', tables

    def show(self, result: tuple[str, str]) -> None:
        self.summary.value, self.tables.value = result


def _row(r: Any, lang: str) -> list[tuple[object, str]]:
    """One register row: title, target, horizon, source line, status, scenario value."""
    high = None if math.isnan(r.value_high) else float(r.value_high)
    scenario = "" if math.isnan(r.scenario_value) else fmt_amount(r.scenario_value, r.unit, lang)
    if not math.isnan(r.measured):
        scenario = label("measured_in", lang).format(
            value=fmt_amount(r.measured, r.unit, lang), year=int(r.measured_year)
        )
    return [
        (r.title_nl if lang == "nl" else r.title_en, "text"),
        (fmt_target(float(r.value), high, r.unit, r.comparator, lang), "text"),
        ("" if math.isnan(r.horizon) else str(int(r.horizon)), "text"),
        (label("line_ref", lang).format(line=int(r.source_line)), "text"),
        (f"target_{r.status}", "label"),
        (scenario, "text"),
    ]
