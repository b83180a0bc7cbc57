"""When a served kernel has lost its page, and telling a page that its kernel has ended.

A page's browser can vanish without unloading (a crash, a closed laptop lid, a phone off the
network): its websocket closes (at once, or when the server's pings go unanswered) and no
shutdown request comes. `abandoned_kernels` decides, as a pure function of what the kernel
manager records, which such kernels to end: those whose last websocket closed more than a
grace ago and that no page has reconnected to since. `close_kernel_websockets` closes the
websockets still open to a kernel that has ended, so that its page hears of it at once
(jupyter_server leaves them open and silent).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

KERNEL_ENDED = 4001  # websocket close code (4000-4999: the application's own) [-]
KERNEL_ENDED_REASON = "kernel ended"

log = logging.getLogger(__name__)


def abandoned_kernels(
    left: Mapping[str, float],
    connections: Mapping[str, int],
    now: float,
    timeout: float,
) -> list[str]:
    """Kernels to end: the last websocket of each closed more than `timeout` ago and none is
    open now.

    `left`: kernel id -> when its last websocket closed [s, monotonic]; `connections`:
    kernel id -> open websockets [-] (jupyter_server's count); `now` [s]; `timeout` [s],
    0 or less: never. A kernel missing from `connections` has ended already: not listed.
    """
    if timeout <= 0:
        return []
    return sorted(
        kernel_id
        for kernel_id, since in left.items()
        if kernel_id in connections and connections[kernel_id] <= 0 and now - since > timeout
    )


def close_kernel_websockets(kernel_id: str, connections: Iterable[object] | None = None) -> int:
    """Close every websocket still open to `kernel_id` (code KERNEL_ENDED); how many.

    `connections`: jupyter_server's open kernel connections (its
    ZMQChannelsWebsocketConnection._open_sockets when None). A page's frontend then asks for
    the kernel, gets 404 and says the kernel has gone (the page template's watcher).
    """
    if connections is None:
        try:
            from jupyter_server.services.kernels.connection.channels import (
                ZMQChannelsWebsocketConnection,
            )
        except ImportError:  # pragma: no cover - jupyter_server is a dependency
            return 0
        connections = ZMQChannelsWebsocketConnection._open_sockets
    closed = 0
    for connection in list(connections):
        if getattr(connection, "kernel_id", None) != kernel_id:
            continue
        handler = getattr(connection, "websocket_handler", None)
        try:
            handler.close(KERNEL_ENDED, KERNEL_ENDED_REASON)  # type: ignore[union-attr]
        except Exception:  # a connection half torn down: nothing left to tell
            log.debug("could not close a websocket of kernel %s", kernel_id, exc_info=True)
            continue
        closed += 1
    return closed
