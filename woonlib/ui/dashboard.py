"""The dashboard: the sections as tabs over one `ScenarioState`, safe in-place updates.

Data flow: control → `ScenarioState.apply(changes)` → new Assumptions (validated) → the
dashboard, observing the state, has each panel that depends on a changed assumption compute
its result → all show, or none do and the state goes back (`ScenarioRefused`).
"""

from __future__ import annotations

import logging
import reprlib
from collections.abc import Callable, Collection, Iterator, Mapping
from html import escape
from typing import Any

import ipywidgets as W

from woonlib.data import WoonvisieData, load_data
from woonlib.data.monitor import Monitor, MonitorError, empty_monitor, load_monitor_dir
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, AssumptionError, Assumptions
from woonlib.model.presets import PRESETS
from woonlib.report.labels import label, monitor_problem_text
from woonlib.scenario.history import History, changed_names
from woonlib.scenario.links import QueryNote, parse_query, scenario_query
from woonlib.ui.a11y import PageA11y
from woonlib.ui.compare import ComparePanel
from woonlib.ui.elderly import ElderlyPanel
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.overview import OverviewPanel
from woonlib.ui.panel import Panel
from woonlib.ui.plotly_shared import SharedFigureWidget
from woonlib.ui.programme import ProgrammePanel
from woonlib.ui.progress import ProgressPanel
from woonlib.ui.safety import (
    fault_from_env,
    guarded,
    keep_errors_on_server,
    keep_pool_kernel_alive,
)
from woonlib.ui.scenario_bar import ScenarioBar
from woonlib.ui.segments import SegmentsPanel
from woonlib.ui.sources import SourcesPanel
from woonlib.ui.state import ScenarioRefused, ScenarioState, invalid_text
from woonlib.ui.targets import TargetsPanel

log = logging.getLogger("woonlib.ui")
PAGE_CSS = (  # tab titles in full and with enough contrast; long labels wrap, not cut off
    "<style>.jupyter-widget-TabPanel-tabBar .lm-TabBar-tab{flex:0 0 auto !important;"
    "max-width:none !important;min-width:fit-content !important;padding:0 14px;"
    "color:#1f1f1f !important}.jupyter-widget-Collapse-header{color:#1f1f1f !important}"
    ".wl-control .widget-label{white-space:normal !important;line-height:15px !important;"
    "height:auto !important;min-height:28px;display:flex;align-items:center;"
    "justify-content:flex-end;text-align:right}</style>"
)


