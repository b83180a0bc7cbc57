"""The dashboard: the sections as tabs over one `ScenarioState`, safe in-place updates.

Data flow: control → `ScenarioState.apply(changes)` → new Assumptions (validated) → the
page's `PanelHost` computes the scenario's outcome once and has each built panel that
depends on a changed assumption compute its result → all show, or none do and the state
goes back (`ScenarioRefused`). The language, the monitor and a loaded file are the state's
too: a switch relabels the same widgets in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from html import escape
from typing import Any, TypeVar

import ipywidgets as W

from woonlib.data import WoonvisieData, load_data
from woonlib.data.monitor import Monitor, MonitorError, empty_monitor, load_monitor_dir
from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.report.labels import fmt_count, label, monitor_problem_text, using
from woonlib.scenario.links import QueryNote
from woonlib.scenario.state import ScenarioState
from woonlib.ui.a11y import PageA11y
from woonlib.ui.compare import ComparePanel
from woonlib.ui.elderly import ElderlyPanel
from woonlib.ui.host import PanelHost, sync_figures
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.overview import OverviewPanel
from woonlib.ui.panel import Panel, page_bundle
from woonlib.ui.programme import ProgrammePanel
from woonlib.ui.progress import ProgressPanel, shown_file
from woonlib.ui.safety import fault_from_env, keep_errors_on_server, keep_pool_kernel_alive
from woonlib.ui.scenario_bar import ScenarioBar
from woonlib.ui.segments import SegmentsPanel
from woonlib.ui.shared import button, hbox, html, layout, vbox
from woonlib.ui.sources import SourcesPanel
from woonlib.ui.tables import page_style_html
from woonlib.ui.targets import TargetsPanel

log = logging.getLogger("woonlib.ui")
PANELS: tuple[type[Panel], ...] = (  # the tabs, in order
    OverviewPanel,
    ProgrammePanel,
    SegmentsPanel,
    ElderlyPanel,
    OutflowPanel,
    TargetsPanel,
    ProgressPanel,
    ComparePanel,
    SourcesPanel,
)
P = TypeVar("P", bound=Panel)
PAGE_CSS = page_style_html()  # the page's CSS (report/templates/page.css), one widget sent once


class Dashboard(W.VBox):
    """The whole page over `state` (scenario, history, language, monitor, loaded file):
    a header, the scenario bar, the status line and one tab per panel of `PANELS`.

    With `lazy` (the served page) a tab's panel is built when its tab is first selected (or
    `panel(i)` asks for it), from the scenario current then; built tabs out of view are
    updated when selected. Without it every panel is built at once.
    """

    def __init__(
        self,
        data: WoonvisieData | None = None,
        fault: Callable[[Assumptions], None] | None = None,
        lazy: bool = False,
        state: ScenarioState | None = None,
    ) -> None:
        super().__init__(layout=layout())
        self.data = data or load_data()
        self.state = ScenarioState() if state is None else state
        problem = ""
        if self.state.monitor.empty:
            self.state.monitor, problem = default_monitor(self.data)
        self.lazy = lazy
        status = html(min_height="24px")
        self.host = PanelHost(self.state, self.data, self._in_view, fault, status=status)
        self.status = self.host.status
        self.page_css = html(PAGE_CSS, display="none")  # the CSS, sent once per page
        self.page_a11y = PageA11y(lang=self.state.lang, layout=layout())
        if lazy:  # plotly.js (5 MB) follows once the page shows, ahead of a chart's tab
            self.page_a11y.when_opened(page_bundle)
        self.tabs = W.Tab(layout=layout())
        self.tabs.add_class("wl-tabs")
        for index in [0] if lazy else range(len(PANELS)):
            self.host.build(index, PANELS[index])
        # Lazy: each tab holds a box that shows a placeholder (one widget for all) until its
        # panel is built. The tabs' own children never change: that would make the page
        # redraw every tab after the one built (and plotly's old views then break updates).
        built, slot = self.host.panels, html('<div class="wl-tab-pending"></div>')
        self._slots = [vbox([built.get(i, slot)]) for i in range(len(PANELS))] if lazy else []
        self.tabs.children = self._slots or [built[i] for i in range(len(PANELS))]
        self.tabs.selected_index = 0
        self.tabs.observe(self.host.callback(self._tab_selected), names="selected_index")
        with using(self.state.lang):
            self.reset_button = button(icon="undo")
            self.bar = ScenarioBar(self.state, self.data, self.host.message)
            self.title = html()
            self.scenario_state = html()  # "Woonvisie" or "N aannames gewijzigd"
            self._relabel()
        self.state.observe(self.host.callback(lambda _: self._show_state()), names="assumptions")
        self.reset_button.on_click(self.host.callback(lambda _: self.bar.choose(DEFAULTS)))
        self.header = hbox(
            [self.title, hbox([self.scenario_state, self.reset_button], align_items="center")],
            justify_content="space-between",
            flex_flow="row wrap",
        )
        self.header.add_class("wl-header")
        self.host.relabelled.append(self._relabel)
        self.children = [
            self.page_css,
            self.page_a11y,
            self.header,
            self.bar,
            self.status,
            self.tabs,
        ]
        if problem:
            self.host.message(problem)

    def _relabel(self) -> None:
        """The page's own texts in the active language (the panels relabel themselves)."""
        self.reset_button.description = self.reset_button.tooltip = label("reset_all")
        self.title.value = (
            f"<h2 class='wl-title'>{escape(label('title'))}</h2>"  # h3 in the tabs
            f"<p class='wl-subtitle'>{escape(label('subtitle'))}</p>"
        )
        self.tabs.titles = [label(cls.title_key) for cls in PANELS]
        self.page_a11y.lang = self.state.lang
        self._show_state()

    def _show_state(self) -> None:
        """The header's state of the scenario: the Woonvisie, or how many assumptions differ."""
        with using(self.state.lang):
            changed = len(self.state.assumptions.changed())
            text = (
                fmt_count(changed, "assumption_changed")
                if changed
                else label("scenario_is_woonvisie")
            )
            kind = "changed" if changed else "default"
            self.scenario_state.value = (
                f'<span class="wl-state wl-state-{kind}" role="status" '
                f'aria-label="{escape(label("scenario_state_label"))}: {escape(text)}">'
                f"{escape(text)}</span>"
            )

    def _in_view(self, index: Any) -> bool:
        return not self.lazy or index == (self.tabs.selected_index or 0)

    # --- panels (tabs) -------------------------------------------------------------------------

    def panel(self, index: int) -> Panel:
        """The panel of tab `index`, built now if it was not yet (its tab then shows it)."""
        if index not in self.host.panels:
            self._slots[index].children = [self.host.build(index, PANELS[index])]
        return self.host.panels[index]

    @property
    def panels(self) -> list[Panel]:
        """Every panel; in lazy mode this builds the tabs not built yet (tests, scripts)."""
        return [self.panel(i) for i in range(len(PANELS))]

    @property
    def built(self) -> dict[Any, Panel]:
        """The panels built so far, by tab index."""
        return dict(self.host.panels)

    def _of(self, cls: type[P]) -> P:
        panel = self.panel(PANELS.index(cls))
        assert isinstance(panel, cls)
        return panel

    @property
    def segments(self) -> SegmentsPanel:
        return self._of(SegmentsPanel)

    @property
    def compare(self) -> ComparePanel:
        return self._of(ComparePanel)

    @property
    def targets(self) -> TargetsPanel:
        return self._of(TargetsPanel)

    @property
    def progress(self) -> ProgressPanel:
        return self._of(ProgressPanel)

    @property
    def controls(self) -> dict[str, Any]:
        """The controls of one assumption in the built panels, by assumption (the share
        group, which shows three, is `segments.share_group`)."""
        built = sorted(self.host.panels.items())
        return {n: c for _, p in built for n, c in p.controls.items() if c.names == (n,)}

    def _tab_selected(self, change: dict) -> None:
        index = change["new"]
        if not isinstance(index, int) or not 0 <= index < len(PANELS):
            return
        if index not in self.host.panels:
            try:
                self.panel(index)
            except Exception:
                log.exception("building tab %s failed", PANELS[index].__name__)
                self.host.message(label("error_message"))
        else:
            self.host.show_stale(index)

    def flush(self) -> None:
        """Show every tab's result still waiting for its tab (lazy mode)."""
        with using(self.state.lang):
            self.host.refresh(sorted(self.host.stale, key=str), everywhere=True)

    # --- the scenario (the state's; these are shorthands for scripts and tests) ---------------

    @property
    def assumptions(self) -> Assumptions:
        return self.state.assumptions

    def apply(self, changes: Mapping[str, Any]) -> bool:
        """Apply `changes`; on any failure keep the previous scenario and say so."""
        return self.host.apply(changes)

    def set_scenario(self, a: Assumptions) -> bool:
        """Show scenario `a` as a whole (preset, file, link)."""
        return self.bar.choose(a)

    def undo(self) -> bool:
        return bool(self.state.undo())

    def open_link(self, query: str | None) -> list[QueryNote]:
        """Show the scenario a page link describes; say what in it was left out and why."""
        return self.bar.open_link(query)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """Displayed (the notebook's last cell): every figure's synced state is made current
        first, so that a page connecting now sees what in-place updates have drawn."""
        self.flush()
        sync_figures(self)
        return super()._repr_mimebundle_(**kwargs)


def default_monitor(data: WoonvisieData) -> tuple[Monitor, str]:
    """The monitor files kept beside the data package (data/monitor/), and a problem text.

    A broken file there must not take the page down: the page starts without monitor data
    and says what is wrong (in Dutch; the log has the details).
    """
    try:
        return load_monitor_dir(data.root / "monitor", data["targets"]), ""
    except MonitorError as exc:
        log.warning("data/monitor not used: %s", exc)
        with using("nl"):
            count = fmt_count(len(exc.problems), "problem")
        head = label("monitor_invalid", "nl").format(count=count)
        with using("nl"):
            return empty_monitor(), f"{head} {monitor_problem_text(shown_file(exc.problems[0]))}"


def build_dashboard() -> Dashboard:
    """The dashboard on the shipped data package (what notebooks/dashboard.ipynb shows)."""
    keep_errors_on_server()
    dashboard = Dashboard(load_data(), fault=fault_from_env(), lazy=True)
    a11y = dashboard.page_a11y

    def beat() -> None:
        a11y.beat += 1

    keep_pool_kernel_alive(beat, a11y.opened)
    return dashboard
