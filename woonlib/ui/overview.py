"""Overzicht: the path to the ambition (one headline chart) beside the headline figures, and
the policy checks as traffic lights below."""

from __future__ import annotations

from html import escape
from typing import Any

from woonlib.data.monitor import Monitor
from woonlib.model.outcome import Outcome
from woonlib.model.progress import RealisedPath, realised_path, scenario_fan_values
from woonlib.model.registry import unit_of
from woonlib.model.uncertainty import FanValues
from woonlib.report import markup
from woonlib.report import progress_charts as pc
from woonlib.report.labels import fmt_value, label, using
from woonlib.ui.panel import EVERY, Panel, heading_html
from woonlib.ui.shared import hbox, html, vbox

CARDS = (  # headline indicators shown as cards (units and labels: model.registry)
    "ambition_homes",
    "basis_homes",
    "programme_homes",
    "plan_capacity_needed",
    "affordable_share_programme",
    "affordable_share_programme_net",
    "care_homes_from_social_rent",
    "elderly_task_total",
    "outflow_homes_per_year",
)


class OverviewPanel(Panel):
    title_key = "tab_overview"
    depends = EVERY
    follows = frozenset({"monitor"})  # the chart's realised years come from the monitor

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        fan, realised = self._path(self.state.assumptions)
        self.chart = self.figure(lambda: pc.path_to_ambition_figure(fan, realised), "headline")
        self.cards = html(flex="1 1 360px", min_width="0")  # the headline figures
        self.checks = html()  # the policy checks
        self.children = [
            hbox(
                [vbox([self.chart], flex="1 1 520px", min_width="0"), self.cards],
                flex_flow="row wrap",
                align_items="flex-start",
            ),
            self.checks,
        ]
        self.add_class("wl-overview")

    @property
    def monitor(self) -> Monitor:
        return self.state.monitor

    def _path(self, a: Any) -> tuple[FanValues, RealisedPath]:
        return scenario_fan_values(self.data, a, self.monitor), realised_path(self.monitor, a)

    def compute(self, o: Outcome) -> tuple[tuple[FanValues, RealisedPath], str, str]:
        ind = o.indicators
        with using(self.lang):
            cards = "".join(
                f'<div class="wl-card" role="group" aria-label="{escape(label(k))}">'
                f'<div class="wl-card-v">{escape(fmt_value(ind[k], unit_of(k)))}</div>'
                f'<div class="wl-card-l">{escape(label(k))}</div></div>'
                for k in CARDS
            )
            checks = f"{heading_html(label('policy_checks'))}{markup.check_table(o.checks)}"
            return (
                self._path(o.a),
                f'{heading_html(label("headline"))}<div class="wl-cards">{cards}</div>',
                checks,
            )

    def show(self, result: tuple[tuple[FanValues, RealisedPath], str, str]) -> None:
        (fan, realised), self.cards.value, self.checks.value = result
        with self.chart.batch_update():
            pc.update_path_to_ambition(self.chart, fan, realised)
