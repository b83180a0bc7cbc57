"""The panel base: a section of the dashboard with its controls and in-place outputs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any

import ipywidgets as W
import plotly.graph_objects as go

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions
from woonlib.report.charts import plotly_config
from woonlib.ui.controls import control
from woonlib.ui.plotly_shared import PlotlyBundle, SharedFigureWidget
from woonlib.ui.shared import html, layout

OnChange = Callable[[str, Any], None]
EVERY = frozenset({"*"})
_BUNDLE: list[PlotlyBundle] = []


def page_bundle() -> PlotlyBundle:
    """The PlotlyBundle of this kernel (one page per kernel under Voila), made once."""
    if not _BUNDLE:
        _BUNDLE.append(PlotlyBundle())
    return _BUNDLE[0]


class Panel(W.VBox):
    """One dashboard section.

    `depends` names the assumptions its outputs depend on (EVERY for all). `compute(a)`
    is pure and may fail; `show(result)` puts a computed result into the widgets. The
    dashboard computes every affected panel first and shows only when all succeeded, so a
    failure never leaves the page half-updated.
    """

    title_key = ""
    depends: frozenset[str] = frozenset()

    def __init__(self, data: WoonvisieData, lang: str, on_change: OnChange) -> None:
        self.data, self.lang, self._on_change = data, lang, on_change
        self.controls: dict[str, W.HBox] = {}
        super().__init__(layout=layout(padding="6px"))

    def make_controls(self, names: Iterable[str]) -> list[W.HBox]:
        made = [control(name, self.lang, self._on_change) for name in names]
        for c in made:  # a stable hook for tests and page CSS: wl-control-<assumption>
            c.add_class("wl-control").add_class(f"wl-control-{c.name}")
        self.controls.update({c.name: c for c in made})
        return made

    def figure(self, fig: go.Figure, key: str) -> go.FigureWidget:
        """The chart as an in-place widget, with CSS classes wl-chart and wl-chart-<key>."""
        widget = figure_widget(fig, self.lang)
        widget.add_class("wl-chart").add_class(f"wl-chart-{key}")
        return widget

    @classmethod
    def affected_by(cls, changed: set[str]) -> bool:
        return cls.depends == EVERY or bool(cls.depends & changed)

    def compute(self, a: Assumptions) -> Any:
        return None

    def show(self, result: Any) -> None:
        return None

    def update(self, a: Assumptions) -> None:
        self.show(self.compute(a))


def figure_widget(fig: go.Figure, lang: str = "nl") -> go.FigureWidget:
    """Wrap a built figure once; later changes go through batch_update on this widget."""
    widget = SharedFigureWidget(fig, page_bundle())
    widget._config = plotly_config(lang)
    return widget


def heading_html(text: str, level: int = 3) -> str:
    """A section heading, to put in an HTML widget that shows more (page CSS: .wl-h)."""
    return f'<h{level} class="wl-h">{escape(text)}</h{level}>'


def heading(text: str, level: int = 3) -> W.HTML:
    """A heading on its own (where no HTML widget is next to it): one model."""
    return html(heading_html(text, level))
