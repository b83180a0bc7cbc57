"""Figure builders: the model's values in, plotly figure out; and in-place updaters.

Each chart has `<name>_figure(...)`, which builds the figure's fixed parts (traces, colours,
axes) and fills it by calling `update_<name>(fig, ...)` with the same values. The dashboard
wraps the figure in a FigureWidget once and calls the same `update_<name>` on every change,
so a figure is never rebuilt and the mapping from values to trace lives in one place. The
updaters read plain values (the core's dataclasses, `PathYear` rows), never a frame; only
the static charts (forecasts, market segments, age classes, stock) read data tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from woonlib.model.core import Elderly, Outflow, Programme, Split
from woonlib.model.programme import PathYear
from woonlib.report.labels import current_lang, fmt_number, label
from woonlib.report.theme import COLOURS, register
from woonlib.vocab import FORECASTS, HOME_TYPES, MARKET, OUTFLOW_GROUPS, SEGMENT_SERIES, SEGMENTS


def apply_layout(fig: go.Figure, title: str, y_title: str, **extra: Any) -> go.Figure:
    """The page's common layout (title, axis title, margins, legend, number format in the
    active language) on `fig`, with `extra` layout properties; returns `fig`."""
    fig.update_layout(
        title={"text": title, "x": 0.01},
        yaxis_title=y_title,
        margin={"l": 60, "r": 20, "t": 50, "b": 40},
        height=360,
        template=register(),  # report/theme.py: font, type scale, palette
        legend={"orientation": "h", "y": -0.18},
        separators=",." if current_lang() == "nl" else ".,",
        yaxis_tickformat=",d",  # 80.000 rather than 80k: whole numbers in the page's format
        **extra,
    )
    return fig


def put(obj: Any, **props: Any) -> None:
    """Set the properties of plotly object `obj` (a trace, a line, a marker) whose value
    changed: plotly validates every assignment, unchanged or not (about 16 µs each, against
    4 µs to read one), and a slider move leaves most of a tab's traces as they were."""
    for name, value in props.items():
        if obj[name] != (tuple(value) if isinstance(value, list) else value):
            obj[name] = value


def _hover() -> str:
    return "%{x}: %{y:,.0f}<extra>%{fullData.name}</extra>"


# --- households ------------------------------------------------------------------------------


def households_figure(yearly: pd.DataFrame, chosen: str) -> go.Figure:
    """The four forecasts per year, published points marked, the chosen one highlighted."""
    fig = go.Figure()
    for forecast in FORECASTS:
        rows = yearly[yearly["forecast"] == forecast]
        published = rows[rows["kind"] == "published"]
        fig.add_scatter(
            x=rows["year"],
            y=rows["households"],
            mode="lines",
            name=label(forecast),
            line={"color": COLOURS[forecast]},
            legendgroup=forecast,
            hovertemplate=_hover(),
        )
        fig.add_scatter(
            x=published["year"],
            y=published["households"],
            mode="markers",
            name=label(forecast),
            showlegend=False,
            legendgroup=forecast,
            marker={"color": COLOURS[forecast], "size": 8},
            hovertemplate=_hover(),
        )
    apply_layout(fig, label("chart_households"), label("households"))
    update_households(fig, chosen)
    return fig


def update_households(fig: go.Figure, chosen: str) -> None:
    """Highlight the chosen forecast (thick line), dim the others."""
    for i, forecast in enumerate(FORECASTS):
        line, points = fig.data[2 * i], fig.data[2 * i + 1]
        on = forecast == chosen
        put(line.line, width=4 if on else 1.5, dash="solid" if on else "dot")
        put(line, opacity=1.0 if on else 0.6)
        put(points, opacity=1.0 if on else 0.6)


# --- programme -------------------------------------------------------------------------------

PROGRAMME_BARS = (
    "basis_homes",
    "ambition_homes",
    "programme_homes",
    "programme_homes_appendix",
    "plan_capacity_needed",
)


def programme_figure(programme: Programme) -> go.Figure:
    """Basis vs ambition vs current programme vs plan capacity needed  [homes]."""
    fig = go.Figure()
    colours = [
        COLOURS["neutral"],
        COLOURS["social_rent"],
        COLOURS["mid_priced"],
        COLOURS["affordable_purchase"],
        COLOURS["target"],
    ]
    fig.add_bar(
        x=[label(k) for k in PROGRAMME_BARS],
        y=[0] * len(PROGRAMME_BARS),
        marker_color=colours,
        texttemplate="%{y:,.0f}",
        textposition="outside",
        hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        name=label("homes_unit"),
    )
    apply_layout(fig, label("chart_programme"), label("homes_unit"))
    update_programme(fig, programme)
    return fig


def update_programme(fig: go.Figure, programme: Programme) -> None:
    """The bars of `PROGRAMME_BARS` from the programme's values  [homes]."""
    put(fig.data[0], y=[float(getattr(programme, k)) for k in PROGRAMME_BARS])


