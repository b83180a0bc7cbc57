"""Segmenten: the 30/40/30 split against Figuur 5, market segments, care homes."""

from __future__ import annotations

from typing import Any

from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS
from woonlib.model.outcome import Outcome
from woonlib.model.segments import (
    PROGRAMME_SERIES,
    affordability_table,
    care_table,
    market_segments,
    segment_comparison,
)
from woonlib.report import charts
from woonlib.report.labels import label
from woonlib.ui.panel import Panel
from woonlib.ui.shared import html
from woonlib.ui.shares import ShareGroup
from woonlib.ui.tables import html_table
from woonlib.vocab import SEGMENT_SERIES, SEGMENTS

CARE_CONTROLS = ("care_share_social_rent", "care_base")
NORM_CONTROLS = ("affordable_basis", "split_norm_tolerance")


class SegmentsPanel(Panel):
    title_key = "tab_segments"
    depends = frozenset({"ambition_homes", *SHARE_FIELDS, *CARE_CONTROLS, *NORM_CONTROLS})

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.share_group = self.add_control(
            ShareGroup(DEFAULTS.shares, self._on_change, self.callback)
        )
        self.fig_segments = self.figure(
            lambda: charts.segments_figure(segment_comparison(self.data, DEFAULTS), self.lang),
            "segments",
        )
        market = market_segments(self.data)
        self.fig_market = self.figure(lambda: charts.market_figure(market, self.lang), "market")
        self.table = html()
        self.afford = html()
        self.care = html()
        self.market_table = self.text(html(), "value", lambda: self._market_table(market))
        care_controls = self.make_controls(CARE_CONTROLS)
        norm_controls = self.make_controls(NORM_CONTROLS)
        self.children = [
            self.heading("segment_shares"),
            self.share_group,
            self.fig_segments,
            self.table,
            self.heading("affordability"),
            *norm_controls,
            self.afford,
            self.heading("care"),
            *care_controls,
            self.care,
            self.heading("market_segments"),
            self.fig_market,
            self.market_table,
        ]

    def compute(self, o: Outcome) -> dict[str, Any]:
        a = o.a
        return {
            "comparison": segment_comparison(self.data, a),
            "afford": affordability_table(self.data, a),
            "judged": {"scenario", PROGRAMME_SERIES[a.affordable_basis]},
            "care": care_table(self.data, a),
        }

    def show(self, result: dict[str, Any]) -> None:
        lang = self.lang
        comparison = result["comparison"]
        with self.fig_segments.batch_update():
            charts.update_segments(self.fig_segments, comparison)
        wide = comparison.pivot(index="series", columns="segment", values="homes")
        self.table.value = html_table(
            label("chart_segments", lang),
            [label("series", lang), *(label(s, lang) for s in SEGMENTS), label("total", lang)],
            [
                [(s, "label"), *((wide.loc[s, seg], "homes") for seg in (*SEGMENTS, "total"))]
                for s in SEGMENT_SERIES
            ],
            lang,
        )
        afford, judged = result["afford"], result["judged"]
        self.afford.value = html_table(
            label("affordability", lang),
            [
                label("series", lang),
                label("affordable_homes", lang),
                label("total", lang),
                label("affordable_share", lang),
                label("affordable_target_met", lang),
            ],
            [
                [
                    (r.series, "label"),
                    (r.affordable_homes, "homes"),
                    (r.total, "homes"),
                    (r.affordable_share, "fraction"),
                    (bool(r.target_met), "bool") if r.series in judged else ("info", "label"),
                ]
                for r in afford.itertuples()
            ],
            lang,
        )
        care = result["care"]
        self.care.value = html_table(
            label("care", lang),
            [
                label("care_base", lang),
                label("social_rent", lang),
                label("care_share_social_rent", lang),
                label("care_homes_from_social_rent", lang),
            ],
            [
                [
                    (r.base, "label"),
                    (r.social_rent_homes, "homes"),
                    (r.care_share, "fraction"),
                    (r.care_homes, "homes"),
                ]
                for r in care.itertuples()
            ],
            lang,
        )

    def _market_table(self, market: Any) -> str:
        lang = self.lang
        wide = market.pivot_table(
            index=["segment", "row"], columns="scenario", values="homes", sort=False
        )
        rows = []
        for (segment, row), values in wide.iterrows():
            rows.append(
                [
                    (segment, "label"),
                    (f"row_{row}", "label"),
                    *((values.get(s), "homes") for s in ("basis", "growth", "programme")),
                ]
            )
        return html_table(
            label("chart_market", lang),
            [
                label("segment", lang),
                label("type", lang),
                label("basis", lang),
                label("growth", lang),
                label("programme", lang),
            ],
            rows,
            lang,
        )
