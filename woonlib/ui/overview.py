"""Overzicht: headline indicators and the policy checks as traffic lights."""

from __future__ import annotations

from html import escape
from typing import Any

from woonlib.model.indicators import checks, indicators
from woonlib.model.outcome import Outcome
from woonlib.model.registry import unit_of
from woonlib.report.labels import check_texts, fmt_value, label
from woonlib.report.markup import SYMBOLS
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
# A light only where a norm is set (the Woonvisie's or the advisor's own); information is
# shown in a neutral grey, never as "niet gehaald".
LIGHTS = {"ok": "#009E73", "fail": "#D55E00", "info": "#6B6B6B"}


class OverviewPanel(Panel):
    title_key = "tab_overview"
    depends = EVERY

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.cards = html()  # headline cards and policy checks: one widget, one update
        self.children = [self.cards]

    def compute(self, o: Outcome) -> str:
        a = o.a
        ind = indicators(self.data, a)
        lang = self.lang
        cards = "".join(
            f'<div class="wl-card" role="group" aria-label="{escape(label(k, lang))}">'
            f'<div class="wl-card-v">{escape(fmt_value(ind[k], unit_of(k), lang))}</div>'
            f'<div class="wl-card-l">{escape(label(k, lang))}</div></div>'
            for k in CARDS
        )
        rows = []
        for check in checks(self.data, a):
            colour, symbol = LIGHTS[check.status], SYMBOLS[check.status]
            title, status, explain = check_texts(check, lang)
            rows.append(
                f'<tr class="wl-check wl-check-{check.status}" data-check="{check.check}">'
                f'<td><span style="display:inline-block;width:22px;height:22px;'
                f"border-radius:11px;background:{colour};color:white;text-align:center;"
                f'font-weight:700">{symbol}</span></td>'
                f"<td><b>{escape(title)}</b> — {escape(status)}"
                f"<br><small>{escape(explain)}</small></td></tr>"
            )
        return (
            f'{heading_html(label("headline", lang))}<div class="wl-cards">{cards}</div>'
            f"{heading_html(label('policy_checks', lang))}"
            f'<table class="wl-table">{"".join(rows)}</table>'
        )

    def show(self, result: str) -> None:
        self.cards.value = result