def build_path_figure(path: Sequence[PathYear]) -> go.Figure:
    """Cumulative homes at the build rate against the straight path to the ambition."""
    fig = go.Figure()
    fig.add_bar(
        x=[],
        y=[],
        name=label("built_at_rate"),
        marker_color=COLOURS["social_rent"],
        hovertemplate=_hover(),
    )
    fig.add_scatter(
        x=[],
        y=[],
        name=label("ambition_homes"),
        mode="lines+markers",
        line={"color": COLOURS["target"], "width": 3},
        hovertemplate=_hover(),
    )
    apply_layout(fig, label("chart_build_path"), label("homes_unit"))
    update_build_path(fig, path)
    return fig


def update_build_path(fig: go.Figure, path: Sequence[PathYear]) -> None:
    """Cumulative homes at the build rate and the straight path, per building year."""
    years = [int(r.year) for r in path]
    put(fig.data[0], x=years, y=[float(r.cumulative) for r in path])
    put(fig.data[1], x=years, y=[float(r.target_cumulative) for r in path])


# --- segments --------------------------------------------------------------------------------


def segments_figure(series: Mapping[str, Split]) -> go.Figure:
    """Homes per segment: the scenario's split against Figuur 5 and appendix 5.3."""
    fig = go.Figure()
    for segment in SEGMENTS:
        fig.add_bar(
            x=[label(s) for s in SEGMENT_SERIES],
            y=[0] * len(SEGMENT_SERIES),
            name=label(segment),
            marker_color=COLOURS[segment],
            texttemplate="%{y:,.0f}",
            textposition="outside",
            hovertemplate=_hover(),
        )
    apply_layout(fig, label("chart_segments"), label("homes_unit"), barmode="group")
    update_segments(fig, series)
    return fig


def update_segments(fig: go.Figure, series: Mapping[str, Split]) -> None:
    """One bar per series of `SEGMENT_SERIES` in each segment's trace  [homes]."""
    for trace, segment in zip(fig.data, SEGMENTS, strict=True):
        put(trace, y=[series[s][segment] for s in SEGMENT_SERIES])


def market_figure(market: pd.DataFrame) -> go.Figure:
    """Appendix 5.3: the five market segments per scenario, stacked (static data)."""
    totals = market[market["row"] == "total"]
    fig = go.Figure()
    scenarios = ("basis", "growth", "programme")
    for segment in MARKET:
        rows = totals[totals["segment"] == segment].set_index("scenario")["homes"]
        fig.add_bar(
            x=[label(s) for s in scenarios],
            y=[float(rows[s]) for s in scenarios],
            name=label(segment),
            marker_color=COLOURS[segment],
            hovertemplate=_hover(),
        )
    return apply_layout(fig, label("chart_market"), label("homes_unit"), barmode="relative")


# --- elderly ---------------------------------------------------------------------------------


def elderly_figure(task: Elderly) -> go.Figure:
    """Tabel 2: the task per period, stacked by home type  [homes]."""
    fig = go.Figure()
    for home_type in HOME_TYPES:
        fig.add_bar(
            x=[label("to_2030"), label("2030_2040")],
            y=[0, 0],
            name=label(home_type),
            marker_color=COLOURS[home_type],
            texttemplate="%{y:,.0f}",
            hovertemplate=_hover(),
        )
    apply_layout(fig, label("chart_elderly"), label("homes_unit"), barmode="stack")
    update_elderly(fig, task)
    return fig


def update_elderly(fig: go.Figure, task: Elderly) -> None:
    """The task of each home type (one trace each) in both periods  [homes]."""
    for trace, home_type in zip(fig.data, HOME_TYPES, strict=True):
        put(trace, y=[float(task.homes(home_type, p)) for p in ("to_2030", "2030_2040")])


def age_classes_figure(ages: pd.DataFrame) -> go.Figure:
    """Age classes 2020 and 2050, shares of inhabitants as published  [%]."""
    fig = go.Figure()
    for column, colour in (
        ("share_2020", COLOURS["neutral"]),
        ("share_2050", COLOURS["clustered"]),
    ):
        fig.add_bar(
            x=list(ages["age_class"]),
            y=[float(v) for v in ages[column]],
            name=column.removeprefix("share_"),
            marker_color=colour,
            hovertemplate="%{x}: %{y:.1f}%<extra>%{fullData.name}</extra>",
        )
    return apply_layout(fig, label("chart_age_classes"), "%", barmode="group")