class Dashboard(W.VBox):
    """The whole page, composed over `state` (scenario, history, language, loaded file):
    `assumptions`, `history`, `lang` and `loaded` read it; `status` shows messages.

    Every change of the state goes through `_update`: compute the affected panels, show
    them all or none (else the state goes back), put the scenario in the page's link.
    """

    def __init__(
        self,
        data: WoonvisieData | None = None,
        lang: str | None = None,
        fault: Callable[[Assumptions], None] | None = None,
        lazy: bool = False,
        state: ScenarioState | None = None,
    ) -> None:
        super().__init__()
        self.data = data or load_data()
        self.state = ScenarioState() if state is None else state
        lang = lang or self.state.lang
        self._refused = False  # this page refused the state's scenario; it is going back
        self.fault = fault  # test hook: raise inside a recompute
        # lazy: tabs out of view are computed (so a failure still rejects the change) but
        # shown only when selected: a slider move then sends only what can be seen.
        self.lazy = lazy
        self.link_opened = False
        self._pending: dict[int, Any] = {}  # panel index -> result not yet shown
        self.monitor, monitor_problem = default_monitor(self.data)
        self._build(lang)
        self.state.observe(self._on_scenario, names="assumptions")
        self.state.observe(guarded(lambda ch: self.set_lang(ch["new"])), names="lang")
        self.state.observe(guarded(lambda _: self.compare.refresh_options()), names="loaded")
        if monitor_problem:
            self._message(monitor_problem)

    @property
    def assumptions(self) -> Assumptions:
        return self.state.assumptions

    @property
    def history(self) -> History:
        return self.state.history

    @property
    def loaded(self) -> tuple[str, Assumptions] | None:
        """The last scenario file loaded: (name, assumptions)."""
        return self.state.loaded

    @property
    def lang(self) -> str:
        """The language the page is built in (the state's, once rebuilt in it)."""
        return self._lang

    @lang.setter
    def lang(self, value: str) -> None:
        self._lang = value  # first: the state's observer then finds the page in `value`
        self.state.lang = value

    def _build(self, lang: str) -> None:
        """Make every widget in `lang` and show the current scenario."""
        self.lang = lang
        args = (self.data, lang, self._on_control)
        self.segments = SegmentsPanel(*args, on_shares=self._on_shares)
        self.compare = ComparePanel(*args, scenarios=self.scenarios)
        self.targets = TargetsPanel(*args, monitor=self.monitor)
        self.progress = ProgressPanel(
            *args, monitor=self.monitor, on_apply=self._on_apply, on_monitor=self.set_monitor
        )
        self.panels: list[Panel] = [
            OverviewPanel(*args),
            ProgrammePanel(*args),
            self.segments,
            ElderlyPanel(*args),
            OutflowPanel(*args),
            self.targets,
            self.progress,
            self.compare,
            SourcesPanel(*args),
        ]
        self.tabs = W.Tab(
            children=self.panels, titles=[label(p.title_key, lang) for p in self.panels]
        )
        self._pending = {}
        self.tabs.observe(guarded(self._tab_selected), names="selected_index")
        self.status = W.HTML(layout=W.Layout(min_height="24px"))
        self.reset_button = W.Button(
            description=label("reset_all", lang),
            icon="undo",
            tooltip=label("reset_all", lang),
            layout=W.Layout(width="auto"),
        )
        self.reset_button.on_click(guarded(lambda _: self.reset()))
        self.bar = ScenarioBar(self, lang)
        self.page_a11y = PageA11y(lang=lang)
        title = W.HTML(
            f"<h2 style='margin:4px 0'>{escape(label('title', lang))}</h2>"
            f"<div>{escape(label('subtitle', lang))}</div>"
        )
        self.children = [
            W.HTML(PAGE_CSS, layout=W.Layout(display="none")),
            self.page_a11y,
            W.HBox([title, self.reset_button], layout=W.Layout(justify_content="space-between")),
            self.bar,
            self.status,
            self.tabs,
        ]
        self._show_values(self.assumptions)
        for panel in self.panels:
            panel.update(self.assumptions)
        self.bar.show(self.assumptions, self.history)

    @property
    def controls(self) -> dict[str, Any]:
        return {name: c for p in self.panels for name, c in p.controls.items()}

    def scenarios(self) -> dict[str, tuple[str, Assumptions]]:
        """What can be compared: key -> (label, assumptions)."""
        lang = self.lang
        out = {"current": (label("compare_current", lang), self.assumptions)}
        out.update({k: (label(p.label, lang), p.assumptions) for k, p in PRESETS.items()})
        if self.loaded is not None:
            name, a = self.loaded
            out["loaded"] = (f"{label('compare_loaded', lang)}: {name}", a)
        return out

    # --- changes -----------------------------------------------------------------------------

    @guarded
    def _on_control(self, name: str, value: Any) -> None:
        self.apply({name: value})

    @guarded
    def _on_apply(self, changes: Mapping[str, Any]) -> None:
        """A "what does it take" answer taken into the scenario: one step, one undo."""
        try:
            new = self.assumptions.replace(**changes)
        except AssumptionError as exc:
            self._message(self.invalid_text(exc))
            return
        self.set_scenario(new)

    def set_monitor(self, monitor: Monitor) -> None:
        """Use `monitor` (realised figures; uploaded or from data/monitor) on every tab."""
        self.monitor = monitor
        for panel in (self.targets, self.progress):
            panel.monitor = monitor
            self._pending.pop(self.panels.index(panel), None)
            panel.update(self.assumptions)
        self.bar.refresh_sheets()
        self._message("")

    @guarded
    def _on_shares(self, shares: Mapping[str, float]) -> None:
        self.apply({f"share_{k}": v for k, v in shares.items()})

    def apply(self, changes: Mapping[str, Any]) -> bool:
        """Apply `changes`; on any failure keep the previous scenario and say so."""
        try:
            return self.state.apply(changes)
        except AssumptionError as exc:
            log.warning("rejected change %s: %s", reprlib.repr(dict(changes)), exc)
            self._message(self.invalid_text(exc))
            self._show_values(self.assumptions)
            return False

    def set_scenario(self, a: Assumptions, record: bool = True) -> bool:
        """Show scenario `a` as a whole (preset, file, link)."""
        if a == self.assumptions:  # nothing changes: the page still says all is well
            self._message("")
            return True
        return self.state.set(a, record=record)

    def _on_scenario(self, change: Any) -> None:
        """The state's scenario changed (a control, a notebook cell, undo): show it, all
        or none; refuse a scenario the page cannot show, and the state goes back."""
        if self._refused:
            self._refused = False
            if self.state.going_back:  # from the scenario refused below: nothing was shown
                self._show_values(change["new"])
                return
        if self._update(change["new"], set(changed_names(change["old"], change["new"]))):
            return
        if not self.state.going_back:  # (going back, the page's message says it all)
            self._refused = True
            raise ScenarioRefused("the dashboard could not compute the scenario")

    def _update(self, new: Assumptions, changed: set[str]) -> bool:
        # The tab in view first: the browser handles messages in order, so its charts
        # are redrawn before those of the tabs out of view.
        shown = self.tabs.selected_index or 0
        order = sorted(range(len(self.panels)), key=lambda i: i != shown)
        affected = [i for i in order if self.panels[i].affected_by(changed)]
        # Deferred panels (reports on the scenario, not part of it) out of view are
        # computed when their tab is opened: a slider move stays as quick as before them.
        later = [i for i in affected if self.lazy and i != shown and self.panels[i].deferred]
        try:
            if self.fault is not None:
                self.fault(new)
            results = [(i, self.panels[i].compute(new)) for i in affected if i not in later]
        except Exception:
            log.exception("recompute failed for %r", {k: getattr(new, k) for k in changed})
            self._message(label("error_message", self.lang))
            return False
        try:
            for i in later:
                self._pending[i] = STALE
            for i, result in results:
                if self.lazy and i != shown:
                    self._pending[i] = result
                else:
                    self._pending.pop(i, None)
                    self.panels[i].show(result)
            self._show_values(new, changed)
            self.bar.show(new, self.history)
        except Exception:  # a bug in a show(): say so rather than leave the page silent
            log.exception("showing the result failed for %r", {k: getattr(new, k) for k in changed})
            self._message(label("error_message", self.lang))
            return True  # the scenario stands (some output may lag behind): no going back
        self._message("")
        return True

    def _tab_selected(self, change: dict) -> None:
        index = change["new"]
        if index in self._pending:
            self._show_pending(index)

    def flush(self) -> None:
        """Show every result still waiting for its tab (lazy mode)."""
        for index in sorted(self._pending):
            self._show_pending(index)

    def _show_pending(self, index: int) -> None:
        """Show what waits for tab `index`; a deferred panel computes the scenario now."""
        panel, result = self.panels[index], self._pending.pop(index)
        try:
            panel.show(panel.compute(self.assumptions) if result is STALE else result)
        except Exception:
            log.exception("deferred update of %s failed", type(panel).__name__)
            self._message(label("error_message", self.lang))

    def reset(self) -> None:
        """Everything back to the Woonvisie."""
        self.set_scenario(DEFAULTS)

    def undo(self) -> bool:
        return self.state.undo()

    def redo(self) -> bool:
        return self.state.redo()

    def load(self, name: str, a: Assumptions) -> None:
        """A scenario read from a file: show it, and offer it for comparison."""
        self.state.loaded = (name, a)  # observed: the comparison offers it
        self.set_scenario(a)

    def open_link(self, query: str | None) -> list[QueryNote]:
        """Show the scenario a page link describes; say what in it was left out and why."""
        self.link_opened = True
        a, notes = parse_query(query)
        self.set_scenario(a)
        if notes:
            self._message(self.bar.describe_notes(notes), role="status")
        return notes

    def set_lang(self, lang: str) -> None:
        """Rebuild every widget in `lang`, keeping the scenario, its history and its link."""
        if lang == self.lang:
            return
        old, selected = list(self.children), self.tabs.selected_index
        self._build(lang)
        self.tabs.selected_index = selected
        for widget in old:
            close_tree(widget)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """Displayed (the notebook's last cell): every figure's synced state is made current
        first, so that a page connecting now sees what in-place updates have drawn."""
        self.flush()
        for widget in walk(self):
            if isinstance(widget, SharedFigureWidget):
                widget.sync_state()
        return super()._repr_mimebundle_(**kwargs)

    @property
    def link_query(self) -> str:
        return scenario_query(self.assumptions)

    # --- display -----------------------------------------------------------------------------

    def _show_values(self, a: Assumptions, names: Collection[str] | None = None) -> None:
        """Put the values of `a` into every control (or those of `names`) without
        triggering changes."""
        for name, c in self.controls.items():
            if names is None or name in names:
                c.set_value(getattr(a, name))
        if names is None or not set(SHARE_FIELDS).isdisjoint(names):
            self.segments.share_group.set_shares(a.shares)

    def _message(self, text: str, role: str = "alert") -> None:
        self.status.value = (
            f'<div role="{role}" class="wl-note">{escape(text)}</div>' if text else ""
        )

    def message(self, text: str) -> None:
        """Show `text` (a short message to the user) in the status line."""
        self._message(text)

    def invalid_text(self, exc: AssumptionError, fallback: str = "error_message") -> str:
        """A rejected assumption in the page's language (the error's own text is English);
        `fallback` is the label key for an error that names no assumption."""
        return invalid_text(exc, self.lang, fallback)


