"""Bronnen: every table with its source and lines, the assumptions, the data notes.

Every text is in the page's language: table titles and descriptions from the data package's
Dutch and English fields, units, ranges and source references through the label catalogue.
"""

from __future__ import annotations

from html import escape
from typing import Any

from woonlib.model.assumptions import DEFAULTS
from woonlib.report.export import assumptions_table, sources_table
from woonlib.report.labels import fmt_quantity, label, pick, unit_label, using
from woonlib.ui.panel import Panel, heading_html
from woonlib.ui.shared import html
from woonlib.ui.tables import html_table


class SourcesPanel(Panel):
    title_key = "tab_sources"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.children = [self.text(html(), "value", self._page)]  # static text: one widget

    def _page(self) -> str:
        """Every text of the tab, in the active language."""
        lang = self.lang
        with using(lang):
            src = sources_table(self.data)
            tables = html_table(
                label("sources", lang),
                [label(k, lang) for k in ("table", "description", "unit", "source")],
                [
                    [
                        (r.title, "text"),
                        (r.description, "text"),
                        (unit_label(str(r.unit)), "text"),
                        (f"{r.source_table}, {r.lines}" if r.lines else r.source_table, "text"),
                    ]
                    for r in src.itertuples()
                ],
            )
            ass = assumptions_table(DEFAULTS)
            assumptions = html_table(
                label("assumptions", lang),
                [label(k, lang) for k in ("assumption", "default", "allowed", "source")],
                [
                    [
                        (r.label, "text"),
                        (fmt_quantity(r.default, str(r.unit)), "text"),
                        (r.allowed, "text"),
                        (r.source, "text"),
                    ]
                    for r in ass.itertuples()
                ],
            )
        resources = self.data.resources
        with using(lang):
            notes = "".join(
                f'<div class="wl-note"><b>{escape(pick(resources[n.resource], "title"))}</b>: '
                f"{escape(pick(n.to_dict(), 'text'))}</div>"
                for n in self.data.notes
            )
        head = heading_html(label("data_notes", lang))
        return head + notes + tables + assumptions
