"""Figure builders for progress: realised against the path, the uncertainty fan, the tornado.

Same contract as `woonlib.report.charts`: `<name>_figure(...)` builds the fixed parts and fills
them through `update_<name>(fig, ...)`, which the page calls in place on every change.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from woonlib.model.progress import RealisedPath
from woonlib.model.uncertainty import FanValues
from woonlib.report.charts import _hover, apply_layout, put
from woonlib.report.labels import label
from woonlib.report.theme import COLOURS
from woonlib.vocab import CHANCE

FAN_FILL = "rgba(0, 114, 178, 0.18)"  # the P10–P90 band: Okabe–Ito blue, light


Line = Iterable[float]  # one value per year [homes]; NaN: none


def _fill(traces: Sequence[go.Scatter], years: Sequence[int], lines: Sequence[Line]) -> None:
    """Trace i gets the years and line i, in place (NaN: no point)."""
    x = [int(y) for y in years]
    for trace, line in zip(traces, lines, strict=True):
        put(trace, x=x, y=[None if math.isnan(v) else float(v) for v in line])


def _values(column: pd.Series) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in column]


def _add_path_and_ambition(fig: go.Figure) -> None:
    """The build path (dotted) and the straight line to the ambition, as the last traces."""
    fig.add_scatter(
        name=label("built_at_rate"),
        mode="lines",
        line={"color": COLOURS["social_rent"], "dash": "dot"},
        hovertemplate=_hover(),
    )
    fig.add_scatter(
        name=label("ambition_homes"),
        mode="lines",
        line={"color": COLOURS["target"], "width": 2},
        hovertemplate=_hover(),
    )


# --- realised against the path ---------------------------------------------------------------


def realised_figure(path: RealisedPath) -> go.Figure:
    """Realised homes per year and cumulative, against the build path and the ambition
    (`path`: `woonlib.model.progress.realised_path`, the values of `realised_vs_path`)."""
    fig = go.Figure()
    fig.add_bar(
        name=label("chart_realised_year"),
        marker_color=COLOURS["neutral"],
        hovertemplate=_hover(),
    )
    fig.add_scatter(
        name=label("chart_realised_cumulative"),
        mode="lines+markers",
        line={"color": COLOURS["social_rent"], "width": 3},
        hovertemplate=_hover(),
    )
    _add_path_and_ambition(fig)
    apply_layout(fig, label("chart_realised"), label("homes_unit"))
    update_realised(fig, path)
    return fig


def update_realised(fig: go.Figure, path: RealisedPath) -> None:
    """Realised, its cumulative, the build path and the line to the ambition, in place."""
    lines = (path.realised, path.realised_cumulative, path.path_cumulative)
    _fill(fig.data, path.year, (*lines, path.ambition_cumulative))


# --- Overzicht's headline chart: the path to the ambition ----------------------------------


def path_to_ambition_figure(fan: FanValues, realised: RealisedPath) -> go.Figure:
    """The fan (P10–P90 band and P50 of cumulative homes), the build path, the straight line
    to the ambition and the realised cumulative homes (the monitor's years) in one chart."""
    fig = fan_figure(fan)
    fig.add_scatter(
        name=label("chart_realised_cumulative"),
        mode="lines+markers",
        line={"color": COLOURS["cbs_2022"], "width": 2},
        marker={"size": 7},
        hovertemplate=_hover(),
    )
    apply_layout(fig, label("chart_path_to_ambition"), label("homes_unit"))
    update_path_to_ambition(fig, fan, realised)
    return fig


def update_path_to_ambition(fig: go.Figure, fan: FanValues, realised: RealisedPath) -> None:
    """The fan's traces and the realised cumulative homes, in place."""
    *fan_traces, realised_trace = fig.data
    _fill_fan(fan_traces, fan)
    _fill([realised_trace], realised.year, [realised.realised_cumulative])
    shown = any(not math.isnan(v) for v in realised.realised_cumulative)
    put(realised_trace, showlegend=shown)  # in the legend once the monitor has a year


# --- the uncertainty fan ---------------------------------------------------------------------


def fan_figure(fan: FanValues) -> go.Figure:
    """P10–P90 band and P50 of cumulative homes per year, the build path and the ambition
    (`fan`: `woonlib.model.uncertainty.fan_values`, the values of `Fan.table`)."""
    fig = go.Figure()
    fig.add_scatter(  # lower edge of the band, invisible; the next trace fills down to it
        name=label("fan_p10"),
        mode="lines",
        line={"width": 0, "color": FAN_FILL},
        showlegend=False,
        hovertemplate=_hover(),
    )
    fig.add_scatter(
        name=label("fan_band"),
        mode="lines",
        line={"width": 0, "color": FAN_FILL},
        fill="tonexty",
        fillcolor=FAN_FILL,
        hovertemplate=_hover(),
    )
    fig.add_scatter(
        name=label("fan_p50"),
        mode="lines",
        line={"color": COLOURS["social_rent"], "width": 3},
        hovertemplate=_hover(),
    )
    _add_path_and_ambition(fig)
    apply_layout(fig, label("chart_fan"), label("homes_unit"))
    update_fan(fig, fan)
    return fig


def update_fan(fig: go.Figure, fan: FanValues) -> None:
    """The band's edges, P50, the build path and the line to the ambition, in place."""
    _fill_fan(fig.data, fan)


def _fill_fan(traces: Sequence[go.Scatter], fan: FanValues) -> None:
    _fill(traces, fan.year.tolist(), (fan.p10, fan.p90, fan.p50, fan.path, fan.ambition_path))


# --- sensitivity -----------------------------------------------------------------------------


def tornado_figure(rows: pd.DataFrame, top: int = 8) -> go.Figure:
    """How far each assumption moves one outcome across its range: a sorted bar chart.

    `rows`: the rows of `woonlib.model.sensitivity.sensitivity` for one outcome (assumption,
    base, outcome_min, outcome_max, swing); the `top` largest swings are drawn.
    """
    fig = go.Figure()
    fig.add_bar(
        orientation="h",
        name=label("tornado_low"),
        marker_color=COLOURS["social_rent"],
        hovertemplate="%{y}: %{x:,.3~f}<extra></extra>",
    )
    fig.add_bar(
        orientation="h",
        name=label("tornado_high"),
        marker_color=COLOURS["mid_priced"],
        hovertemplate="%{y}: %{x:,.3~f}<extra></extra>",
    )
    apply_layout(fig, label("chart_tornado"), "")
    fig.update_layout(barmode="overlay", yaxis_tickformat="", xaxis_tickformat=",.3~f")
    update_tornado(fig, rows, top)
    return fig


def update_tornado(fig: go.Figure, rows: pd.DataFrame, top: int = 8) -> None:
    shown = rows.sort_values("swing", ascending=False).head(top).iloc[::-1]
    names = [label(str(n)) for n in shown["assumption"]]
    base = shown["base"].astype(float)
    fig.data[0].y, fig.data[0].x = names, _values(shown["outcome_min"].astype(float) - base)
    fig.data[1].y, fig.data[1].x = names, _values(shown["outcome_max"].astype(float) - base)
    fig.layout.height = 120 + 28 * len(shown)
    unit = str(shown["unit"].iloc[0]) if len(shown) else "homes"
    fraction = unit in ("fraction", CHANCE)
    fig.layout.xaxis.tickformat = ".0%" if fraction else ",.0f"  # shift in points or homes
    # the shift as the outcome is shown: a chance in whole points (`labels.shown`)
    shift = {CHANCE: "+.0%", "fraction": "+.1%"}.get(unit, "+,.0f")
    for trace in fig.data:
        trace.hovertemplate = f"%{{y}}: %{{x:{shift}}}<extra></extra>"
