"""The linked segment shares: three percent controls that always add to exactly 100,0%.

A control like the others (`ui/controls.py`): each share has a slider (whole percents), a
box for an exact value (tenths), its readout with the `?` of its source, a reset to the
Woonvisie and a lock (*Vast*); a move is reported as one change of all three. Shares are
held in tenths of a percent (`woonlib.model.shares`), so the readouts add to 100,0%.
"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as W

from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, SPECS, Assumptions
from woonlib.model.shares import TENTHS, largest_remainder
from woonlib.report.labels import fmt_percent, fmt_source, label
from woonlib.ui.controls import OnChange, Run, help_html, reset_tooltip
from woonlib.ui.safety import guarded
from woonlib.ui.shared import (
    DescriptionStyle,
    ToggleButtonStyle,
    button,
    html,
    layout,
    style,
)

TOTAL = 100  # whole percents: the slider's steps
PER_STEP = TENTHS // TOTAL  # tenths of a percent in one slider step


def rebalance(
    values: Mapping[str, int],
    moved: str,
    new: int,
    locked: frozenset[str] = frozenset(),
    total: int = TOTAL,
) -> dict[str, int]:
    """Set `moved` to `new` and spread the rest over the unlocked others, in proportion.

    Whole parts of `total` that add to exactly `total` (largest remainder). `new` is
    clamped to what the locked shares leave. With every other share locked, `moved` keeps
    what is left.
    """
    others = [k for k in values if k != moved]
    free = [k for k in others if k not in locked]
    fixed = sum(values[k] for k in others if k in locked)
    if not free:
        return {**values, moved: total - fixed}
    new = max(0, min(int(new), total - fixed))
    rest = total - fixed - new
    weights = [values[k] for k in free]
    if sum(weights) == 0:
        weights = [1] * len(free)
    exact = [rest * w / sum(weights) for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(free)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: rest - sum(parts)]:
        parts[i] += 1
    return {**values, moved: new, **dict(zip(free, parts, strict=True))}


class ShareRow(W.HBox):
    """One share's widgets: slider, exact box, readout with `?`, reset, lock."""

    def __init__(self, key: str) -> None:
        self.key, self.name = key, f"share_{key}"
        self.slider = W.IntSlider(
            min=0,
            max=TOTAL,
            step=1,
            readout=False,
            continuous_update=True,
            style=style(W.SliderStyle, description_width="290px"),
            layout=layout(),
        )
        self.slider.add_class("wl-slider")
        self.entry = W.BoundedFloatText(
            min=0, max=TOTAL, step=0.1, style=style(DescriptionStyle), layout=layout()
        )
        self.entry.add_class("wl-entry")
        self.readout = html().add_class("wl-readout")
        self.reset_button = button(icon="undo").add_class("wl-reset")
        self.lock = W.ToggleButton(
            value=False, icon="unlock", layout=layout(), style=style(ToggleButtonStyle)
        )
        self.lock.add_class("wl-lock")
        super().__init__(
            [self.slider, self.entry, self.readout, self.reset_button, self.lock],
            layout=layout(),
        )
        for cls in ("wl-control", "wl-number", "wl-share", f"wl-share-{key}"):
            self.add_class(cls)

    def relabel(self) -> None:
        """Texts in the active language."""
        name = label(self.name)
        with self.hold_sync():
            self.slider.description = self.slider.tooltip = f"{name} (%)"
            self.entry.tooltip = f"{label('exact_entry')}: {name}"
            self.reset_button.tooltip = reset_tooltip(self.name)
            self.lock.description = label("lock")
            self.lock.tooltip = f"{label('lock')}: {name}"
        self._help = help_html(fmt_source(SPECS[self.name].source))

    def put(self, tenths: int, percent: int, locked_others: bool) -> None:
        """Show `tenths` (of a percent): the slider at whole `percent` (the three add to 100
        too), the box and the readout exact."""
        with self.hold_sync():
            self.slider.value = percent
            self.entry.value = tenths / PER_STEP
            self.readout.value = f"<b>{fmt_percent(tenths / TENTHS)}</b>{self._help}"
            locked = self.lock.value
            for widget in (self.slider, self.entry, self.reset_button):
                widget.disabled = locked or locked_others


