"""Vergelijken: two scenarios side by side — headline indicators with differences, and the
main charts overlaid. A scenario is the current one, a preset, or a loaded file."""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import plotly.graph_objects as go

from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.model.core import results
from woonlib.model.indicators import indicators
from woonlib.model.outcome import Outcome, outcome
from woonlib.model.presets import PRESETS
from woonlib.model.registry import unit_of
from woonlib.report.charts import apply_layout, put
from woonlib.report.labels import fmt_value, label, shown, unit_label, using
from woonlib.report.theme import COLOURS
from woonlib.ui.panel import EVERY, Panel
from woonlib.ui.shared import DescriptionStyle, chart_row, hbox, html, layout, style
from woonlib.ui.tables import html_table
from woonlib.vocab import SEGMENTS

ROWS = (  # headline indicators compared (units and labels: model.registry)
    "ambition_homes",
    "basis_homes",
    "plan_capacity_needed",
    "affordable_share_scenario",
    "affordable_target_met",
    "care_homes_from_social_rent",
    "elderly_task_total",
    "elderly_share_of_ambition",
    "outflow_homes_per_year",
    "outflow_cumulative",
    "probability_reaching_ambition",
    "build_rate_needed",
)
BAR_ROWS = ("ambition_homes", "basis_homes", "plan_capacity_needed", "elderly_task_total")
SIDE_COLOURS = (COLOURS["social_rent"], COLOURS["mid_priced"])  # A, B: Okabe–Ito blue, orange


class ComparePanel(Panel):
    """Pick A and B among `scenarios()`: the current one, the presets, a loaded file."""

    title_key = "tab_compare"
    depends = EVERY  # "current" follows every slider
    follows = frozenset({"loaded"})  # a loaded file is offered

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.current: Outcome | None = None
        options = self._options()
        look = {
            "style": style(DescriptionStyle, description_width="90px"),
            "layout": layout(),
        }
        self.pick_a = W.Dropdown(options=options, value="current", **look)
        self.pick_b = W.Dropdown(options=options, value="woonvisie_2024", **look)
        self.pick_a.add_class("wl-wide-choice")
        self.pick_b.add_class("wl-wide-choice")
        for pick, key in ((self.pick_a, "compare_a"), (self.pick_b, "compare_b")):
            self.text(pick, "description", key)
            self.text(pick, "tooltip", key)
            pick.observe(self.callback(lambda _: self.refresh()), names="value")
        self.when_relabelled(self.refresh_options)
        self.table = html()
        # Built with data: restyles sent before the page shows a figure do not reach it.
        first = lambda key: self._series(self.compute(outcome(self.data, DEFAULTS)))[key]  # noqa: E731
        self.fig_indicators = self.figure(
            lambda: self._pair_figure("compare_indicators", first("indicators")), "compare"
        )
        self.fig_segments = self.figure(
            lambda: self._pair_figure("compare_segments", first("segments")), "compare-segments"
        )
        self.children = [
            self.heading("compare_title"),
            hbox([self.pick_a, self.pick_b]).add_class("wl-toolbar"),
            self.table,
            chart_row([self.fig_indicators, self.fig_segments]),
        ]

    def scenarios(self) -> dict[str, tuple[str, Assumptions]]:
        """What can be compared: key -> (label, assumptions)."""
        out = {"current": (label("compare_current"), self.state.assumptions)}
        out.update({k: (label(p.label), p.assumptions) for k, p in PRESETS.items()})
        if self.state.loaded is not None:
            name, a = self.state.loaded
            out["loaded"] = (f"{label('compare_loaded')}: {name}", a)
        return out

    def follow(self, name: str) -> None:
        self.refresh_options()

    def _options(self) -> list[tuple[str, str]]:
        return [(text, key) for key, (text, _) in self.scenarios().items()]

    def refresh_options(self) -> None:
        """Offer what `scenarios()` lists now (e.g. after a file was loaded)."""
        options = self._options()
        keys = {k for _, k in options}
        for pick in (self.pick_a, self.pick_b):
            value = pick.value if pick.value in keys else "current"
            pick.options = options
            pick.value = value

    def refresh(self) -> None:
        if self.current is not None:
            self.show(self.compute(self.current))

    def _series(self, result: dict[str, Any]) -> dict[str, list[tuple[str, list, list]]]:
        """(name, x, y) of A and B for each of the two charts."""
        lang = self.lang
        bars_x = [label(k, lang) for k in BAR_ROWS]
        seg_x = [label(s, lang) for s in SEGMENTS]
        indicators_, segments = [], []
        for name, a, ind in result["sides"]:
            indicators_.append((name, bars_x, [ind[k] for k in BAR_ROWS]))
            split = results(self.data, a).series["scenario"]  # the ambition by the shares
            segments.append((name, seg_x, [float(round(split[s])) for s in SEGMENTS]))
        return {"indicators": indicators_, "segments": segments}

    def _pair_figure(self, title_key: str, series: list[tuple[str, list, list]]) -> go.Figure:
        """Grouped bars, A and B, one colour each."""
        bars = [
            go.Bar(name=name, x=x, y=y, marker_color=colour)
            for (name, x, y), colour in zip(series, SIDE_COLOURS, strict=True)
        ]
        return apply_layout(
            go.Figure(bars),
            label(title_key),
            unit_label("homes"),
            barmode="group",
        )

    def compute(self, o: Outcome) -> dict[str, Any]:
        self.current, a = o, o.a
        options = self.scenarios()
        sides = []
        for pick in (self.pick_a, self.pick_b):
            name, scenario = options.get(pick.value, options["current"])
            if pick.value == "current":
                scenario = a
            sides.append((name, scenario, indicators(self.data, scenario)))
        return {"sides": sides}

    def show(self, result: dict[str, Any]) -> None:
        lang = self.lang
        (name_a, _, ind_a), (name_b, _, ind_b) = result["sides"]
        with using(lang):
            rows = [
                [
                    (k, "label"),
                    (ind_a[k], unit_of(k)),
                    (ind_b[k], unit_of(k)),
                    (difference(ind_a[k], ind_b[k], unit_of(k)), "text"),
                ]
                for k in ROWS
            ]
        headers = [
            label("indicator", lang),
            f"A: {name_a}",
            f"B: {name_b}",
            f"{label('difference', lang)} (B − A)",
        ]
        with using(lang):
            self.table.value = html_table(label("compare_title", lang), headers, rows)
        series = self._series(result)
        for fig, key in ((self.fig_indicators, "indicators"), (self.fig_segments, "segments")):
            with fig.batch_update():
                for trace, (name, x, y) in zip(fig.data, series[key], strict=True):
                    put(trace, x=x, y=y, name=name)


def difference(a: Any, b: Any, unit: str) -> str:
    """B − A between the values as shown (a needed rate rounded up, a chance in whole
    percent: `labels.shown`), so the difference is that of the two figures beside it; a
    yes/no row says "gelijk" or "anders", no number."""
    if unit == "bool" or isinstance(a, bool) or isinstance(b, bool):
        return label("same" if bool(a) == bool(b) else "different")
    value = shown(float(b), unit) - shown(float(a), unit)
    if abs(value) < 1e-9:
        return "0"
    sign = "+" if value > 0 else "−"
    return sign + fmt_value(abs(value), unit)
