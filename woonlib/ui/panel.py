"""The panel base: a section of the dashboard with its controls and in-place outputs.

A panel is bound to a `ScenarioState` through its host (`woonlib.ui.host`): the host computes
the scenario's `Outcome` once per change, has every affected panel `compute(o)` its result,
then `show(result)` them all. A panel registers its static texts (`text`, `heading`,
`figure`) so that a language switch relabels the same widgets in place (`relabel`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any

import ipywidgets as W
import plotly.graph_objects as go

from woonlib.data import WoonvisieData
from woonlib.model.outcome import Outcome
from woonlib.report.charts import plotly_config
from woonlib.report.labels import label
from woonlib.scenario.state import ScenarioState
from woonlib.ui.controls import Control, OnChange, control
from woonlib.ui.plotly_shared import PlotlyBundle, SharedFigureWidget
from woonlib.ui.safety import guarded_in
from woonlib.ui.shared import html, layout

EVERY = frozenset({"*"})
_BUNDLE: list[PlotlyBundle] = []
Text = str | Callable[[], Any]  # a label key, or what makes the text in the active language


def page_bundle() -> PlotlyBundle:
    """The PlotlyBundle of this kernel (one page per kernel under Voila), made once."""
    if not _BUNDLE:
        _BUNDLE.append(PlotlyBundle())
    return _BUNDLE[0]


class Panel(W.VBox):
    """One dashboard section, over `state` (read it; change it through `on_change`).

    `depends` names the assumptions its outputs depend on (EVERY for all); `follows` the
    other traits of the state it shows ("monitor", "loaded"): the host recomputes it when
    they change, after `follow(name)`. `compute(o)` is pure and may fail; `show(result)`
    puts a computed result into the widgets. The host computes every affected panel first
    and shows only when all succeeded, so a failure never leaves the page half-updated.
    """

    title_key = ""
    depends: frozenset[str] = frozenset()
    follows: frozenset[str] = frozenset()

    def __init__(self, data: WoonvisieData, state: ScenarioState, on_change: OnChange) -> None:
        self.data, self.state, self._on_change = data, state, on_change
        self.controls: dict[str, Control] = {}
        self._texts: list[tuple[object, str, Callable[[], Any]]] = []
        self._figures: list[tuple[SharedFigureWidget, Callable[[], go.Figure]]] = []
        self._relabels: list[Callable[[], None]] = []
        super().__init__(layout=layout(padding="6px"))

    @property
    def lang(self) -> str:
        """The state's language (the one the host activates around the panel's work)."""
        return str(self.state.lang)

    def callback(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """`fn` as a widget callback: in the state's language, never raising (logged)."""
        return guarded_in(self.state, fn)

    def text(self, target: object, attr: str, text: Text) -> Any:
        """Set `target.attr` to `text` (a label key, or a callable making it) now and on every
        `relabel`; returns `target`."""
        make = (lambda: label(text)) if isinstance(text, str) else text
        self._texts.append((target, attr, make))
        setattr(target, attr, make())
        return target

    def when_relabelled(self, fn: Callable[[], None]) -> None:
        """Run `fn` on every `relabel` (texts `text` cannot set, e.g. a dropdown's options)."""
        self._relabels.append(fn)

    def heading(self, text: Text, level: int = 3) -> W.HTML:
        """A heading on its own, relabelled with the page."""
        make = (lambda: label(text)) if isinstance(text, str) else text
        return self.text(html(), "value", lambda: heading_html(make(), level))

    def add_control(self, made: Control) -> Any:
        """Take `made` (a control of the protocol in `ui/controls.py`) among the panel's."""
        self.controls.update(dict.fromkeys(made.names, made))
        return made

    def make_controls(self, names: Iterable[str]) -> list[W.HBox]:
        made = [control(name, self._on_change, self.callback) for name in names]
        for c in made:  # a stable hook for tests and page CSS: wl-control-<assumption>
            c.add_class("wl-control").add_class(f"wl-control-{c.name}")
            self.add_control(c)
        return list(made)

    def figure(self, make: Callable[[], go.Figure], key: str) -> SharedFigureWidget:
        """The chart `make()` builds (in the active language) as an in-place widget, with CSS
        classes wl-chart and wl-chart-<key>; `relabel` takes its texts from `make()` again."""
        widget = figure_widget(make())
        widget.add_class("wl-chart").add_class(f"wl-chart-{key}")
        self._figures.append((widget, make))
        return widget

    def relabel(self) -> None:
        """Every registered text, control and chart in the active language (the same
        widgets); the host then shows the panel's outputs again."""
        for widget, make in self._figures:
            fresh = make()
            with widget.batch_update():
                widget.layout = fresh.layout
                for trace, new in zip(widget.data, fresh.data, strict=False):
                    keep = ("uid", "type")
                    trace.update({k: v for k, v in new.to_plotly_json().items() if k not in keep})
            # plotly.js reads its config only when it draws: the page draws the chart again
            # (plotly_shared.py) from its synced state, made current first
            widget.sync_state()
            widget._config = plotly_config()
        for target, attr, make in self._texts:
            setattr(target, attr, make())
        for fn in self._relabels:
            fn()
        for c in {id(c): c for c in self.controls.values()}.values():
            c.relabel()

    def follow(self, name: str) -> None:
        """The state's `name` (one of `follows`) changed; the host recomputes next."""

    @classmethod
    def affected_by(cls, changed: set[str]) -> bool:
        return cls.depends == EVERY or bool(cls.depends & changed)

    def compute(self, o: Outcome) -> Any:
        return None

    def show(self, result: Any) -> None:
        return None

    def update(self, o: Outcome) -> None:
        self.show(self.compute(o))


def figure_widget(fig: go.Figure) -> SharedFigureWidget:
    """Wrap a built figure once; later changes go through batch_update on this widget."""
    widget = SharedFigureWidget(fig, page_bundle())
    widget._config = plotly_config()
    return widget


def heading_html(text: str, level: int = 3) -> str:
    """A section heading, to put in an HTML widget that shows more (page CSS: .wl-h)."""
    return f'<h{level} class="wl-h">{escape(text)}</h{level}>'


def heading(text: str, level: int = 3) -> W.HTML:
    """A heading on its own (where no HTML widget is next to it): one model."""
    return html(heading_html(text, level))
