"""Ouderen: Tabel 2 per type and period, yearly rates, share, and the background figures."""

from __future__ import annotations

from typing import Any

from woonlib.model.assumptions import DEFAULTS, ELDERLY_FIELDS
from woonlib.model.core import elderly
from woonlib.model.elderly import elderly_items
from woonlib.model.outcome import Outcome
from woonlib.report import charts
from woonlib.report.labels import label, using
from woonlib.ui.panel import Panel, heading_html
from woonlib.ui.shared import chart_row, html
from woonlib.ui.tables import html_table, item_table

CONTROLS = (*ELDERLY_FIELDS, "elderly_scale", "elderly_to_2030_inclusive")


class ElderlyPanel(Panel):
    title_key = "tab_elderly"
    depends = frozenset(
        {*CONTROLS, "start_year", "target_year", "target_year_inclusive", "ambition_homes"}
    )

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.fig_task = self.figure(lambda: charts.elderly_figure(elderly(DEFAULTS)), "elderly")
        self.table = html()
        self.summary = html()
        ages = self.figure(
            lambda: charts.age_classes_figure(self.data["age_classes"]), "age-classes"
        )
        stock = self.figure(
            lambda: charts.suitability_figure(self.data["stock_suitability"]),
            "suitability",
        )
        context = lambda: heading_html(label("elderly_context")) + self._context_table()  # noqa: E731
        self.children = [
            self.heading("assumptions"),
            *self.make_controls(CONTROLS),
            self.fig_task,
            self.table,
            self.summary,
            self.text(html(), "value", context),
            chart_row([ages, stock]),
        ]

    def compute(self, o: Outcome) -> dict[str, Any]:
        """The task per home type and period, and its totals (plain values)."""
        task = o.results.elderly
        return {"task": task, "summary": elderly_items(task)}

    def show(self, result: dict[str, Any]) -> None:
        lang = self.lang
        with self.fig_task.batch_update():
            charts.update_elderly(self.fig_task, result["task"])
        with using(lang):
            self.table.value = html_table(
                label("chart_elderly", lang),
                [
                    label("home_type", lang),
                    label("period", lang),
                    label("homes_unit", lang),
                    label("years", lang),
                    label("homes_per_year_unit", lang),
                ],
                [
                    [
                        (r.home_type, "label"),
                        (r.period, "label"),
                        (r.homes, "homes"),
                        (r.years, "years"),
                        (r.per_year, "homes/year"),
                    ]
                    for r in result["task"].rows
                ],
            )
            self.summary.value = item_table(label("elderly_totals", lang), result["summary"])

    def _context_table(self) -> str:
        lang, data = self.lang, self.data
        share = data["elderly_share"].set_index("year")["share_65plus"]
        households = data["elderly_households"].set_index("year")["households"]
        ctx = data["elderly_context"].set_index("key")
        items: list[tuple[str, float, str]] = [
            ("share_65plus_2020", share[2020] / 100, "fraction"),
            ("share_65plus_2050", share[2050] / 100, "fraction"),
            ("elderly_households_2019", households[2019], "households"),
            ("elderly_households_2040", households[2040], "households"),
            ("clustered_extra_low", ctx.loc["clustered_extra_units", "value"], "homes"),
            ("clustered_extra_high", ctx.loc["clustered_extra_units", "value_high"], "homes"),
            ("nursing_places_planned", ctx.loc["nursing_places_planned", "value"], "homes"),
            ("growth_75plus_20y", ctx.loc["growth_75plus_20y", "value"], "households"),
        ]
        with using(lang):
            return item_table(label("elderly_context", lang), items)
