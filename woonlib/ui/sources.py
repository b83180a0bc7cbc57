"""Bronnen: every table with its source and lines, the assumptions, the data notes."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from woonlib.assumptions import DEFAULTS
from woonlib.export import assumptions_table, sources_table
from woonlib.labels import fmt_value, label
from woonlib.ui.panel import Panel, heading
from woonlib.ui.tables import STYLE, html_table


class SourcesPanel(Panel):
    title_key = "tab_sources"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        lang = self.lang
        src = sources_table(self.data)
        tables = html_table(
            label("sources", lang),
            [
                label("table", lang),
                label("title", lang),
                label("source_table", lang),
                label("lines", lang),
            ],
            [
                [
                    (r.table, "text"),
                    (r.title, "text"),
                    (r.source_table, "text"),
                    (f"{r.first_line}–{r.last_line}", "text"),
                ]
                for r in src.itertuples()
            ],
            lang,
        )
        ass = assumptions_table(DEFAULTS, lang)
        assumptions = html_table(
            label("assumptions", lang),
            [
                label("assumption", lang),
                label("default", lang),
                label("allowed", lang),
                label("source", lang),
            ],
            [
                [
                    (r.label, "text"),
                    (fmt_value(r.default, r.unit, lang), "text"),
                    (r.allowed, "text"),
                    (r.source, "text"),
                ]
                for r in ass.itertuples()
            ],
            lang,
        )
        notes = "".join(
            f'<div class="wl-note"><b>{escape(n.resource)}</b>: '
            f"{escape(n.text_nl if lang == 'nl' else n.text)}</div>"
            for n in self.data.notes
        )
        self.children = [
            W.HTML(STYLE),
            heading(label("data_notes", lang)),
            W.HTML(notes),
            W.HTML(tables),
            W.HTML(assumptions),
        ]
