"""Memoisation for the model. The data package never changes once loaded, and the dashboard
asks for the same scenario several times per slider move (cards, checks, comparison): each
result is computed once per data package and scenario, and handed out as a copy, so that a
caller that changes what it got cannot change what the next caller gets.
"""

from __future__ import annotations

import copy
import functools
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])
SCENARIOS_KEPT = 64  # per function and data package: the recent scenarios and the presets

# id(data) -> (data, its cache). The entry holds the data object, so its id stays unique.
_STORE: dict[int, tuple[object, dict[Any, Any]]] = {}


def _store(data: object) -> dict[Any, Any]:
    entry = _STORE.get(id(data))
    if entry is None or entry[0] is not data:
        entry = (data, {})
        _STORE[id(data)] = entry
    return entry[1]


def _handed_out(result: Any) -> Any:
    if isinstance(result, pd.DataFrame | pd.Series):
        return result.copy(deep=True)
    if isinstance(result, dict | list):
        return copy.deepcopy(result)
    return result


def per_data(fn: F) -> F:
    """Cache `fn(data, *args)` for the life of `data` (args must be hashable)."""

    @functools.wraps(fn)
    def wrapper(data: Any, *args: Any) -> Any:
        store = _store(data)
        key = (fn.__module__, fn.__qualname__, args)
        if key not in store:
            store[key] = fn(data, *args)
        return _handed_out(store[key])

    return wrapper  # type: ignore[return-value]


def per_scenario(fn: F) -> F:
    """Cache `fn(data, a)` for the last SCENARIOS_KEPT scenarios `a` (Assumptions: frozen)."""

    @functools.wraps(fn)
    def wrapper(data: Any, a: Any) -> Any:
        kept = _store(data).setdefault((fn.__module__, fn.__qualname__), OrderedDict())
        if a in kept:
            kept.move_to_end(a)
        else:
            kept[a] = fn(data, a)
            if len(kept) > SCENARIOS_KEPT:
                kept.popitem(last=False)
        return _handed_out(kept[a])

    return wrapper  # type: ignore[return-value]


def clear() -> None:
    """Forget everything (tests that time a cold computation)."""
    _STORE.clear()
