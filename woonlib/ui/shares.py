"""The linked segment shares: three percent sliders that always add to 100%.

A control like the others (`ui/controls.py`): it shows the three share assumptions and
reports a move as one change of all three.
"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as W

from woonlib.model.assumptions import SHARE_FIELDS, Assumptions
from woonlib.report.labels import label
from woonlib.ui.controls import OnChange, Run
from woonlib.ui.safety import guarded
from woonlib.ui.shared import ToggleButtonStyle, hbox, html, layout, style

TOTAL = 100  # percent; shares are whole percents, so a value never falls off the slider step


def rebalance(
    values: Mapping[str, int], moved: str, new: int, locked: frozenset[str] = frozenset()
) -> dict[str, int]:
    """Set `moved` to `new` and spread the rest over the unlocked others, in proportion.

    Whole percents that add to exactly 100 (largest remainder). `new` is clamped to what the
    locked shares leave. With every other share locked, `moved` keeps what is left.
    """
    others = [k for k in values if k != moved]
    free = [k for k in others if k not in locked]
    fixed = sum(values[k] for k in others if k in locked)
    if not free:
        return {**values, moved: TOTAL - fixed}
    new = max(0, min(int(new), TOTAL - fixed))
    rest = TOTAL - fixed - new
    weights = [values[k] for k in free]
    if sum(weights) == 0:
        weights = [1] * len(free)
    exact = [rest * w / sum(weights) for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(free)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: rest - sum(parts)]:
        parts[i] += 1
    return {**values, moved: new, **dict(zip(free, parts, strict=True))}


class ShareGroup(W.VBox):
    """Three share sliders with a lock each; `on_change({"share_<segment>": fraction})` gets
    fractions adding to 1."""

    names = SHARE_FIELDS

    def __init__(
        self, shares: Mapping[str, float], on_change: OnChange, run: Run = guarded
    ) -> None:
        self._on_change = on_change
        self._busy = False
        self.sliders: dict[str, W.IntSlider] = {}
        self.locks: dict[str, W.ToggleButton] = {}
        rows = []
        for key, fraction in shares.items():
            slider = W.IntSlider(
                value=round(fraction * TOTAL),
                min=0,
                max=TOTAL,
                step=1,
                readout=True,
                continuous_update=True,
                style=style(W.SliderStyle, description_width="210px"),
                layout=layout(width="460px"),
            )
            lock = W.ToggleButton(
                value=False,
                icon="lock",
                layout=layout(width="110px"),
                style=style(ToggleButtonStyle),
            )
            slider.observe(run(self._moved), names="value")
            lock.observe(lambda ch, s=slider: setattr(s, "disabled", ch["new"]), names="value")
            self.sliders[key], self.locks[key] = slider, lock
            rows.append(hbox([slider, lock]).add_class("wl-share").add_class(f"wl-share-{key}"))
        self.sum_label = html()
        super().__init__([*rows, self.sum_label], layout=layout())
        self.relabel()
        self._show_sum()

    def relabel(self) -> None:
        """Texts in the active language."""
        for key, slider in self.sliders.items():
            name = label(f"share_{key}")
            slider.description = slider.tooltip = f"{name} (%)"
            self.locks[key].description = label("lock")
            self.locks[key].tooltip = f"{label('lock')}: {name}"

    def show(self, a: Assumptions) -> None:
        self.set_shares(a.shares)

    @property
    def percents(self) -> dict[str, int]:
        return {k: s.value for k, s in self.sliders.items()}

    def set_shares(self, shares: Mapping[str, float]) -> None:
        """Set all three at once (reset, scenario load) without rebalancing."""
        self._busy = True
        try:
            with self.hold_sync():
                for key, fraction in shares.items():
                    self.sliders[key].value = round(fraction * TOTAL)
        finally:
            self._busy = False
        self._show_sum()

    def _moved(self, change: dict) -> None:
        if self._busy:
            return
        key = next(k for k, s in self.sliders.items() if s is change["owner"])
        locked = frozenset(k for k, t in self.locks.items() if t.value)
        current = {**self.percents, key: change["old"]}
        balanced = rebalance(current, key, change["new"], locked)
        self._busy = True
        try:
            for k, v in balanced.items():
                self.sliders[k].value = v
        finally:
            self._busy = False
        self._show_sum()
        self._on_change({f"share_{k}": v / TOTAL for k, v in balanced.items()})

    def _show_sum(self) -> None:
        self.sum_label.value = f"<small>Σ = {sum(self.percents.values())}%</small>"
