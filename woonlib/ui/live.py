"""A dashboard section for a notebook: the tab's own panel, bound to a `ScenarioState`.

    state = ScenarioState()
    live_panel("programme", state)          # the sliders, charts and tables of the tab
    state.apply(ambition_homes=10_000)      # a code cell: the panel above follows

A control calls `state.apply`; a change of the state (a code cell, another panel, undo)
updates the panel's outputs and its controls. A scenario the panel cannot compute is
refused (the state goes back) and the panel says so in its language, as the page does;
the traceback goes to the log, never to the panel.
"""

from __future__ import annotations

import logging
import reprlib
from collections.abc import Collection, Mapping
from html import escape
from typing import Any

import ipywidgets as W

from woonlib.data import WoonvisieData, load_data
from woonlib.model.assumptions import SHARE_FIELDS, AssumptionError, Assumptions
from woonlib.report.labels import label
from woonlib.scenario.history import changed_names
from woonlib.ui.dashboard import PAGE_CSS, close_tree, walk
from woonlib.ui.elderly import ElderlyPanel
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.panel import Panel
from woonlib.ui.plotly_shared import SharedFigureWidget
from woonlib.ui.programme import ProgrammePanel
from woonlib.ui.safety import guarded
from woonlib.ui.segments import SegmentsPanel
from woonlib.ui.state import ScenarioRefused, ScenarioState, invalid_text

log = logging.getLogger("woonlib.ui")
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
    """The panel of dashboard section `section` on `state`: title, reset, messages, panel.

    `panel` is the dashboard's own panel class (the same controls, figures and tables);
    `status` shows what went wrong, in the state's language.
    """

    def __init__(
        self, section: str, state: ScenarioState | None = None, data: WoonvisieData | None = None
    ) -> None:
        if section not in SECTIONS:
            raise ValueError(f"unknown section {section!r}: one of {', '.join(SECTIONS)}")
        self.section = section
        self.state = ScenarioState() if state is None else state
        self.data = data or load_data()
        self._refused = False  # this panel refused the state's scenario; it is going back
        self.status = W.HTML()
        # the page's CSS (tables, notes, the controls' "?") once per live panel: a notebook
        # has no page to send it
        self.style = W.HTML(PAGE_CSS, layout=W.Layout(display="none"))
        self._parts: list[W.Widget] = []  # what _build made (closed when it builds again)
        super().__init__(layout=W.Layout(padding="4px"))
        self.add_class("wl-live").add_class(f"wl-live-{section}")
        self._build()
        self.state.observe(self._on_scenario, names="assumptions")
        self.state.observe(self._on_lang, names="lang")
        self._following = True

    def _build(self) -> None:
        """Make the panel in the state's language, showing the state's scenario."""
        lang, a = self.state.lang, self.state.assumptions
        old, self._parts = self._parts, []
        cls = SECTIONS[self.section]
        if cls is SegmentsPanel:
            self.panel: Panel = SegmentsPanel(
                self.data, lang, self._on_control, on_shares=self._on_shares
            )
        else:
            self.panel = cls(self.data, lang, self._on_control)
        self.reset_button = W.Button(
            description=label("reset_all", lang), icon="undo", layout=W.Layout(width="auto")
        )
        self.reset_button.on_click(guarded(lambda _: self.state.reset()))
        title = W.HTML(f"<h3 style='margin:4px 0'>{escape(label(cls.title_key, lang))}</h3>")
        self.show_values(a)
        self.panel.update(a)
        self._sync_figures()
        head = W.HBox([title, self.reset_button], layout=W.Layout(justify_content="space-between"))
        self._parts = [head, self.panel]
        self.children = [self.style, head, self.status, self.panel]
        for widget in old:
            close_tree(widget)

    # --- from the controls to the state ------------------------------------------------------

    @guarded
    def _on_control(self, name: str, value: Any) -> None:
        self.apply({name: value})

    @guarded
    def _on_shares(self, shares: Mapping[str, float]) -> None:
        self.apply({f"share_{k}": v for k, v in shares.items()})

    def apply(self, changes: Mapping[str, Any]) -> bool:
        """`state.apply(changes)`; a value that is not allowed is named in the panel."""
        try:
            return self.state.apply(changes)
        except AssumptionError as exc:
            log.warning("rejected change %s: %s", reprlib.repr(dict(changes)), exc)
            self.message(invalid_text(exc, self.state.lang))
            self.show_values(self.state.assumptions)
            return False

    # --- from the state to the panel ---------------------------------------------------------

    def _on_scenario(self, change: Any) -> None:
        new = change["new"]
        if self._refused:
            self._refused = False
            if self.state.going_back:  # from the scenario refused below: nothing was shown
                self.show_values(new)
                return
        changed = set(changed_names(change["old"], new))
        if self._show(new, changed):
            return
        if not self.state.going_back:
            self._refused = True
            raise ScenarioRefused(f"the {self.section} panel could not compute the scenario")

    def _show(self, a: Assumptions, changed: set[str]) -> bool:
        """Compute and show `a` if the panel depends on `changed`; False if it failed."""
        lang = self.state.lang
        try:
            result = self.panel.compute(a) if self.panel.affected_by(changed) else None
        except Exception:
            log.exception("%s panel: recompute failed", self.section)
            self.message(label("error_message", lang))
            return False
        try:
            if result is not None:
                self.panel.show(result)
                self._sync_figures()
            self.show_values(a, changed)
        except Exception:
            log.exception("%s panel: showing the result failed", self.section)
            self.message(label("error_message", lang))
            return True
        self.message("")
        return True

    def _sync_figures(self) -> None:
        """Make each chart's synced state current. A notebook run top to bottom changes the
        state while the browser still loads plotly.js, and a chart that starts after an
        in-place update would miss it (plotly reads only its synced state when it starts);
        the charts of a section are small, so this costs a few kB a change."""
        for widget in walk(self.panel):
            if isinstance(widget, SharedFigureWidget):
                widget.sync_state()

    @guarded
    def _on_lang(self, change: Any) -> None:
        self._build()

    def show_values(self, a: Assumptions, names: Collection[str] | None = None) -> None:
        """Put the values of `a` into the panel's controls (or those of `names`) without
        triggering changes."""
        for name, c in self.panel.controls.items():
            if names is None or name in names:
                c.set_value(getattr(a, name))
        group = getattr(self.panel, "share_group", None)
        if group is not None and (names is None or not set(SHARE_FIELDS).isdisjoint(names)):
            group.set_shares(a.shares)

    def message(self, text: str) -> None:
        """Show `text` (a short message to the reader) above the panel; "" clears it."""
        note = f'<div role="alert" class="wl-note">{escape(text)}</div>'
        self.status.value = note if text else ""

    def close(self) -> None:
        """Stop following the state, and close every widget inside."""
        if getattr(self, "_following", False):  # once (and not if __init__ failed)
            self._following = False
            self.state.unobserve(self._on_scenario, names="assumptions")
            self.state.unobserve(self._on_lang, names="lang")
            for widget in [*self._parts, self.status, self.style]:
                close_tree(widget)
        super().close()


def live_panel(
    section: str, state: ScenarioState | None = None, data: WoonvisieData | None = None
) -> LivePanel:
    """The dashboard's panel of `section` ("programme", "segments", "elderly" or "outflow")
    bound to `state` (a new Woonvisie scenario if None), for a notebook."""
    return LivePanel(section, state, data)
