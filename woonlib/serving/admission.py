"""What the kernel manager (`kernels.py`) and the page handler (`handler.py`) share about
admitting one page request: a slot promise, the page request that holds it, the error when
no slot is free, and the context variable through which the handler tells the manager which
request a kernel start belongs to. Its own module so that neither imports the other for it."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass


class CapacityError(RuntimeError):
    """No kernel slot is free: the server runs `max_kernels` kernels already."""


@dataclass(eq=False)
class Promise:
    """A kernel slot promised to a pool refill ("pool") or a page request ("page")."""

    kind: str
    used: bool = False
    released: bool = False


@dataclass(eq=False)
class PageRequest:
    """What one page request holds: its slot promise (None when a pool kernel serves it)
    and the id of the kernel it got."""

    promise: Promise | None = None
    kernel_id: str | None = None


# Set by ServingVoilaHandler around one page request: the kernel that request gets.
current_page: contextvars.ContextVar[PageRequest | None] = contextvars.ContextVar(
    "woonlib_current_page", default=None
)
