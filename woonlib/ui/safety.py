"""Widget callbacks that never raise: an exception escaping a callback travels to the
browser as a traceback over the websocket (Voilà sends it even with tracebacks hidden)."""

from __future__ import annotations

import functools
import io
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import IO, Any, TypeVar

from woonlib.report.labels import using

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


_SERVER_STREAM: list[IO[str]] = []


def server_stream() -> IO[str]:
    """A text stream to the kernel process's real stderr, which Voilà's log shows.

    ipykernel captures file descriptor 2 and sys.stderr and publishes what they get to
    every page connected to the kernel; it keeps a duplicate of the original descriptor,
    which this writes to. Outside ipykernel it is sys.__stderr__."""
    if not _SERVER_STREAM:
        fd = getattr(sys.stderr, "_original_stdstream_copy", None)
        if fd is not None:
            stream: IO[str] = io.TextIOWrapper(io.FileIO(os.dup(fd), "w"), write_through=True)
        else:
            stream = sys.__stderr__ or sys.stderr
        _SERVER_STREAM.append(stream)
    return _SERVER_STREAM[0]


def keep_errors_on_server() -> None:
    """In a kernel Voilà started: log records and the tracebacks of widget messages go to
    Voilà's log, never to a page. (ipywidgets rejects a malformed value from a client
    before woonlib sees it and has IPython send the traceback to every page; a notebook
    cell's error is left to Voilà's show_tracebacks.) Elsewhere it only sets up logging."""
    if not os.environ.get("VOILA_KERNEL_ID"):
        logging.basicConfig(level=logging.WARNING)
        return
    handler = logging.StreamHandler(server_stream())
    handler.setFormatter(logging.Formatter("[woonlib] %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    logging.captureWarnings(True)
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or getattr(shell, "_woonlib_quiet_tracebacks", False):
        return
    show = shell.showtraceback

    def showtraceback(*args: Any, **kwargs: Any) -> Any:
        header = (getattr(shell, "parent_header", None) or {}).get("header", {})
        msg_type = header.get("msg_type")
        if msg_type == "execute_request":  # a notebook cell: Voilà decides what to show
            return show(*args, **kwargs)
        log.error("error while handling a %s (not sent to the page)", msg_type, exc_info=True)
        return None

    shell.showtraceback = showtraceback
    shell._woonlib_quiet_tracebacks = True


KEEPALIVE_ENV = "WOONLIB_KEEPALIVE_SECONDS"


def keep_pool_kernel_alive(beat: Callable[[], None], opened: threading.Event) -> None:
    """In a preheated Voilà kernel: call `beat()` (a small widget message on iopub) every
    $WOONLIB_KEEPALIVE_SECONDS (30) until a page has opened (`opened` set).

    Jupyter's culler counts a kernel waiting in Voilà's pool as idle and culls it once it
    has waited longer than cull_idle_timeout, even as a page takes it: that page never
    renders. The beats are activity; after the page opens, the kernel culls as usual."""
    if os.environ.get("VOILA_PREHEAT") != "True":
        return
    interval = float(os.environ.get(KEEPALIVE_ENV, "30"))

    def run() -> None:
        while not opened.wait(interval):
            try:
                beat()
            except Exception:
                log.exception("keep-alive beat failed")
                return

    threading.Thread(target=run, name="woonlib-keepalive", daemon=True).start()


def guarded_in(state: Any, fn: F) -> F:
    """`fn` guarded, run in the language of `state` (a ScenarioState): what a widget
    callback of the page does, so that it never threads the language itself."""

    def run(*args: Any, **kwargs: Any) -> Any:
        with using(state.lang):
            return fn(*args, **kwargs)

    return guarded(functools.wraps(fn)(run))  # type: ignore[return-value]
