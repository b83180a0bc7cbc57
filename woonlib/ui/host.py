"""The panel host: panels bound to a `ScenarioState`, shown all or none.

control → `on_change(changes)` → `state.apply` (a value not allowed: named in `status`, the
controls put back) → the state's change → `outcome(data, a)` once, the gate (a scenario the
model cannot compute is refused) → every affected panel built here computes its result from
that outcome → all show, or none and the state goes back (`ScenarioRefused`).

The host runs everything in the state's language (`using(state.lang)`); a switch relabels
the built panels in place and shows their outputs again. A panel out of view (`visible`:
the lazy page's tabs) is marked stale and computed when `show_stale` brings it into view.
The dashboard (one panel per tab) and a notebook's live panel (one panel) both use it.
"""

from __future__ import annotations

import logging
import reprlib
from collections.abc import Callable, Collection, Hashable, Mapping
from html import escape
from typing import Any, TypeVar

import ipywidgets as W

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import SPECS, AssumptionError, Assumptions
from woonlib.model.outcome import outcome
from woonlib.report.labels import fmt_allowed, label, using
from woonlib.scenario.history import changed_names
from woonlib.scenario.state import ScenarioRefused, ScenarioState
from woonlib.ui.controls import Control
from woonlib.ui.panel import Panel
from woonlib.ui.plotly_shared import SharedFigureWidget
from woonlib.ui.safety import guarded, guarded_in
from woonlib.ui.shared import html, walk

log = logging.getLogger("woonlib.ui")
P = TypeVar("P", bound=Panel)
FOLLOWED = ("monitor", "loaded")  # the state's traits besides the scenario a panel may show


