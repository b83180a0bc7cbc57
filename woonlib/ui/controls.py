"""One control per assumption: slider, Dutch readout, exact entry, help, own reset.

The control protocol, which the share group (`ui/shares.py`) speaks too: a control shows
the assumptions `names`; `show(a)` puts their values from scenario `a` into it without
reporting; a change by the reader calls `on_change({name: value, ...})`; `relabel()` puts
its texts in the active language. `run` wraps its own callbacks (the host: never raise, in
the state's language).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any, Protocol

import ipywidgets as W

from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions, Spec
from woonlib.report.labels import fmt_source, fmt_value, label, unit_label
from woonlib.ui.safety import guarded
from woonlib.ui.shared import CheckboxStyle, DescriptionStyle, button, html, layout, style
from woonlib.vocab import INT_UNITS

LABEL = {"description_width": "290px"}
OnChange = Callable[[Mapping[str, Any]], None]
Run = Callable[[Callable[..., Any]], Callable[..., Any]]


class Control(Protocol):
    """What a panel's host needs of a control (see the module's docstring)."""

    names: tuple[str, ...]

    def show(self, a: Assumptions) -> None: ...

    def relabel(self) -> None: ...


def _scale(spec: Spec) -> int:
    """Fractions are shown and entered as whole percents."""
    return 100 if spec.unit == "fraction" else 1


def reset_tooltip(name: str) -> str:
    """The tooltip of the icon-only button that puts one assumption back to the Woonvisie."""
    return f"{label('reset_one')}: {label(name)}"


def help_html(text: str) -> str:
    """A '?' with the assumption's source as tooltip and accessible name (page CSS: .wl-help),
    for an HTML widget the control has anyway."""
    text = escape(text)
    return f'<span class="wl-help" role="img" title="{text}" aria-label="{text}">?</span>'


def display_unit(spec: Spec) -> str:
    if spec.unit == "year":
        return ""
    return "%" if spec.unit == "fraction" else unit_label(spec.unit)


def relabel_options(dropdown: W.Dropdown, options: list[tuple[str, Any]]) -> None:
    """Give `dropdown` new option texts, keeping its value (its observers see no change)."""
    value = dropdown.value
    with dropdown.hold_trait_notifications():
        dropdown.options = options
        dropdown.value = value


class NumberControl(W.HBox):
    """A numeric assumption: slider (no browser readout), exact entry, Dutch readout, reset.

    `value` is in the assumption's own unit (a fraction stays a fraction); the widgets
    show percents for fractions. The value is held here, not in the slider: an exact entry
    off the slider's step (9.333 with step 50) keeps its value, and the slider is put on the
    nearest step, since the browser snaps an off-step slider and sends the snapped value back.
    """

    def __init__(self, name: str, on_change: OnChange, run: Run = guarded) -> None:
        self.name, self.spec, self.names = name, SPECS[name], (name,)
        self._on_change = on_change
        self._scale = scale = _scale(self.spec)
        assert self.spec.minimum is not None and self.spec.maximum is not None
        self._is_int = self.spec.unit in INT_UNITS
        self._value: Any = getattr(DEFAULTS, name)
        lo, hi = self.spec.minimum * scale, self.spec.maximum * scale
        step = (self.spec.step or 1) * scale
        shown = self._value * scale
        look = {"layout": layout(), "style": style(W.SliderStyle, **LABEL)}  # CSS: .wl-slider
        common = {
            "readout": False,
            "continuous_update": True,
            **look,
        }
        if self._is_int or scale == 100:
            self.slider: W.IntSlider | W.FloatSlider = W.IntSlider(
                value=round(shown),
                min=round(lo),
                max=round(hi),
                step=max(1, round(step)),
                **common,
            )
        else:
            self.slider = W.FloatSlider(value=shown, min=lo, max=hi, step=step, **common)
        box = {
            "description": "",
            "layout": layout(),
            "style": style(DescriptionStyle),
        }
        if self._is_int:
            self.entry: W.BoundedIntText | W.BoundedFloatText = W.BoundedIntText(
                value=round(shown), min=round(lo), max=round(hi), step=1, **box
            )
        else:  # percents and factors: decimals allowed in the box
            self.entry = W.BoundedFloatText(
                value=shown, min=lo, max=hi, step=0.1 if scale == 100 else step, **box
            )
        self.readout = html().add_class("wl-readout")  # the value, then the '?' with the source
        self.reset_button = button(icon="undo").add_class("wl-reset")
        self.slider.add_class("wl-slider")
        self.entry.add_class("wl-entry")
        self.slider.observe(run(self._moved), names="value")
        self.entry.observe(run(self._typed), names="value")
        self.reset_button.on_click(run(lambda _: self.reset()))
        super().__init__(
            [self.slider, self.entry, self.readout, self.reset_button], layout=layout()
        )
        self.add_class("wl-number")
        self.relabel()

    def relabel(self) -> None:
        """Texts and readout in the active language."""
        name, unit = self.name, display_unit(self.spec)
        text = f"{label(name)} ({unit})" if unit else label(name)
        with self.hold_sync():  # the label's title too: a None tooltip shows as "null"
            self.slider.description = self.slider.tooltip = text
            self.entry.tooltip = f"{label('exact_entry')}: {label(name)}"
            self.reset_button.tooltip = reset_tooltip(name)
            self._help = help_html(fmt_source(self.spec.source))
            self._show()

    def show(self, a: Assumptions) -> None:
        self.set_value(getattr(a, self.name))

    @property
    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any, notify: bool = False) -> None:
        """Show `value` (assumption unit); with notify=False the change is not reported."""
        self._set(value, notify)

    def reset(self) -> None:
        self.set_value(getattr(DEFAULTS, self.name), notify=True)

    _silent = False

    def _from_widget(self, shown: float) -> Any:
        v = shown / self._scale
        return round(v) if self._is_int else round(float(v), 6)

    def _on_step(self, shown: float) -> float:
        """The slider position nearest to `shown` (widget units), within its range."""
        s = self.slider
        at = s.min + round((shown - s.min) / s.step) * s.step
        return min(max(at, s.min), s.max)

    def _moved(self, change: dict) -> None:
        if not self._silent:
            self._set(self._from_widget(change["new"]), notify=True)

    def _typed(self, change: dict) -> None:
        if not self._silent:
            self._set(self._from_widget(change["new"]), notify=True)

    def _set(self, value: Any, notify: bool) -> None:
        self._value = value
        shown = value * self._scale
        self._silent = True
        try:
            with self.hold_sync():
                self.slider.value = self._on_step(shown)
                self.entry.value = round(shown) if self._is_int else shown
        finally:
            self._silent = False
        self._show()
        if notify:
            self._on_change({self.name: value})

    def _show(self) -> None:
        unit = "" if self.spec.unit == "fraction" else f" {display_unit(self.spec)}"
        shown = f"<b>{fmt_value(self.value, self.spec.unit)}</b>{unit}"
        self.readout.value = shown + self._help


class ChoiceControl(W.HBox):
    """A choice (dropdown) or yes/no (checkbox) assumption with help and reset."""

    def __init__(self, name: str, on_change: OnChange, run: Run = guarded) -> None:
        self.name, self.spec, self.names = name, SPECS[name], (name,)
        self._on_change = on_change
        default = getattr(DEFAULTS, name)
        if self.spec.choices:
            self.widget: W.Dropdown | W.Checkbox = W.Dropdown(
                options=self._options(),
                value=default,
                style=style(DescriptionStyle, **LABEL),
                layout=layout(),
            )
        else:
            self.widget = W.Checkbox(
                value=default,
                indent=False,
                style=style(CheckboxStyle),
                layout=layout(),
            )
        self.widget.add_class("wl-choice")  # page CSS: its width, the label on a phone
        self.reset_button = button(icon="undo").add_class("wl-reset")
        self.help = html().add_class("wl-help-box")
        self.widget.observe(run(self._changed), names="value")
        self.reset_button.on_click(run(lambda _: self.reset()))
        super().__init__([self.widget, self.reset_button, self.help], layout=layout())
        self.relabel()

    def _options(self) -> list[tuple[str, Any]]:
        return [(label(c), c) for c in self.spec.choices or ()]

    def relabel(self) -> None:
        """Texts in the active language."""
        self._silent = True
        try:
            with self.hold_sync():
                self.widget.description = self.widget.tooltip = label(self.name)
                if isinstance(self.widget, W.Dropdown):
                    relabel_options(self.widget, self._options())
                self.reset_button.tooltip = reset_tooltip(self.name)
                self.help.value = help_html(fmt_source(self.spec.source))
        finally:
            self._silent = False

    def show(self, a: Assumptions) -> None:
        self.set_value(getattr(a, self.name))

    _silent = False

    @property
    def value(self) -> Any:
        return self.widget.value

    def set_value(self, value: Any, notify: bool = False) -> None:
        self._silent = not notify
        try:
            self.widget.value = value
        finally:
            self._silent = False

    def reset(self) -> None:
        self.set_value(getattr(DEFAULTS, self.name), notify=True)

    def _changed(self, change: dict) -> None:
        if not self._silent:
            self._on_change({self.name: self.value})


def control(name: str, on_change: OnChange, run: Run = guarded) -> NumberControl | ChoiceControl:
    """The right control for assumption `name`."""
    spec = SPECS[name]
    if spec.choices or spec.unit == "bool":
        return ChoiceControl(name, on_change, run)
    return NumberControl(name, on_change, run)
