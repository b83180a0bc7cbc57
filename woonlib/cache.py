"""Memoisation of the model through `functools.lru_cache`, bounded.

The data package never changes once loaded (`WoonvisieData` is hashed by identity) and an
`Assumptions` is frozen, so both can key a cache. The core's results are immutable and are
cached as they are (`woonlib.model.core`); the few tables cached here are pandas objects,
which a caller could change, so each call hands out a copy of the cached table.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C")  # an lru_cache-wrapped function, its type kept
DATA_KEPT = 4  # per function: the shipped data package, and a few a test or user loaded
SCENARIOS_KEPT = 64  # per function: the recent scenarios and the presets
_CACHES: list[Any] = []  # every cache made here, for `clear`


def _handed_out(result: Any) -> Any:
    if isinstance(result, pd.DataFrame | pd.Series):
        return result.copy(deep=True)
    if isinstance(result, dict | list):
        return copy.deepcopy(result)
    return result


def _memo(fn: F, size: int) -> F:
    cached = functools.lru_cache(maxsize=size)(fn)
    _CACHES.append(cached)

    @functools.wraps(fn)
    def wrapper(*args: Any) -> Any:
        return _handed_out(cached(*args))

    wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def per_data(fn: F) -> F:
    """Cache `fn(data, *args)` for the last DATA_KEPT data packages (args hashable)."""
    return _memo(fn, DATA_KEPT * 16)


def register(cached: C) -> C:
    """Let `clear` also empty `cached` (an lru_cache made elsewhere, e.g. the core's)."""
    _CACHES.append(cached)
    return cached


def clear() -> None:
    """Forget everything (tests and benchmarks that time a cold computation)."""
    for cached in _CACHES:
        cached.cache_clear()