class PanelHost:
    """The panels built over `state` (`panels`, by key), its `status` line and messages.

    `visible(key)`: the panel is in view (else its update waits for `show_stale`); `fault`:
    a test hook, raising inside a recompute; `sync`: make each chart's synced state current
    after every show (a notebook, whose page may still be loading plotly.js).
    """

    def __init__(
        self,
        state: ScenarioState,
        data: WoonvisieData,
        visible: Callable[[Hashable], bool] = lambda _: True,
        fault: Callable[[Assumptions], None] | None = None,
        sync: bool = False,
        status: W.HTML | None = None,
    ) -> None:
        self.state, self.data, self.visible, self.fault, self.sync = (
            state,
            data,
            visible,
            fault,
            sync,
        )
        self.panels: dict[Hashable, Panel] = {}
        self.stale: set[Hashable] = set()  # built, out of view, behind the scenario
        self.status = html() if status is None else status
        self.relabelled: list[Callable[[], None]] = []  # the owner's own texts, after a switch
        self._refused = False  # this host refused the state's scenario; it is going back
        state.observe(self._on_scenario, names="assumptions")
        state.observe(self._on_lang, names="lang")
        state.observe(self._on_follow, names=list(FOLLOWED))

    def callback(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """`fn` as a widget callback: in the state's language, never raising (logged)."""
        return guarded_in(self.state, fn)

    def build(self, key: Hashable, cls: type[P]) -> P:
        """Make a `cls` panel showing the current scenario, as `panels[key]`."""
        with using(self.state.lang):
            panel = cls(self.data, self.state, self.on_change)
            a = self.state.assumptions
            for c in controls_of([panel]):
                c.show(a)
            panel.update(outcome(self.data, a))
            # Its figures were made from the defaults and updated in place: a page that has
            # not drawn them yet may miss those updates, so their state is made current.
            sync_figures(panel)
        self.panels[key] = panel
        return panel

    # --- from the controls to the state --------------------------------------------------------

    def on_change(self, changes: Mapping[str, Any]) -> None:
        """A control's change (the control protocol's `on_change`)."""
        self.apply(changes)

    def apply(self, changes: Mapping[str, Any]) -> bool:
        """`state.apply(changes)`; a value that is not allowed is named, the controls put back."""
        try:
            return bool(self.state.apply(changes))
        except AssumptionError as exc:
            log.warning("rejected change %s: %s", reprlib.repr(dict(changes)), exc)
            with using(self.state.lang):
                self.message(invalid_text(exc))
                self.show_values(self.state.assumptions)
            return False

    # --- from the state to the panels ----------------------------------------------------------

    def _on_scenario(self, change: Any) -> None:
        """Show the state's new scenario, all or none; refuse one that cannot be shown."""
        with using(self.state.lang):
            if self._refused:
                self._refused = False
                if self.state.going_back:  # from the scenario refused below: nothing was shown
                    self.show_values(change["new"])
                    return
            if self._update(change["new"], set(changed_names(change["old"], change["new"]))):
                return
        if not self.state.going_back:  # (going back, the message says it all)
            self._refused = True
            raise ScenarioRefused("the page could not compute the scenario")

    def _update(self, new: Assumptions, changed: set[str]) -> bool:
        # The panels in view first: the browser handles messages in order, so their charts
        # are redrawn before the others. Those out of view wait until they come into view.
        order = sorted(self.panels, key=lambda k: not self.visible(k))
        affected = [k for k in order if self.panels[k].affected_by(changed)]
        now = [k for k in affected if self.visible(k)]
        try:
            if self.fault is not None:
                self.fault(new)
            o = outcome(self.data, new)  # the gate, whatever is in view
            results = [(k, self.panels[k].compute(o)) for k in now]
        except Exception:
            log.exception("recompute failed for %r", {k: getattr(new, k) for k in changed})
            self.message(label("error_message"))
            return False
        try:
            # The controls first: the page then never shows a chart ahead of its readout.
            self.show_values(new, changed)
            self.stale.update(k for k in affected if k not in now)
            for k, result in results:
                self.stale.discard(k)
                self._show(self.panels[k], result)
        except Exception:  # a bug in a show(): say so rather than leave the page silent
            log.exception("showing the result failed for %r", {k: getattr(new, k) for k in changed})
            self.message(label("error_message"))
            return True  # the scenario stands (some output may lag behind): no going back
        self.message("")
        return True

    def _show(self, panel: Panel, result: Any) -> None:
        panel.show(result)
        if self.sync:
            sync_figures(panel)

    def refresh(self, keys: Collection[Hashable], everywhere: bool = False) -> None:
        """Compute and show the panels `keys` again (those out of view when in view, unless
        `everywhere`)."""
        try:
            o = outcome(self.data, self.state.assumptions)
            for k in keys:
                if everywhere or self.visible(k):
                    self.stale.discard(k)
                    self._show(self.panels[k], self.panels[k].compute(o))
                else:
                    self.stale.add(k)
        except Exception:
            log.exception("showing %s again failed", ", ".join(map(str, keys)))
            self.message(label("error_message"))

    def show_stale(self, key: Hashable) -> None:
        """Bring panel `key` up to date if it is behind (it came into view)."""
        if key in self.stale:
            with using(self.state.lang):
                self.refresh([key])

    @guarded
    def _on_lang(self, change: Any) -> None:
        """Every built panel, and the owner's texts, relabelled in place and shown again."""
        with using(change["new"]):
            self.message("")
            for panel in self.panels.values():
                panel.relabel()
            for relabel in self.relabelled:
                relabel()
            self.refresh(list(self.panels))

    @guarded
    def _on_follow(self, change: Any) -> None:
        """The monitor or the loaded file changed: the panels that show it follow."""
        with using(self.state.lang):
            keys = [k for k, p in self.panels.items() if change["name"] in p.follows]
            for k in keys:
                self.panels[k].follow(change["name"])
            self.refresh(keys)
            if change["name"] == "monitor":
                self.message("")

    # --- display -------------------------------------------------------------------------------

    def show_values(self, a: Assumptions, names: Collection[str] | None = None) -> None:
        """Put the values of `a` into every control (or those of `names`) without
        triggering changes."""
        for c in controls_of(self.panels.values()):
            if names is None or not set(c.names).isdisjoint(names):
                c.show(a)

    def message(self, text: str, role: str = "alert") -> None:
        """Show `text` (a short message to the reader) in the status line; "" clears it."""
        note = f'<div role="{role}" class="wl-note">{escape(text)}</div>'
        self.status.value = note if text else ""

    def close(self) -> None:
        """Stop following the state."""
        self.state.unobserve(self._on_scenario, names="assumptions")
        self.state.unobserve(self._on_lang, names="lang")
        self.state.unobserve(self._on_follow, names=list(FOLLOWED))


def controls_of(panels: Collection[Panel]) -> list[Control]:
    """The controls of `panels`, each once (the share group shows three assumptions)."""
    return list({id(c): c for p in panels for c in p.controls.values()}.values())


def sync_figures(widget: W.Widget) -> None:
    """Make the synced state of every chart in `widget` current. A page that starts a chart
    after an in-place update would miss it (plotly reads only its synced state)."""
    for each in walk(widget):
        if isinstance(each, SharedFigureWidget):
            each.sync_state()


def invalid_text(exc: AssumptionError, fallback: str = "error_message") -> str:
    """A refused assumption in the active language (the error's own text is English);
    `fallback` is the label key for an error that names no assumption."""
    if exc.unknown:
        return f"{label('query_unknown')}: {', '.join(exc.unknown)}"
    if exc.name in SPECS:
        spec = SPECS[exc.name]
        allowed = fmt_allowed(spec.unit, spec.minimum, spec.maximum, spec.choices)
        return f"{label('invalid_value')}: {label(exc.name)} — {label('allowed')}: {allowed}"
    if exc.rule == "shares_sum":
        return label("shares_must_add")
    return label(fallback)