def suitability_figure(stock: pd.DataFrame) -> go.Figure:
    """Suitability of the housing stock for the elderly, overall and by tenure  [%]."""
    fig = go.Figure()
    parts = (
        ("suitable", "#009E73"),
        ("can_be_made_suitable", "#F0E442"),
        ("not_suitable", "#999999"),
    )
    for column, colour in parts:
        fig.add_bar(
            y=[label(f"tenure_{t}") for t in stock["tenure"]],
            x=[float(v) for v in stock[column]],
            orientation="h",
            name=label(column),
            marker_color=colour,
            hovertemplate="%{y}: %{x:.0f}%<extra>%{fullData.name}</extra>",
        )
    return apply_layout(fig, label("chart_suitability"), "", barmode="stack", xaxis_title="%")


# --- outflow ---------------------------------------------------------------------------------


def outflow_figure(outflow: Outflow) -> go.Figure:
    """Tabel 1: homes per year per group; an unknown group is marked, not hidden."""
    fig = go.Figure()
    fig.add_bar(
        x=[label(g) for g in OUTFLOW_GROUPS],
        y=[0] * len(OUTFLOW_GROUPS),
        marker_color=COLOURS["social_rent"],
        texttemplate="%{text}",
        textposition="outside",
        hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        name=label("homes_per_year_unit"),
    )
    apply_layout(fig, label("chart_outflow"), label("homes_per_year_unit"))
    update_outflow(fig, outflow)
    return fig


def update_outflow(fig: go.Figure, outflow: Outflow) -> None:
    """Homes a year per group of `OUTFLOW_GROUPS`; a group unknown in the source hatched."""
    values = [float(outflow.per_group[g]) for g in OUTFLOW_GROUPS]
    unknown = [bool(outflow.unknown[g]) for g in OUTFLOW_GROUPS]
    text = [
        f"{fmt_number(v)} ({label('unknown')})" if u else fmt_number(v)
        for v, u in zip(values, unknown, strict=True)
    ]
    put(fig.data[0], y=values, text=text)
    put(fig.data[0].marker.pattern, shape=["/" if u else "" for u in unknown])


def care_vs_outflow_figure(vs: Outflow) -> go.Figure:
    """Outflow need to the target year against the care homes of the 30% rule  [homes]."""
    fig = go.Figure()
    fig.add_bar(
        x=[label("outflow_cumulative"), label("care_homes_from_social_rent")],
        y=[0, 0],
        marker_color=[COLOURS["target"], COLOURS["social_rent"]],
        texttemplate="%{y:,.0f}",
        textposition="outside",
        hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        name=label("homes_unit"),
    )
    apply_layout(fig, label("chart_care_outflow"), label("homes_unit"))
    update_care_vs_outflow(fig, vs)
    return fig


def update_care_vs_outflow(fig: go.Figure, vs: Outflow) -> None:
    """The outflow need to the target year against the care homes  [homes]."""
    put(fig.data[0], y=[float(vs.cumulative), float(vs.care_homes)])


# plotly.js's own English strings of the toolbar and its notices, in Dutch (config.locales:
# no extra script). The keys must be plotly.js's strings exactly, as the bundled version
# prints them (tests/test_hygiene.py reads them from the installed bundle).
MODEBAR_NL = {
    "Download plot as a PNG": "Grafiek downloaden als PNG",
    "Download plot": "Grafiek downloaden",
    "Zoom": "Zoomen",
    "Pan": "Verschuiven",
    "Zoom in": "Inzoomen",
    "Zoom out": "Uitzoomen",
    "Autoscale": "Automatisch schalen",
    "Reset axes": "Assen herstellen",
    "Double-click to zoom back out": "Dubbelklik om terug uit te zoomen",
    "Preparing image - this may take a few seconds": "Afbeelding maken - dit kan even duren",
    "Image download succeeded": "Afbeelding gedownload",
    "Sorry, there was a problem downloading your image!": (
        "De afbeelding kon niet worden gedownload."
    ),
}

# The toolbar, button by button: what plotly.js would add beyond these (its "Share chart..."
# that uploads to Plotly Cloud, shown by default since plotly.js 3) never appears. Every
# chart of the page and the memo is cartesian (bars and lines).
MODEBAR_BUTTONS = [
    ["toImage"],
    ["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"],
]


def plotly_config(filename: str = "woonvisie-grafiek") -> dict[str, Any]:
    """plotly.js config of every chart (page and memo): a toolbar with only the buttons of
    `MODEBAR_BUTTONS` (none sends anything to another host), its tooltips and the number
    format in the page's language, PNG download, no logo (a link to plotly's site)."""
    lang = current_lang()
    config: dict[str, Any] = {
        "displaylogo": False,
        "showSendToCloud": False,
        "plotlyServerURL": "",  # no host to send a chart to, whatever the buttons
        "responsive": True,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtons": MODEBAR_BUTTONS,
    }
    if lang == "nl":
        config["locale"] = "nl"
        config["locales"] = {
            "nl": {"dictionary": MODEBAR_NL, "format": {"decimal": ",", "thousands": "."}}
        }
    return config
