"""Overzicht: headline indicators and the policy checks as traffic lights."""

from __future__ import annotations

from html import escape
from typing import Any

from woonlib.model.outcome import Outcome
from woonlib.model.registry import unit_of
from woonlib.report import markup
from woonlib.report.labels import fmt_value, label, using
from woonlib.ui.panel import EVERY, Panel, heading_html
from woonlib.ui.shared import html

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

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.cards = html()  # headline cards and policy checks: one widget, one update
        self.children = [self.cards]

    def compute(self, o: Outcome) -> str:
        ind, lang = o.indicators, self.lang
        with using(lang):
            cards = "".join(
                f'<div class="wl-card" role="group" aria-label="{escape(label(k, lang))}">'
                f'<div class="wl-card-v">{escape(fmt_value(ind[k], unit_of(k)))}</div>'
                f'<div class="wl-card-l">{escape(label(k, lang))}</div></div>'
                for k in CARDS
            )
            return (
                f'{heading_html(label("headline", lang))}<div class="wl-cards">{cards}</div>'
                f"{heading_html(label('policy_checks', lang))}"
                f"{markup.check_table(o.checks)}"
            )

    def show(self, result: str) -> None:
        self.cards.value = result
