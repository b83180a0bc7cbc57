"""Segmenten: the 30/40/30 split against Figuur 5, market segments, care homes."""

from __future__ import annotations

from typing import Any

from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS
from woonlib.model.core import results
from woonlib.model.outcome import Outcome
from woonlib.model.segments import PROGRAMME_SERIES, care_rows, market_segments
from woonlib.report import charts
from woonlib.report.labels import label, using
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
            lambda: charts.segments_figure(results(self.data, DEFAULTS).series),
            "segments",
        )
        market = market_segments(self.data)
        self.fig_market = self.figure(lambda: charts.market_figure(market), "market")
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
        """The series' splits, the affordable shares and the care rows (plain values)."""
        r = o.results
        return {
            "series": r.series,
            "afford": r.affordability,
            "judged": {"scenario", PROGRAMME_SERIES[o.a.affordable_basis]},
            "care": care_rows(r.care),
        }

    def show(self, result: dict[str, Any]) -> None:
        lang = self.lang
        series = result["series"]
        with self.fig_segments.batch_update():
            charts.update_segments(self.fig_segments, series)
        with using(lang):
            self.table.value = html_table(
                label("chart_segments", lang),
                [label("series", lang), *(label(s, lang) for s in SEGMENTS), label("total", lang)],
                [
                    [
                        (s, "label"),
                        *((series[s][seg], "homes") for seg in SEGMENTS),
                        (series[s].total, "homes"),
                    ]
                    for s in SEGMENT_SERIES
                ],
            )
        afford, judged = result["afford"], result["judged"]
        with using(lang):
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
                    for r in afford
                ],
            )
        care = result["care"]
        with using(lang):
            self.care.value = html_table(
                label("care", lang),
                [
                    label("care_base", lang),
                    label("social_rent", lang),
                    label("care_share_social_rent", lang),
                    label("care_homes_from_social_rent", lang),
                ],
                [
                    [(base, "label"), (social, "homes"), (share, "fraction"), (homes, "homes")]
                    for base, social, share, homes in care
                ],
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
        with using(lang):
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
            )
