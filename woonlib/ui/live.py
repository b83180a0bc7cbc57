"""A dashboard section for a notebook: the tab's own panel, bound to a `ScenarioState`.

    state = ScenarioState()
    live_panel("programme", state)          # the sliders, charts and tables of the tab
    state.apply(ambition_homes=10_000)      # a code cell: the panel above follows

The page's `PanelHost` binds it: a control calls `state.apply`; a change of the state (a code
cell, another panel, undo) updates the panel; a scenario it cannot compute is refused (the
state goes back) and the panel says so in the state's language; `state.lang = "en"`
relabels it in place. The traceback goes to the log, never to the panel.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as W

from woonlib.data import WoonvisieData, load_data
from woonlib.report.labels import label, using
from woonlib.scenario.state import ScenarioState
from woonlib.ui.dashboard import PAGE_CSS
from woonlib.ui.elderly import ElderlyPanel
from woonlib.ui.host import PanelHost
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.panel import Panel
from woonlib.ui.programme import ProgrammePanel
from woonlib.ui.segments import SegmentsPanel
from woonlib.ui.shared import close_tree

# A library's logger prints nothing unless the application configures logging: in a notebook,
# a failure shows as the panel's message, not as a traceback under a cell. (Voilà's kernel
# and the tests configure logging and still get every record.)
logging.getLogger("woonlib").addHandler(logging.NullHandler())

SECTIONS: dict[str, type[Panel]] = {
    "programme": ProgrammePanel,
    "segments": SegmentsPanel,
    "elderly": ElderlyPanel,
    "outflow": OutflowPanel,
}


class LivePanel(W.VBox):
    """The panel of dashboard section `section` on `state`: title, reset, messages, panel
    (`panel`, the dashboard's own panel class); `status` shows what went wrong."""

    def __init__(
        self, section: str, state: ScenarioState | None = None, data: WoonvisieData | None = None
    ) -> None:
        if section not in SECTIONS:
            raise ValueError(f"unknown section {section!r}: one of {', '.join(SECTIONS)}")
        self.section, self.state = section, ScenarioState() if state is None else state
        # A notebook's page may still load plotly.js: the charts' synced state kept current.
        self.host = PanelHost(self.state, data or load_data(), sync=True)
        self.status = self.host.status
        self.panel = self.host.build(section, SECTIONS[section])
        self.reset_button = W.Button(icon="undo", layout=W.Layout(width="auto"))
        self.reset_button.on_click(self.host.callback(lambda _: self.state.reset()))
        self.title = W.HTML()
        with using(self.state.lang):
            self._relabel()
        self.host.relabelled.append(self._relabel)
        # the page's CSS (tables, notes, the controls' "?"): a notebook has no page to send it
        self.style = style = W.HTML(PAGE_CSS, layout=W.Layout(display="none"))
        head = W.HBox([self.title, self.reset_button])
        head.layout.justify_content = "space-between"
        super().__init__([style, head, self.status, self.panel], layout=W.Layout(padding="4px"))
        self.add_class("wl-live").add_class(f"wl-live-{section}")
        self._following = True

    def apply(self, changes: Mapping[str, Any]) -> bool:
        """`state.apply(changes)`; a value that is not allowed is named in the panel."""
        return self.host.apply(changes)

    def _relabel(self) -> None:
        self.reset_button.description = label("reset_all")
        self.title.value = f"<h3 style='margin:4px 0'>{escape(label(self.panel.title_key))}</h3>"

    def close(self) -> None:
        """Stop following the state, and close every widget inside."""
        if getattr(self, "_following", False):  # once (and not if __init__ failed)
            self._following = False
            self.host.close()
            for widget in self.children:
                close_tree(widget)
        super().close()


def live_panel(
    section: str, state: ScenarioState | None = None, data: WoonvisieData | None = None
) -> LivePanel:
    """The dashboard's panel of `section` ("programme", "segments", "elderly" or "outflow")
    bound to `state` (a new Woonvisie scenario if None), for a notebook."""
    return LivePanel(section, state, data)
