"""Widget callbacks that never raise: an exception escaping a callback travels to the
browser as a traceback over the websocket (Voilà sends it even with tracebacks hidden)."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger("woonlib.ui")
F = TypeVar("F", bound=Callable[..., Any])

# A test-only switch: with this environment variable set to "1", the dashboard fails on
# purpose when Ambitie is set to FAULT_AMBITION (the browser tests check that nothing leaks).
FAULT_ENV = "WOONLIB_TEST_FAULT"
FAULT_AMBITION = 12345


def guarded(fn: F) -> F:
    """Run `fn`; log any exception with its traceback (server side) and return None."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception:
            log.exception("widget callback %s failed", getattr(fn, "__qualname__", fn))
            return None

    return wrapper  # type: ignore[return-value]


def fault_from_env() -> Callable[[Any], None] | None:
    """The forced fault when FAULT_ENV is "1", else None."""
    if os.environ.get(FAULT_ENV) != "1":
        return None

    def fault(assumptions: Any) -> None:
        if assumptions.ambition_homes == FAULT_AMBITION:
            raise RuntimeError(f"forced test fault ({FAULT_ENV}) in {__file__}")

    return fault
