"""The floor: the least a Voilà page on this stack can cost.

The notebook of tests/test_voila_smoke.py (one IntSlider driving one plotly FigureWidget with
``batch_update``), which also imports the libraries the dashboard imports (pandas, woonlib), so
that a ratio dashboard/floor shows what the dashboard adds on top of the stack itself.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.harness import vh

SOURCE = """\
import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

import woonlib

slider = widgets.IntSlider(value=1, min=1, max=10, description="k")
fig = go.FigureWidget(go.Scatter(x=list(range(5)), y=[i * slider.value for i in range(5)]))


def on_change(change):
    with fig.batch_update():
        fig.data[0].y = [i * change["new"] for i in range(5)]


slider.observe(on_change, names="value")
widgets.VBox([slider, fig])
"""

CHARTS = 1  # plotly charts on the page
SLIDER = ".widget-slider .noUi-handle"
CHART = ".js-plotly-plot"


def write_notebook(directory: Path) -> Path:
    """Write the floor notebook into `directory`; return its path."""
    return vh.write_notebook(directory / "floor.ipynb", SOURCE)