class ShareGroup(W.VBox):
    """Three share rows and their sum; `on_change({"share_<segment>": fraction})` gets
    fractions in tenths of a percent adding to exactly 1."""

    names = SHARE_FIELDS

    def __init__(
        self, shares: Mapping[str, float], on_change: OnChange, run: Run = guarded
    ) -> None:
        self._on_change = on_change
        self._busy = False
        self.rows = {key: ShareRow(key) for key in shares}
        self.sliders: dict[str, W.IntSlider] = {k: r.slider for k, r in self.rows.items()}
        self.locks: dict[str, W.ToggleButton] = {k: r.lock for k, r in self.rows.items()}
        self._tenths = largest_remainder(shares)
        for key, row in self.rows.items():
            row.slider.observe(run(self._moved), names="value")
            row.entry.observe(run(self._typed), names="value")
            row.reset_button.on_click(run(lambda _, k=key: self.reset(k)))
            row.lock.observe(run(self._locked), names="value")
        self.sum_label = html().add_class("wl-share-sum")
        super().__init__([*self.rows.values(), self.sum_label], layout=layout())
        self.relabel()

    def relabel(self) -> None:
        """Texts in the active language."""
        for row in self.rows.values():
            row.relabel()
        self._show()

    def show(self, a: Assumptions) -> None:
        self.set_shares(a.shares)

    @property
    def percents(self) -> dict[str, float]:
        """The shares as shown, in percent with one decimal (adding to exactly 100)."""
        return {k: v / PER_STEP for k, v in self._tenths.items()}

    def set_shares(self, shares: Mapping[str, float]) -> None:
        """Show all three at once (reset, scenario load) without rebalancing or reporting."""
        self._tenths = largest_remainder(shares)
        self._show()

    def reset(self, key: str) -> None:
        """Put share `key` back to the Woonvisie's, the unlocked others in proportion."""
        self._set(key, round(getattr(DEFAULTS, f"share_{key}") * TENTHS))

    def _moved(self, change: dict) -> None:
        if not self._busy:
            key = next(k for k, s in self.sliders.items() if s is change["owner"])
            self._set(key, int(change["new"]) * PER_STEP)

    def _typed(self, change: dict) -> None:
        if not self._busy:
            key = next(k for k, r in self.rows.items() if r.entry is change["owner"])
            self._set(key, round(float(change["new"]) * PER_STEP))

    def _locked(self, change: dict) -> None:
        row = next(r for r in self.rows.values() if r.lock is change["owner"])
        with row.lock.hold_sync():  # the state in the icon too (and aria-pressed: a11y.py)
            row.lock.icon = "lock" if change["new"] else "unlock"
        self._show()

    def _set(self, key: str, tenths: int) -> None:
        locked = frozenset(k for k, t in self.locks.items() if t.value)
        self._tenths = rebalance(self._tenths, key, tenths, locked - {key}, total=TENTHS)
        self._show()
        self._on_change({f"share_{k}": v / TENTHS for k, v in self._tenths.items()})

    def _show(self) -> None:
        """Every row and the sum from the held tenths (no change is reported meanwhile)."""
        locked = [k for k, t in self.locks.items() if t.value]
        percents = largest_remainder({k: v / TENTHS for k, v in self._tenths.items()}, TOTAL)
        self._busy = True
        try:
            for key, row in self.rows.items():
                others_locked = len(locked) == len(self.rows) - 1 and key not in locked
                row.put(self._tenths[key], percents[key], others_locked)
        finally:
            self._busy = False
        total = fmt_percent(sum(self._tenths.values()) / TENTHS)
        self.sum_label.value = f"<p>{label('shares_total')}: <b>{total}</b></p>"
