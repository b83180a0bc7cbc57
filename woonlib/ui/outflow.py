"""Uitstroom & urgentie: Tabel 1 per group per year against the care homes."""

from __future__ import annotations

from typing import Any

from woonlib.model.assumptions import DEFAULTS, OUTFLOW_FIELDS, SHARE_FIELDS
from woonlib.model.core import Outflow, results
from woonlib.model.outcome import Outcome
from woonlib.model.outflow import outflow_groups, outflow_items
from woonlib.report import charts
from woonlib.report.labels import current_lang, label, using
from woonlib.ui.panel import Panel
from woonlib.ui.shared import chart_row, html
from woonlib.ui.tables import Cell, html_table, item_table


def outflow_rows(outflow: Outflow) -> list[list[Cell]]:
    """Rows of Tabel 1 as the source prints them (lines 2830–2847): each group under the
    total, and under the institutions' subtotal its groups as "waarvan" rows, so the column
    reads 135 + 132 + 13 = 280 and not as eight rows to add."""
    lang = current_lang()
    groups = outflow_groups(outflow)
    rows = {group: (homes, unknown) for group, _, homes, unknown in groups}

    def row(group: str, name: str) -> list[Cell]:
        homes, unknown = rows[group]
        remark = label("unknown", lang) if unknown else ""
        return [(name, "text"), (homes, "homes/year"), (remark, "text")]

    out: list[list[Cell]] = []
    subtotal_shown = False
    for group, parent, _, _ in groups:
        name = label(str(group))
        if parent == "institutions":
            if not subtotal_shown:  # the subtotal first, its groups under it
                out.append(row("institutions", label("institutions_subtotal")))
                subtotal_shown = True
            out.append(row(str(group), f"{label('of_which')} {name[:1].lower()}{name[1:]}"))
        elif parent == "total" and group != "institutions":
            out.append(row(str(group), name))
    out.append(row("total", label("total")))
    return out


class OutflowPanel(Panel):
    title_key = "tab_outflow"
    depends = frozenset(
        {
            *OUTFLOW_FIELDS,
            "start_year",
            "target_year",
            "target_year_inclusive",
            "care_share_social_rent",
            "care_base",
            "care_outflow_norm",
            "ambition_homes",
            *SHARE_FIELDS,
        }
    )

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.fig_outflow = self.figure(
            lambda: charts.outflow_figure(results(self.data, DEFAULTS).outflow),
            "outflow",
        )
        self.fig_care = self.figure(
            lambda: charts.care_vs_outflow_figure(results(self.data, DEFAULTS).outflow),
            "care",
        )
        self.table = html()
        self.summary = html()
        note = lambda: f'<div class="wl-note">{label("youth_care_unknown")}</div>'  # noqa: E731
        self.children = [
            self.heading("assumptions"),
            *self.make_controls((*OUTFLOW_FIELDS, "care_outflow_norm")),
            self.text(html(), "value", note),
            chart_row([self.fig_outflow, self.fig_care]),
            self.table,
            self.summary,
        ]

    def compute(self, o: Outcome) -> dict[str, Any]:
        """The outflow per group against the care homes (the core's values)."""
        return {"outflow": o.results.outflow}

    def show(self, result: dict[str, Any]) -> None:
        lang = self.lang
        outflow = result["outflow"]
        with self.fig_outflow.batch_update(), using(lang):
            charts.update_outflow(self.fig_outflow, outflow)
        with self.fig_care.batch_update():
            charts.update_care_vs_outflow(self.fig_care, outflow)
        with using(lang):
            self.table.value = html_table(
                label("chart_outflow", lang),
                [label("group", lang), label("homes_per_year_unit", lang), label("remark", lang)],
                outflow_rows(outflow),
            )
            self.summary.value = item_table(label("outflow_vs_care", lang), outflow_items(outflow))
