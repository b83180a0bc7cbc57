"""Huishoudens & programma: forecasts, basis vs ambition vs programme, build path."""

from __future__ import annotations

from typing import Any

from woonlib.model.assumptions import DEFAULTS
from woonlib.model.core import results
from woonlib.model.households import forecast_yearly
from woonlib.model.outcome import Outcome
from woonlib.model.programme import path_years, programme_items
from woonlib.report import charts
from woonlib.report.labels import label
from woonlib.ui.panel import Panel
from woonlib.ui.shared import chart_row, html
from woonlib.ui.tables import item_table

CONTROLS = (
    "forecast",
    "shortage_catch_up",
    "ambition_homes",
    "start_year",
    "target_year",
    "target_year_inclusive",
    "build_rate",
    "plan_failure_surcharge",
)
TABLE_ITEMS = (
    "basis_demand",
    "shortage_catch_up",
    "basis_homes",
    "ambition_homes",
    "programme_homes",
    "programme_homes_appendix",
    "plan_capacity_needed",
    "programme_gap",
    "programme_gap_appendix",
    "programme_years",
    "required_rate",
    "build_rate",
    "built_at_rate",
    "build_shortfall",
)


class ProgrammePanel(Panel):
    title_key = "tab_programme"
    depends = frozenset(CONTROLS)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.yearly = forecast_yearly(self.data)  # static: read once
        self.fig_households = self.figure(
            lambda: charts.households_figure(self.yearly, DEFAULTS.forecast),
            "households",
        )
        self.fig_programme = self.figure(
            lambda: charts.programme_figure(results(self.data, DEFAULTS).programme),
            "programme",
        )
        self.fig_path = self.figure(
            lambda: charts.build_path_figure(path_years(DEFAULTS)), "build-path"
        )
        self.highlighted: str | None = DEFAULTS.forecast  # the forecast the chart shows
        # a switch rebuilds the chart's traces from the defaults: highlight again after it
        self.when_relabelled(lambda: setattr(self, "highlighted", DEFAULTS.forecast))
        self.table = html()
        controls = self.make_controls(CONTROLS)
        self.children = [
            self.heading("assumptions"),
            *controls,
            self.fig_households,
            chart_row([self.fig_programme, self.fig_path]),
            self.table,
        ]

    def compute(self, o: Outcome) -> dict[str, Any]:
        """The chosen forecast, the programme's values and the build path (plain values)."""
        return {
            "forecast": o.a.forecast,
            "programme": o.results.programme,
            "path": path_years(o.a),
        }

    def show(self, result: dict[str, Any]) -> None:
        if result["forecast"] != self.highlighted:  # the forecasts' lines stay as they are
            with self.fig_households.batch_update():
                charts.update_households(self.fig_households, result["forecast"])
            self.highlighted = result["forecast"]
        with self.fig_programme.batch_update():
            charts.update_programme(self.fig_programme, result["programme"])
        with self.fig_path.batch_update():
            charts.update_build_path(self.fig_path, result["path"])
        items = {item[0]: item for item in programme_items(result["programme"])}
        self.table.value = item_table(label("chart_programme"), [items[k] for k in TABLE_ITEMS])
