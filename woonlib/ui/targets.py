"""Doelen: every line of the Woonvisie with a number, by theme, with its status.

A light (ok/fail) only where an outcome of the scenario meets a norm; an assumption the
scenario takes from a row shows "aanname = doel" and, below it, the outcomes that test it
(`woonlib.model.register`).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import Assumptions
from woonlib.model.outcome import Outcome
from woonlib.model.register import Outcome as Tested
from woonlib.model.register import TargetRow, register_counts, register_status, target_rows
from woonlib.model.targets import THEMES
from woonlib.report import markup
from woonlib.report.labels import (
    check_texts,
    current_lang,
    fmt_amount,
    fmt_lines,
    fmt_percent,
    fmt_target,
    label,
    outcome_title,
    outcome_value,
    using,
)
from woonlib.ui.panel import EVERY, Panel
from woonlib.ui.shared import html
from woonlib.ui.tables import html_table

HEADERS = ("target", "kind", "target_value", "horizon", "source_line", "status", "in_scenario")
LIGHTS = ("ok", "fail", "info")  # statuses shown with a symbol and colour
SEGMENT_OF = {
    "norm_social_rent": "social_rent",
    "norm_mid_priced": "mid_priced",
    "norm_expensive": "expensive",
}

Row = list[tuple[object, str]]


class TargetsPanel(Panel):
    title_key = "tab_targets"
    depends = EVERY  # statuses follow the scenario; the register itself is fixed
    follows = frozenset({"monitor"})  # measured values come from the monitor

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.summary = html()
        self.tables = html()
        intro = self.text(html(), "value", lambda: f"<p>{label('targets_intro')}</p>")
        self.children = [intro, self.summary, self.tables]
        # the register's own cells never change: formatted once (per language), not on
        # every slider move
        register = target_rows(self.data)
        self._themes = [r.theme for r in register]
        self.text(self, "_fixed", lambda: [_fixed_cells(r) for r in register])
        self._units = [r.unit for r in register]
        self._indicators = [r.indicator for r in register]

    @property
    def monitor(self) -> Monitor:
        """The realised figures: the state's."""
        return self.state.monitor

    def compute(self, o: Outcome) -> tuple[str, str]:
        with using(self.lang):
            return self._compute(o)

    def _compute(self, o: Outcome) -> tuple[str, str]:
        a = o.a
        statuses, found = register_status(self.data, a, self.monitor)
        summary = label("targets_summary").format(**register_counts(self.data, statuses, found))
        headers = [label(k) for k in HEADERS]
        rows: dict[str, list[Row]] = {theme: [] for theme in THEMES}
        explained: set[str] = set()  # a check's explanation once, under its first row
        columns = zip(
            self._themes, self._fixed, statuses, self._units, self._indicators, strict=True
        )
        for theme, fixed, row, unit, indicator in columns:
            shown = _scenario_text(row.scenario_value, row.measured, row.measured_year, unit)
            status = _status_cell(current_lang(), row.status, bool(row.outcomes))
            rows[theme].append([*fixed, status, (shown, "text")])
            for key in row.outcomes:
                rows[theme].append(_outcome_row(found[key], indicator, a, explained))
        parts = [
            html_table(label(f"theme_{theme}"), headers, rows[theme])
            for theme in THEMES
            if rows[theme]
        ]
        tables = f'<div class="wl-targets">{"".join(parts)}</div>'
        return f'<p class="wl-targets-summary">{summary}</p>', tables

    def show(self, result: tuple[str, str]) -> None:
        self.summary.value, self.tables.value = result


def _fixed_cells(r: TargetRow) -> Row:
    """A register row's own cells: title, kind, target, horizon, source line."""
    lang = current_lang()
    return [
        (r.title_nl if lang == "nl" else r.title_en, "text"),
        (f"kind_{r.kind}", "label"),
        (fmt_target(r.value, r.value_high, r.unit, r.comparator), "text"),
        ("" if r.horizon is None else str(r.horizon), "text"),
        (label("line_ref").format(line=r.source_line), "text"),
    ]


@lru_cache(maxsize=64)
def _status_cell(lang: str, state: str, tested: bool) -> tuple[object, str]:
    """A light (symbol and word) for ok, fail and info; plain words otherwise (in `lang`,
    the active language: the key of the cache)."""
    if state in LIGHTS:
        return markup.status(state, label(f"target_{state}")), "text"
    if state == "assumption" and not tested:
        return "target_assumption_untested", "label"
    return f"target_{state}", "label"


def _scenario_text(value: float, measured: float, year: int | None, unit: str) -> str:
    """The scenario's value of a computed target, or the measured value with its year."""
    if not math.isnan(measured):
        amount = fmt_amount(measured, unit)
        return label("measured_in").format(value=amount, year=int(year or 0))
    return "" if math.isnan(value) else fmt_amount(value, unit)


def _outcome_row(o: Tested, indicator: str | None, a: Assumptions, explained: set[str]) -> Row:
    """The row under an assumption that shows the outcome testing it."""
    if o.check is not None:  # Overzicht's check, in Overzicht's words (explained once)
        title, word, explain = check_texts(o.check)
        text = f"↳ {title}" if o.key in explained else f"↳ {title}: {explain}"
        explained.add(o.key)
        share = o.check.extra.get(SEGMENT_OF.get(indicator or "", ""), None)
        shown = "" if share is None else fmt_percent(share)
        where = fmt_lines(o.source.lines)
        return [
            (text, "text"),
            ("", "text"),
            ("", "text"),
            ("", "text"),
            (where, "text"),
            (markup.status(o.status, word), "text"),
            (shown, "text"),
        ]
    return _ambition_outcome_row(o, a)


def _ambition_outcome_row(o: Tested, a: Assumptions) -> Row:
    """The build path (a light: line 562) or the chance (information) against the source's
    ambition."""
    path = o.key == "build_path"
    status = markup.status(o.status, label(f"target_{o.status}"))
    return [
        (outcome_title(o, a), "text"),
        ("", "text"),
        (fmt_target(o.target, None, "homes", "at_least") if path else "", "text"),
        (str(o.horizon), "text"),
        (fmt_lines(o.source.lines) if path else "", "text"),
        (status, "text"),
        (outcome_value(o), "text"),
    ]
