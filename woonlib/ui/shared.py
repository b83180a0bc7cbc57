"""Layout and Style models shared by the whole page, and widgets made with them.

Every ipywidgets widget has a Layout and most have a Style: two more models the page must
build, unless given at construction. Here one model serves every widget that looks the same
(as bqplot shares its scales). Shared models are never closed (`is_shared`) and never changed
in place: a widget that changes its look is given another shared model.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, TypeVar

import ipywidgets as W
from ipywidgets.widgets.widget_bool import CheckboxStyle, ToggleButtonStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

__all__ = ["CheckboxStyle", "DescriptionStyle", "HTMLStyle", "ToggleButtonStyle"]
S = TypeVar("S", bound=W.Style)
_SHARED: set[int] = set()  # id() of every shared model (they live as long as the kernel)


def _keep(widget: W.Widget) -> Any:
    _SHARED.add(id(widget))
    return widget


def is_shared(widget: W.Widget) -> bool:
    """A shared Layout or Style: in use by other widgets, never to be closed."""
    return id(widget) in _SHARED


@cache
def layout(**traits: str | None) -> W.Layout:
    """The shared Layout with these traits (e.g. `layout(width="90px")`)."""
    return _keep(W.Layout(**traits))


@cache
def style(kind: type[S], **traits: str | None) -> S:
    """The shared Style of type `kind` with these traits."""
    return _keep(kind(**traits))


def html(value: str = "", **traits: str | None) -> W.HTML:
    """An HTML widget with a shared layout (`traits`) and style."""
    return W.HTML(value, layout=layout(**traits), style=style(HTMLStyle), tooltip="")


def button_layout(width: str = "auto", hidden: bool = False) -> W.Layout:
    """A button's shared layout; a hidden button keeps its place."""
    return layout(width=width, visibility="hidden") if hidden else layout(width=width)


def button(description: str = "", width: str = "auto", **kwargs: Any) -> W.Button:
    """A button with a shared layout and style."""
    hidden = kwargs.pop("hidden", False)
    return W.Button(
        description=description,
        layout=button_layout(width, hidden),
        style=style(W.ButtonStyle),
        **kwargs,
    )


def hbox(children: list[W.Widget], **traits: str | None) -> W.HBox:
    return W.HBox(children, layout=layout(**traits))


def vbox(children: list[W.Widget], **traits: str | None) -> W.VBox:
    return W.VBox(children, layout=layout(**traits))


def chart_row(charts: list[W.Widget]) -> W.HBox:
    """Charts side by side that share the row's width and stack on a narrow screen (page
    CSS: .wl-chart-row)."""
    return W.HBox(charts, layout=layout()).add_class("wl-chart-row")


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
