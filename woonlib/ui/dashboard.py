"""The dashboard: the sections as tabs, one state (Assumptions), safe in-place updates.

Data flow: control → `Dashboard.apply(changes)` → new Assumptions (validated) → each panel
that depends on a changed assumption computes its result → all show, or none do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

import ipywidgets as W

from woonlib.assumptions import DEFAULTS, SHARE_FIELDS, SPECS, AssumptionError, Assumptions
from woonlib.data import WoonvisieData, load_data
from woonlib.labels import label
from woonlib.ui.a11y import PageA11y
from woonlib.ui.elderly import ElderlyPanel
from woonlib.ui.outflow import OutflowPanel
from woonlib.ui.overview import OverviewPanel
from woonlib.ui.panel import Panel
from woonlib.ui.programme import ProgrammePanel
from woonlib.ui.safety import fault_from_env, guarded
from woonlib.ui.segments import SegmentsPanel
from woonlib.ui.sources import SourcesPanel

log = logging.getLogger("woonlib.ui")
PAGE_CSS = (  # tab titles in full and with enough contrast; long labels wrap, not cut off
    "<style>.jupyter-widget-TabPanel-tabBar .lm-TabBar-tab{flex:0 0 auto !important;"
    "max-width:none !important;min-width:fit-content !important;padding:0 14px;"
    "color:#1f1f1f !important}"
    ".wl-control .widget-label{white-space:normal !important;line-height:15px !important;"
    "height:auto !important;min-height:28px;display:flex;align-items:center;"
    "justify-content:flex-end;text-align:right}</style>"
)


class Dashboard(W.VBox):
    """The whole page. `assumptions` is the current scenario; `status` shows messages."""

    def __init__(
        self,
        data: WoonvisieData | None = None,
        lang: str = "nl",
        fault: Callable[[Assumptions], None] | None = None,
    ) -> None:
        self.data = data or load_data()
        self.lang = lang
        self.assumptions = DEFAULTS
        self.fault = fault  # test hook: raise inside a recompute
        args = (self.data, lang, self._on_control)
        self.segments = SegmentsPanel(*args, on_shares=self._on_shares)
        self.panels: list[Panel] = [
            OverviewPanel(*args),
            ProgrammePanel(*args),
            self.segments,
            ElderlyPanel(*args),
            OutflowPanel(*args),
            SourcesPanel(*args),
        ]
        self.tabs = W.Tab(
            children=self.panels, titles=[label(p.title_key, lang) for p in self.panels]
        )
        self.status = W.HTML(layout=W.Layout(min_height="24px"))
        self.reset_button = W.Button(
            description=label("reset_all", lang),
            icon="undo",
            tooltip=label("reset_all", lang),
            layout=W.Layout(width="auto"),
        )
        self.reset_button.on_click(guarded(lambda _: self.reset()))
        title = W.HTML(
            f"<h2 style='margin:4px 0'>{escape(label('title', lang))}</h2>"
            f"<div>{escape(label('subtitle', lang))}</div>"
        )
        super().__init__(
            [
                W.HTML(PAGE_CSS, layout=W.Layout(display="none")),
                PageA11y(lang=lang),
                W.HBox(
                    [title, self.reset_button], layout=W.Layout(justify_content="space-between")
                ),
                self.status,
                self.tabs,
            ]
        )
        for panel in self.panels:
            panel.update(self.assumptions)

    @property
    def controls(self) -> dict[str, Any]:
        return {name: c for p in self.panels for name, c in p.controls.items()}

    # --- changes -----------------------------------------------------------------------------

    @guarded
    def _on_control(self, name: str, value: Any) -> None:
        self.apply({name: value})

    @guarded
    def _on_shares(self, shares: Mapping[str, float]) -> None:
        self.apply({f"share_{k}": v for k, v in shares.items()})

    def apply(self, changes: Mapping[str, Any]) -> bool:
        """Apply `changes`; on any failure keep the previous scenario and say so."""
        try:
            new = self.assumptions.replace(**changes)
        except AssumptionError as exc:
            log.warning("rejected change %r: %s", dict(changes), exc)
            self._message(self._invalid(exc))
            self._show_values(self.assumptions)
            return False
        changed = {k for k in changes if getattr(new, k) != getattr(self.assumptions, k)}
        return self._update(new, changed)

    def _update(self, new: Assumptions, changed: set[str]) -> bool:
        affected = [p for p in self.panels if p.affected_by(changed)]
        try:
            if self.fault is not None:
                self.fault(new)
            results = [(p, p.compute(new)) for p in affected]
        except Exception:
            log.exception("recompute failed for %r", {k: getattr(new, k) for k in changed})
            self._message(label("error_message", self.lang))
            self._show_values(self.assumptions)
            return False
        self.assumptions = new
        try:
            for panel, result in results:
                panel.show(result)
        except Exception:  # a bug in a show(): say so rather than leave the page silent
            log.exception("showing the result failed for %r", {k: getattr(new, k) for k in changed})
            self._message(label("error_message", self.lang))
            return False
        self._message("")
        return True

    def reset(self) -> None:
        """Everything back to the Woonvisie."""
        changed = set(self.assumptions.changed())
        self._show_values(DEFAULTS)
        self._update(DEFAULTS, changed)

    # --- display -----------------------------------------------------------------------------

    def _show_values(self, a: Assumptions) -> None:
        """Put the values of `a` into every control without triggering changes."""
        for name, c in self.controls.items():
            c.set_value(getattr(a, name))
        self.segments.share_group.set_shares(a.shares)

    def _message(self, text: str) -> None:
        self.status.value = (
            f'<div role="alert" class="wl-note">{escape(text)}</div>' if text else ""
        )

    def _invalid(self, exc: AssumptionError) -> str:
        lang = self.lang
        if exc.name in SPECS:
            return (
                f"{label('invalid_value', lang)}: {label(exc.name, lang)} — "
                f"{label('allowed', lang)} {SPECS[exc.name].allowed()}"
            )
        if any(f in str(exc) for f in SHARE_FIELDS):
            return label("shares_must_add", lang)
        return label("error_message", lang)


def build_dashboard(lang: str = "nl") -> Dashboard:
    """The dashboard on the shipped data package (what notebooks/dashboard.ipynb shows)."""
    logging.basicConfig(level=logging.WARNING)
    return Dashboard(load_data(), lang, fault=fault_from_env())