STALE = object()  # a deferred panel's result: compute it when its tab is opened


def default_monitor(data: WoonvisieData) -> tuple[Monitor, str]:
    """The monitor files kept beside the data package (data/monitor/), and a problem text.

    A broken file there must not take the page down: the page starts without monitor data
    and says what is wrong (in Dutch; the log has the details).
    """
    try:
        return load_monitor_dir(data.root / "monitor", data["targets"]), ""
    except MonitorError as exc:
        log.warning("data/monitor not used: %s", exc)
        head = label("monitor_invalid", "nl").format(count=len(exc.problems))
        return empty_monitor(), f"{head} {monitor_problem_text(exc.problems[0], 'nl')}"


def walk(widget: W.Widget) -> Iterator[W.Widget]:
    """`widget` and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def close_tree(widget: W.Widget) -> None:
    """Close `widget` and every widget inside it (frees them in the kernel and the page)."""
    for each in reversed(list(walk(widget))):
        each.close()


def build_dashboard(lang: str = "nl") -> Dashboard:
    """The dashboard on the shipped data package (what notebooks/dashboard.ipynb shows)."""
    keep_errors_on_server()
    dashboard = Dashboard(load_data(), lang, fault=fault_from_env(), lazy=True)
    a11y = dashboard.page_a11y

    def beat() -> None:
        a11y.beat += 1

    keep_pool_kernel_alive(beat, a11y.opened)
    return dashboard
