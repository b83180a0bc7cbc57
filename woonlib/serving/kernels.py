"""Voilà's kernel manager for serving to many visitors (voila.json names it).

- **A cap.** At most `max_kernels` kernels live or starting at once, the preheated pool
  included. Every kernel is promised a slot before it starts, synchronously on the event
  loop, so parallel requests cannot overshoot. A page request that would need a kernel
  beyond the cap is refused by `ServingVoilaHandler` (503) before anything starts; a pool
  refill that does not fit waits until a kernel ends.
- **Kernels whose page never connects end.** A kernel handed to a page that has not opened
  its websocket `unconnected_timeout` seconds after the page was served is shut down
  (bots, link previews, scripted GETs).
- **Kernels whose page vanished end.** A kernel whose last websocket closed
  `disconnected_timeout` seconds ago with no reconnect since is shut down (a browser gone
  without unloading); a page that reconnects within that grace keeps its kernel
  (`lifetime.abandoned_kernels` decides). A connected page is not culled while open
  (voila.json: `cull_connected: false`).
- **A page hears when its kernel ends.** The websockets still open to a kernel that ended
  are closed (jupyter_server leaves them open and silent), and a kernel that died is shut
  down rather than restarted blank (a restarted kernel holds none of its page's widgets):
  the page's template then tells its reader (`lifetime.close_kernel_websockets`).
- **Its worker's tag in every kernel id** ($WOONLIB_WORKER_TAG, `worker.py`), so that HAProxy
  in front of several workers routes a kernel's requests to this one (`balancer.py`), and
  the page slots it has free, which `/woonlib/health` reports (`health.py`).
- **The page's handler.** Voilà has no setting for its page handler; the kernel manager is
  the hook voila.json offers, so it puts `ServingVoilaHandler` in place when Voilà builds
  its routes (standalone Voilà only; under a Jupyter server nothing changes there).
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import sys
import time
from collections.abc import Callable
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.ioloop import PeriodicCallback
from traitlets import Float, Int, Unicode, default

from woonlib.serving.admission import CapacityError, PageRequest, Promise, current_page
from woonlib.serving.capacity import default_max_kernels, max_kernels_from_env
from woonlib.serving.lifetime import abandoned_kernels, close_kernel_websockets
from woonlib.serving.worker import check_tag, tagged_kernel_id, worker_tag_from_env

PREHEAT_ENV = "VOILA_PREHEAT"  # "True" in a kernel Voilà starts for its pool
CLEANUP_DELAY = 2.0  # [s] after a kernel ends: collect and trim (once per burst of ends)
RESTART_WAIT = 60.0  # [s] at most, for a dead kernel's restart to end before its shutdown


def forget_request_info(kernel_id: str) -> None:
    """Drop what Voilà keeps for a kernel's page until it connects (voila 0.5:
    RequestInfoSocketHandler._cache keeps it for ever when the page never connects)."""
    try:
        from voila.request_info_handler import RequestInfoSocketHandler
    except ImportError:  # pragma: no cover - voila is a dependency
        return
    cache = getattr(RequestInfoSocketHandler, "_cache", None)
    if isinstance(cache, dict):
        cache.pop(kernel_id, None)


def _load_libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018 - glibc only
        libc.mallopt  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _load_libc()
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
MMAP_THRESHOLD = 256 * 1024  # [bytes]


def fix_mmap_threshold() -> None:
    """glibc raises its mmap threshold after each large block is freed (up to 32 MB), so that
    the next 5 MB messages (a page's plotly.js, its widget state) land on the heap, which
    it keeps. A fixed threshold sends every block over 256 kB to mmap, given back on free."""
    if _LIBC is not None:
        _LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def release_free_memory() -> None:
    """Collect the cycles an ended kernel left (its renderer, executor and decoded messages
    sit in reference cycles that Python's collector reaches only rarely), then give the
    freed memory back to the system (glibc's malloc_trim; elsewhere only the collection)."""
    gc.collect()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


class ServingKernelManager(AsyncMappingKernelManager):
    """A kernel manager with a cap on kernels and an end for kernels nobody connects to."""

    max_kernels = Int(
        0,
        config=True,
        help="Most kernels at once, the preheated pool included. 0: $WOONLIB_MAX_KERNELS, "
        "else half the machine's memory in 256 MB kernels. $WOONLIB_MAX_KERNELS wins.",
    )
    unconnected_timeout = Float(
        60.0,
        config=True,
        help="Seconds after its page was served within which a page's kernel must see its "
        "websocket, else it is shut down.",
    )
    unconnected_interval = Float(
        5.0, config=True, help="Seconds between checks for kernels whose page never connected."
    )
    disconnected_timeout = Float(
        60.0,
        config=True,
        help="Seconds after a kernel's last websocket closed without a reconnect after which "
        "it is shut down (its page's browser vanished). 0: never.",
    )
    disconnected_interval = Float(
        5.0, config=True, help="Seconds between checks for kernels whose page vanished."
    )
    worker_tag = Unicode(
        "",
        config=True,
        help="Four hex digits that start every kernel id of this worker (several workers "
        "behind HAProxy); '' for none. $WOONLIB_WORKER_TAG wins.",
    )

    @default("max_kernels")
    def _default_max_kernels(self) -> int:
        return default_max_kernels()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        from_env = max_kernels_from_env()
        if from_env is not None:
            self.max_kernels = from_env
        elif self.max_kernels < 1:
            self.max_kernels = default_max_kernels()
        self._promises: list[Promise] = []
        self._starting = 0
        self._served: dict[str, float] = {}  # kernel id -> when its page was served
        self._refill_waiting: dict[str, dict[str, Any]] = {}
        self._unconnected_callback: PeriodicCallback | None = None
        self._left: dict[str, float] = {}  # kernel id -> when its last websocket closed
        self._disconnected_callback: PeriodicCallback | None = None
        self._ending: set[asyncio.Future[None]] = set()  # shutdowns of kernels that died
        self._cleanup: asyncio.TimerHandle | None = None
        self.log.info("At most %d kernels at once (the preheated pool included).", self.max_kernels)
        fix_mmap_threshold()
        self._wrap_voila_pool()
        self._install_page_handler()
        self.worker_tag = worker_tag_from_env() or check_tag(self.worker_tag, "worker_tag")

    # -- the cap ----------------------------------------------------------------------------
    def committed(self) -> int:
        """Kernels live, starting, or promised a slot."""
        promised = sum(1 for p in self._promises if not p.used and not p.released)
        return len(self._kernels) + self._starting + promised

    def free_slots(self) -> int:
        return max(0, self.max_kernels - self.committed())

    def promise(self, kind: str) -> Promise | None:
        """A slot for a kernel about to start, or None when the cap is reached."""
        if self.committed() >= self.max_kernels:
            return None
        p = Promise(kind)
        self._promises.append(p)
        return p

    def release(self, p: Promise | None) -> None:
        """Give back a promised slot that no kernel used (a failed or finished request)."""
        if p is None or p.released:
            return
        p.released = True
        self._promises = [q for q in self._promises if not (q.used or q.released)]
        if not p.used:
            self._schedule_refill()

    def _use_promise(self, kind: str) -> bool:
        for p in self._promises:
            if p.kind == kind and not p.used and not p.released:
                p.used = True
                return True
        return False

    def admit(self, uses_pool: bool) -> PageRequest | None:
        """Admission of one page request, decided at once: a request Voilà serves from its
        pool needs no new slot (every pool item holds one); any other needs a free slot.
        None: refuse it."""
        if uses_pool:
            return PageRequest()
        p = self.promise("page")
        return None if p is None else PageRequest(promise=p)

    async def start_kernel(self, **kwargs: Any) -> str:  # type: ignore[override]
        """Start a kernel in a promised slot, or in a free one; CapacityError if none."""
        env = kwargs.get("env") or {}
        kind = "pool" if env.get(PREHEAT_ENV) == "True" else "page"
        if not self._use_promise(kind) and self.committed() >= self.max_kernels:
            raise CapacityError(f"all {self.max_kernels} kernel slots are taken")
        self._starting += 1
        try:
            kernel_id: str = await super().start_kernel(**kwargs)
        finally:
            self._starting -= 1
        if kind == "page":
            page = current_page.get()
            if page is not None:
                page.kernel_id = kernel_id
        self._start_unconnected_check()
        self._watch_lifetime(kernel_id)
        return kernel_id

    # -- Voilà's pool -------------------------------------------------------------------------
    def _wrap_voila_pool(self) -> None:
        """With preheating on, Voilà subclasses this manager (VoilaKernelManager) and its
        methods come first: wrap the two that matter on this instance."""
        fill = getattr(self, "fill_if_needed", None)
        get_rendered = getattr(self, "get_rendered_notebook", None)
        if fill is None or get_rendered is None:
            return
        self._voila_fill = fill
        self.fill_if_needed = self._capped_fill

        async def get_rendered_notebook(*args: Any, **kwargs: Any) -> Any:
            result = await get_rendered(*args, **kwargs)
            page = current_page.get()
            if page is not None:
                page.kernel_id = result[2]  # (render task, rendered cells, kernel id)
            return result

        self.get_rendered_notebook = get_rendered_notebook

    def _pool_size(self, notebook_name: str | None) -> int:
        config: dict[Any, Any] = getattr(self, "kernel_pools_config", None) or {}
        base: dict[str, Any] = config.get("default") or {}
        own: dict[str, Any] = config.get(notebook_name) or base
        return int(own.get("pool_size", base.get("pool_size", 1)))

    def _capped_fill(self, **kwargs: Any) -> None:
        """Voilà's pool refill, only when the kernels it starts fit under the cap; else it
        waits for a kernel to end. Each new pool item holds a promised slot until done."""
        name = kwargs.get("notebook_name")
        pools: dict[str | None, list[asyncio.Task[Any]]] = getattr(self, "_pools", {})
        missing = self._pool_size(name) - len(pools.get(name, []))
        if missing <= 0:
            return
        if self.free_slots() < missing:
            self.log.info(
                "Pool refill of %s waits: all %d kernel slots are taken.", name, self.max_kernels
            )
            self._refill_waiting[str(name)] = {**kwargs, "delay": 0}
            return
        self._refill_waiting.pop(str(name), None)
        before = list(pools.get(name, []))
        self._voila_fill(**kwargs)
        for task in pools.get(name, []):
            if not any(task is old for old in before):
                self._hold_for(task, self.promise("pool"))

    def _hold_for(self, task: asyncio.Task[Any], p: Promise | None) -> None:
        """Keep `p` until `task` (a pool item) is done, then give back what it did not use."""

        def done(_: asyncio.Task[Any]) -> None:
            self.release(p)

        task.add_done_callback(done)

    def _schedule_refill(self) -> None:
        if not self._refill_waiting:
            return
        waiting = list(self._refill_waiting.values())
        self._refill_waiting.clear()

        def refill() -> None:
            for kwargs in waiting:
                self._capped_fill(**kwargs)

        asyncio.get_event_loop().call_soon(refill)

    # -- kernels whose page never connects ---------------------------------------------------
    def page_served(self, kernel_id: str) -> None:
        """The page of `kernel_id` has been sent: its websocket is due now."""
        if kernel_id in self._kernels and not self._kernel_connections.get(kernel_id):
            self._served[kernel_id] = time.monotonic()

    def notify_connect(self, kernel_id: str) -> None:
        """A websocket opened: the kernel's page is there (culled as usual from now on)."""
        self._served.pop(kernel_id, None)
        self._left.pop(kernel_id, None)
        super().notify_connect(kernel_id)

    def _start_unconnected_check(self) -> None:
        if self._unconnected_callback is None and self.unconnected_timeout > 0:
            self._unconnected_callback = PeriodicCallback(
                self.end_unconnected, 1000 * self.unconnected_interval
            )
            self._unconnected_callback.start()
            self.log.info(
                "Ending kernels whose page has not connected %s s after it was served.",
                self.unconnected_timeout,
            )

    async def end_unconnected(self) -> None:
        """Shut down every kernel whose page was served over `unconnected_timeout` s ago
        and never connected."""
        now = time.monotonic()
        for kernel_id, served in list(self._served.items()):
            if kernel_id not in self._kernels:
                self._served.pop(kernel_id, None)
            elif now - served > self.unconnected_timeout:
                self._served.pop(kernel_id, None)
                self.log.warning(
                    "Shutting down kernel %s: its page did not connect within %s s.",
                    kernel_id,
                    self.unconnected_timeout,
                )
                try:
                    await self.shutdown_kernel(kernel_id)
                except Exception:
                    self.log.exception("could not shut down kernel %s", kernel_id)

    # -- kernels whose page vanished, and pages whose kernel ended ----------------------------
    def notify_disconnect(self, kernel_id: str) -> None:
        """A websocket closed: with none left, the kernel's page has until
        `disconnected_timeout` to reconnect."""
        super().notify_disconnect(kernel_id)
        if kernel_id in self._kernels and self._kernel_connections.get(kernel_id, 0) <= 0:
            self._left[kernel_id] = time.monotonic()

    def _watch_lifetime(self, kernel_id: str) -> None:
        """Check for vanished pages from the first kernel on; end `kernel_id` if it dies."""
        if self._disconnected_callback is None and self.disconnected_timeout > 0:
            self._disconnected_callback = PeriodicCallback(
                self.end_disconnected, 1000 * self.disconnected_interval
            )
            self._disconnected_callback.start()
            self.log.info(
                "Ending kernels whose page has not reconnected %s s after its last websocket "
                "closed.",
                self.disconnected_timeout,
            )

        def died(restarting: bool) -> None:
            self.log.warning(
                "Shutting down kernel %s: it died (its page's state is gone).", kernel_id
            )
            before = getattr(self._kernels.get(kernel_id), "ready", None) if restarting else None
            task = asyncio.ensure_future(self._end_died(kernel_id, before))
            self._ending.add(task)  # a task needs a reference until done
            task.add_done_callback(self._ending.discard)

        # Restarted after dying (the restarter calls back just before it restarts), or dead.
        self.add_restart_callback(kernel_id, lambda: died(True), "restart")
        self.add_restart_callback(kernel_id, lambda: died(False), "dead")

    async def _end_died(self, kernel_id: str, before: Any) -> None:
        """Shut down a kernel that died; when it is being restarted (`before`: its `ready`
        future then), once that restart is done (shutting down in the middle of it fails)."""
        kernel = self._kernels.get(kernel_id)
        for _ in range(int(RESTART_WAIT / 0.2)):
            if before is None or kernel_id not in self._kernels:
                break
            await asyncio.sleep(0.2)
            ready = getattr(kernel, "ready", None)  # a restart starts with a new future
            if ready is not before and ready is not None and ready.done():
                break
        await self._shutdown_quietly(kernel_id)

    async def end_disconnected(self) -> None:
        """Shut down every kernel whose page left over `disconnected_timeout` s ago and has
        not come back (`abandoned_kernels`)."""
        connections = {k: self._kernel_connections.get(k, 0) for k in self._kernels}
        for kernel_id in list(self._left):
            if kernel_id not in connections:
                self._left.pop(kernel_id, None)
        now = time.monotonic()
        for kernel_id in abandoned_kernels(self._left, connections, now, self.disconnected_timeout):
            self.log.warning(
                "Shutting down kernel %s: its page left %.0f s ago and has not reconnected.",
                kernel_id,
                now - self._left.pop(kernel_id),
            )
            await self._shutdown_quietly(kernel_id)

    async def _shutdown_quietly(self, kernel_id: str) -> None:
        if kernel_id not in self._kernels:
            return
        try:
            await self.shutdown_kernel(kernel_id)
        except Exception:
            self.log.exception("could not shut down kernel %s", kernel_id)

    # -- ending ------------------------------------------------------------------------------
    def remove_kernel(self, kernel_id: str) -> Any:
        """Forget a kernel (shut down or died): also Voilà's request info kept for it, and
        give freed memory back to the system; a waiting pool refill may start now."""
        removed = super().remove_kernel(kernel_id)
        self._served.pop(kernel_id, None)
        self._left.pop(kernel_id, None)
        close_kernel_websockets(kernel_id)
        forget_request_info(kernel_id)
        self._schedule_cleanup()
        self._schedule_refill()
        return removed

    def _schedule_cleanup(self) -> None:
        """release_free_memory() once, 2 s after the last of a burst of kernel ends."""
        if self._cleanup is not None:
            self._cleanup.cancel()
        self._cleanup = asyncio.get_event_loop().call_later(CLEANUP_DELAY, self._run_cleanup)

    def _run_cleanup(self) -> None:
        self._cleanup = None
        release_free_memory()

    # -- several workers behind HAProxy ------------------------------------------------------
    def new_kernel_id(self, **kwargs: Any) -> str:
        """A kernel id that starts with this worker's tag (`worker.py`), so that HAProxy
        routes the kernel's websocket and API requests here even without the cookie."""
        return tagged_kernel_id(self.worker_tag)

    def page_slots(self) -> int:
        """How many more pages this worker can serve now: its free slots, and the
        preheated kernels (ready or starting) that a page takes without a new slot."""
        pools: dict[Any, list[Any]] = getattr(self, "_pools", None) or {}
        return self.free_slots() + sum(len(items) for items in pools.values())

    # -- Voilà's routes ----------------------------------------------------------------------
    def _install_page_handler(self) -> None:
        try:
            from voila.app import Voila
        except ImportError:  # pragma: no cover - voila is a dependency
            return
        app = self.parent
        if not isinstance(app, Voila):
            return
        from woonlib.serving.handler import serving_handlers

        build: Callable[[], list[Any]] = app.init_handlers

        def init_handlers() -> list[Any]:
            return serving_handlers(build(), app.server_url or app.base_url)

        app.init_handlers = init_handlers
