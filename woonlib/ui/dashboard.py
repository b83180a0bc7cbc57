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
from typing import Any, TypeVar

import ipywidgets as W

from woonlib.data import WoonvisieData, load_data
from woonlib.data.monitor import Monitor, MonitorError, empty_monitor, load_monitor_dir
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, AssumptionError, Assumptions
from woonlib.model.indicators import checks, indicators
from woonlib.model.presets import PRESETS
from woonlib.report.labels import fmt_count, label, monitor_problem_text
from woonlib.scenario.history import History, changed_names
from woonlib.scenario.links import QueryNote, parse_query, scenario_query
from woonlib.ui.a11y import PageA11y
from woonlib.ui.compare import ComparePanel
from woonlib.ui.elderly import ElderlyPanel
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.overview import OverviewPanel
from woonlib.ui.panel import Panel, page_bundle
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
from woonlib.ui.shared import button, hbox, html, is_shared, layout, vbox
from woonlib.ui.sources import SourcesPanel
from woonlib.ui.state import ScenarioRefused, ScenarioState, invalid_text
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
    """The whole page, composed over `state` (scenario, history, language, loaded file):
    `assumptions`, `history`, `lang` and `loaded` read it; `status` shows messages.

    Every change of the state goes through `_update`: compute the affected panels, show
    them all or none (else the state goes back), put the scenario in the page's link.

    With `lazy` (the served page) a tab's panel is built when its tab is first selected (or
    `panel(i)` asks for it), from the scenario current then; built tabs out of view are
    updated when selected. Without it every panel is built at once.
    """

    def __init__(
        self,
        data: WoonvisieData | None = None,
        lang: str | None = None,
        fault: Callable[[Assumptions], None] | None = None,
        lazy: bool = False,
        state: ScenarioState | None = None,
    ) -> None:
        super().__init__(layout=layout())
        self.data = data or load_data()
        self.state = ScenarioState() if state is None else state
        lang = lang or self.state.lang
        self._refused = False  # this page refused the state's scenario; it is going back
        self.fault = fault  # test hook: raise inside a recompute
        self.lazy = lazy
        self.link_opened = False
        self._pending: dict[int, Any] = {}  # panel index -> result not yet shown
        self._built: dict[int, Panel] = {}  # panel index -> panel (built tabs)
        self.monitor, monitor_problem = default_monitor(self.data)
        # Kept across language switches: the CSS is sent once per page.
        self.page_css = html(PAGE_CSS, display="none")
        self.page_a11y = PageA11y(lang=lang, layout=layout())
        if lazy:  # plotly.js (5 MB) follows once the page shows, ahead of a chart's tab
            self.page_a11y.when_opened(page_bundle)
        self.status = html(min_height="24px")
        self._build(lang, 0)
        self.state.observe(self._on_scenario, names="assumptions")
        self.state.observe(guarded(lambda ch: self.set_lang(ch["new"])), names="lang")
        self.state.observe(guarded(lambda _: self._refresh_compare()), names="loaded")
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

    def _build(self, lang: str, selected: int) -> None:
        """Make the widgets in `lang`: the header, the scenario bar, the tabs with the panel
        of tab `selected` (every panel unless lazy), showing the current scenario."""
        self.lang = lang
        self.page_a11y.lang = lang
        self._built, self._pending = {}, {}
        self._message("")
        reset_all = label("reset_all", lang)
        self.reset_button = button(reset_all, icon="undo", tooltip=reset_all)
        self.reset_button.on_click(guarded(lambda _: self.reset()))
        self.bar = ScenarioBar(self, lang)
        title = html(
            f"<h2 style='margin:4px 0'>{escape(label('title', lang))}</h2>"
            f"<div>{escape(label('subtitle', lang))}</div>"
        )
        for index in [selected] if self.lazy else range(len(PANELS)):
            self._make(index)
        # Lazy: each tab holds a box that shows a placeholder (one widget for all) until its
        # panel is built. The tabs' own children never change: that would make the page
        # redraw every tab after the one built (and plotly's old views then break updates).
        self._placeholder = html('<div class="wl-tab-pending"></div>') if self.lazy else None
        self._slots = (
            [vbox([self._built.get(i, self._placeholder)]) for i in range(len(PANELS))]
            if self.lazy
            else []
        )
        self.tabs = W.Tab(
            children=self._slots or [self._built[i] for i in range(len(PANELS))],
            titles=[label(cls.title_key, lang) for cls in PANELS],
            selected_index=selected,
            layout=layout(),
        )
        self.tabs.observe(guarded(self._tab_selected), names="selected_index")
        self.children = [
            self.page_css,
            self.page_a11y,
            hbox([title, self.reset_button], justify_content="space-between"),
            self.bar,
            self.status,
            self.tabs,
        ]
        self.bar.show(self.assumptions, self.history)

    # --- panels (tabs) -------------------------------------------------------------------------

    def _make(self, index: int) -> Panel:
        """Build panel `index` from the current scenario (not yet in the tabs)."""
        cls = PANELS[index]
        extras: dict[type[Panel], dict[str, Any]] = {
            SegmentsPanel: {"on_shares": self._on_shares},
            ComparePanel: {"scenarios": self.scenarios},
            TargetsPanel: {"monitor": self.monitor},
            ProgressPanel: {
                "monitor": self.monitor,
                "on_apply": self._on_apply,
                "on_monitor": self.set_monitor,
            },
        }
        panel = cls(self.data, self.lang, self._on_control, **extras.get(cls, {}))
        a = self.assumptions
        for name, c in panel.controls.items():
            c.set_value(getattr(a, name))
        if isinstance(panel, SegmentsPanel):
            panel.share_group.set_shares(a.shares)
        panel.update(a)
        # Its figures were made from the defaults and updated in place: a page that has not
        # drawn them yet may miss those updates, so their state is made current.
        for widget in walk(panel):
            if isinstance(widget, SharedFigureWidget):
                widget.sync_state()
        self._built[index] = panel
        return panel

    def panel(self, index: int) -> Panel:
        """The panel of tab `index`, built now if it was not yet (its tab then shows it)."""
        if index not in self._built:
            self._slots[index].children = [self._make(index)]
        return self._built[index]

    @property
    def panels(self) -> list[Panel]:
        """Every panel; in lazy mode this builds the tabs not built yet (tests, scripts)."""
        return [self.panel(i) for i in range(len(PANELS))]

    @property
    def built(self) -> dict[int, Panel]:
        """The panels built so far, by tab index."""
        return dict(self._built)

    def _of(self, cls: type[P]) -> P:
        panel = self.panel(PANELS.index(cls))
        assert isinstance(panel, cls)
        return panel

    def _built_of(self, cls: type[P]) -> P | None:
        panel = self._built.get(PANELS.index(cls))
        return panel if isinstance(panel, cls) else None

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
        """The controls of the built panels, by assumption."""
        return {name: c for _, p in sorted(self._built.items()) for name, c in p.controls.items()}

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
        for cls in (TargetsPanel, ProgressPanel):
            index = PANELS.index(cls)
            panel = self._built.get(index)
            if isinstance(panel, TargetsPanel | ProgressPanel):  # else built with it later
                panel.monitor = monitor
                self._pending.pop(index, None)
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
        # Panels not built yet are built from the scenario when their tab is opened.
        shown = self.tabs.selected_index or 0
        built = self._built
        order = sorted(built, key=lambda i: i != shown)
        affected = [i for i in order if built[i].affected_by(changed)]
        # On the lazy page, tabs out of view are computed when opened: a move computes and
        # sends only what can be seen. The core, which every panel derives from, is the
        # gate: a scenario the model cannot compute is refused, whatever tab is in view.
        later = [i for i in affected if self.lazy and i != shown]
        try:
            if self.fault is not None:
                self.fault(new)
            indicators(self.data, new), checks(self.data, new)
            results = [(i, built[i].compute(new)) for i in affected if i not in later]
        except Exception:
            log.exception("recompute failed for %r", {k: getattr(new, k) for k in changed})
            self._message(label("error_message", self.lang))
            return False
        try:
            # The controls first: the page then never shows a chart ahead of its readout.
            self._show_values(new, changed)
            for i in later:
                self._pending[i] = STALE
            for i, result in results:
                if self.lazy and i != shown:
                    self._pending[i] = result
                else:
                    self._pending.pop(i, None)
                    built[i].show(result)
            self.bar.show(new, self.history)
        except Exception:  # a bug in a show(): say so rather than leave the page silent
            log.exception("showing the result failed for %r", {k: getattr(new, k) for k in changed})
            self._message(label("error_message", self.lang))
            return True  # the scenario stands (some output may lag behind): no going back
        self._message("")
        return True

    def _tab_selected(self, change: dict) -> None:
        index = change["new"]
        if not isinstance(index, int) or not 0 <= index < len(PANELS):
            return
        if index not in self._built:
            try:
                self.panel(index)
            except Exception:
                log.exception("building tab %s failed", PANELS[index].__name__)
                self._message(label("error_message", self.lang))
        elif index in self._pending:
            self._show_pending(index)

    def flush(self) -> None:
        """Show every result still waiting for its tab (lazy mode)."""
        for index in sorted(self._pending):
            self._show_pending(index)

    def _show_pending(self, index: int) -> None:
        """Show what waits for tab `index`: computed now from the current scenario if stale."""
        panel, result = self._built[index], self._pending.pop(index)
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

    def _refresh_compare(self) -> None:
        compare = self._built_of(ComparePanel)
        if compare is not None:  # else built with the loaded file among its options
            compare.refresh_options()

    def open_link(self, query: str | None) -> list[QueryNote]:
        """Show the scenario a page link describes; say what in it was left out and why."""
        self.link_opened = True
        a, notes = parse_query(query)
        try:
            self.set_scenario(a)
        finally:  # the page's link now holds only what applied
            self.bar.link.link_read += 1
        if notes:
            self._message(self.bar.describe_notes(notes), role="status")
        return notes

    def set_lang(self, lang: str) -> None:
        """Rebuild the widgets in `lang`, keeping the scenario, its history and its link; the
        old ones are closed (none is left behind)."""
        if lang == self.lang:
            return
        kept = {id(self.page_css), id(self.page_a11y), id(self.status)}
        old = [w for w in self.children if id(w) not in kept]
        if self._placeholder is not None:  # out of the tree once every tab is built
            old.append(self._placeholder)
        self._build(lang, self.tabs.selected_index or 0)
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
        segments = self._built_of(SegmentsPanel)
        if segments is not None and (names is None or not set(SHARE_FIELDS).isdisjoint(names)):
            segments.share_group.set_shares(a.shares)

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


STALE = object()  # a tab out of view on the lazy page: compute it when its tab is opened


def default_monitor(data: WoonvisieData) -> tuple[Monitor, str]:
    """The monitor files kept beside the data package (data/monitor/), and a problem text.

    A broken file there must not take the page down: the page starts without monitor data
    and says what is wrong (in Dutch; the log has the details).
    """
    try:
        return load_monitor_dir(data.root / "monitor", data["targets"]), ""
    except MonitorError as exc:
        log.warning("data/monitor not used: %s", exc)
        count = fmt_count(len(exc.problems), "problem", "nl")
        head = label("monitor_invalid", "nl").format(count=count)
        return empty_monitor(), f"{head} {monitor_problem_text(exc.problems[0], 'nl')}"


def walk(widget: W.Widget) -> Iterator[W.Widget]:
    """`widget` and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def close_tree(widget: W.Widget) -> None:
    """Close `widget` and every widget inside it, with their own layouts and styles (frees
    them in the kernel and the page); shared layouts and styles stay open."""
    for each in reversed(list(walk(widget))):
        for part in (getattr(each, "layout", None), getattr(each, "style", None)):
            if isinstance(part, W.Widget) and not is_shared(part):
                part.close()
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
