"""The charts' look in one place: the colours of the segments and series, and one plotly
template (`woonlib`) registered once, used by every chart of the page and the memo.

The values follow the design note (`docs/design.md`): the Okabe–Ito palette, distinguishable
with the common colour-vision deficiencies, and the page's type scale (body 14 px).
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Okabe–Ito: distinguishable with the common colour-vision deficiencies. A segment or a
# series has one colour in every chart (the page, the memo).
COLOURS = {
    "social_rent": "#0072B2",
    "mid_priced": "#E69F00",
    "expensive": "#CC79A7",
    "mid_rent": "#E69F00",
    "affordable_purchase": "#F3C777",
    "expensive_rent": "#CC79A7",
    "expensive_purchase": "#E6B8D3",
    "zero_step": "#009E73",
    "clustered": "#56B4E9",
    "care_suitable": "#D55E00",
    "cbs_2022": "#000000",
    "primos_2021": "#56B4E9",
    "primos_2022": "#009E73",
    "trend_2021": "#E69F00",
    "highlight": "#D55E00",
    "neutral": "#999999",
    "target": "#D55E00",
}
COLORWAY = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TEXT = "#1b1b1b"  # the page's text colour (design.css --wl-text)
GRID = "#e3e3e3"
TEMPLATE = "woonlib"


def _template() -> go.layout.Template:
    """plotly_white with the page's font, text colour, type scale and palette."""
    base = pio.templates["plotly_white"]
    template = go.layout.Template(base)
    template.layout.update(
        font={"family": FONT, "size": 14, "color": TEXT},
        title={"font": {"size": 17, "color": TEXT}},
        colorway=list(COLORWAY),
        xaxis={"gridcolor": GRID, "linecolor": "#8c8c8c", "tickfont": {"size": 13}},
        yaxis={"gridcolor": GRID, "linecolor": "#8c8c8c", "tickfont": {"size": 13}},
        legend={"font": {"size": 13}},
        hoverlabel={"font": {"family": FONT, "size": 13}},
    )
    return template


def register() -> str:
    """Register the `woonlib` template (once per process) and return its name."""
    if TEMPLATE not in pio.templates:
        pio.templates[TEMPLATE] = _template()
    return TEMPLATE
