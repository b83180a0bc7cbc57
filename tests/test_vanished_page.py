"""Kernels that end with a vanished browser but never under a reader (real Voilà with
voila.json, real Chromium; timeouts shortened on the command line):

- pages whose browser is killed (no unload, no shutdown request) leave no kernel once the
  grace after their websockets closed has passed, and not before;
- a page whose browser freezes (SIGSTOP: its connections stay open, nothing answers) is
  noticed by the server's unanswered pings (voila.json: 10 s apart, closed after 30 s), and
  its kernel ends after the grace;
- a page whose connection drops for 10 s and comes back keeps its kernel and its state (the
  drop is a relay between browser and server that closes every connection and refuses new
  ones: Chromium's offline emulation leaves open websockets alone, playwright issue 4910);
- a page idle well past the culling time still answers a slider (a connected page is not
  culled: voila.json's `cull_connected: false`).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from harness.page import VIEWPORT, open_tab, wait_for_y
from harness.voila import (
    DASHBOARD_SHOWN,
    VoilaServer,
    chromium_available,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
    wait_until,
)

GRACE = 45  # [s] disconnected_timeout here: above the 10-30 s Jupyter's page waits to retry
VANISHED = [
    f"--ServingKernelManager.disconnected_timeout={GRACE}",
    "--ServingKernelManager.disconnected_interval=1",
]
CULL_S = 4  # [s] the idle culling, shortened
IDLE = [
    f"--MappingKernelManager.cull_idle_timeout={CULL_S}",
    "--MappingKernelManager.cull_interval=1",
]
LEFT = re.compile(r"Shutting down kernel ([0-9a-f-]{36}): its page left")
KERNEL_ID_JS = (
    "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
)
OPEN_SOCKETS_JS = "() => window.__woonlibKernelWatch.open"


@pytest.fixture(scope="module")
def pw() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        assert chromium_available(playwright), "no Chromium: run `bash scripts/test.sh`"
        yield playwright


def open_page(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    response = page.goto(url)
    assert response is not None and response.ok, response
    wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
    return page


def move_ambition(page: Page, to: int) -> None:
    """One key press on Ambitie (50 homes a step), and the programme chart shows `to`."""
    page.locator(".wl-control-ambition_homes .noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    wait_for_y(page, "programme", 0, 1, to)


def signal_browser(marker: str, sig: signal.Signals = signal.SIGKILL) -> None:
    """Send `sig` to the Chromium started with `marker` among its arguments and its children
    (Playwright starts it as the leader of its own process group). SIGKILL: no page unloads,
    the system closes its connections; SIGSTOP: a frozen machine, connections left open."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline and "--type=" not in cmdline:
            pid = int(entry.name)
            if os.getpgid(pid) == pid:
                os.killpg(pid, sig)
            else:
                os.kill(pid, sig)
            return
    raise AssertionError(f"no Chromium with {marker}")


class Relay:
    """A TCP relay from a loopback port to `port` that can be cut (every connection closed,
    new ones refused) and restored: a network blip between one browser and the server."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._cut = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            if self._cut.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open |= {client, upstream}
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                self._drop(s)

    def _drop(self, s: socket.socket) -> None:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        s.close()
        with self._lock:
            self._open.discard(s)

    def cut(self) -> None:
        self._cut.set()
        with self._lock:
            live = list(self._open)
        for s in live:
            self._drop(s)

    def restore(self) -> None:
        self._cut.clear()

    def close(self) -> None:
        self.listener.close()
        self.cut()


def connections(server: VoilaServer, kernel_id: str) -> int:
    return next((m["connections"] for m in server.kernel_models() if m["id"] == kernel_id), -1)


def test_vanished_pages_end_after_the_grace_and_a_page_back_from_a_blip_keeps_its_kernel(
    pw: Playwright,
) -> None:
    with start_voila(extra_args=VANISHED) as server:
        server.wait_for_preheated_pool(timeout=120)
        relay = Relay(server.port)
        reader_browser = launch_chromium(pw)
        marker = f"--woonlib-test-browser={uuid.uuid4().hex}"
        doomed_browser = launch_chromium(pw, args=[marker])
        try:
            reader = open_page(reader_browser, f"http://127.0.0.1:{relay.port}/")
            open_tab(reader, "Huishoudens & programma")
            move_ambition(reader, 9350)
            reader_kernel = reader.evaluate(KERNEL_ID_JS)
            doomed = [open_page(doomed_browser, server.url) for _ in range(2)]
            doomed_kernels = [page.evaluate(KERNEL_ID_JS) for page in doomed]
            assert all(connections(server, k) == 1 for k in doomed_kernels)

            # The browser vanishes: killed, nothing unloads, no shutdown request is sent.
            signal_browser(marker)
            t_kill = time.monotonic()
            wait_until(
                lambda: all(connections(server, k) == 0 for k in doomed_kernels),
                15,
                "the server saw the killed browser's websockets close",
            )
            # Meanwhile the reader's connection drops for 10 s and comes back.
            relay.cut()
            reader.wait_for_function(f"{OPEN_SOCKETS_JS} === 0", timeout=15_000)
            time.sleep(10)  # the blip's length, not a check
            relay.restore()
            reader.wait_for_function(f"{OPEN_SOCKETS_JS} === 1", timeout=60_000, polling=250)
            assert server.log.count(f"Connecting to kernel {reader_kernel}") == 2, "no reconnect"
            assert all(k in server.kernel_ids() for k in doomed_kernels), "ended within the grace"

            wait_until(
                lambda: set(doomed_kernels) <= set(LEFT.findall(server.log)),
                GRACE + 30,
                "the vanished pages' kernels ended",
            )
            took = time.monotonic() - t_kill
            assert GRACE - 2 <= took <= GRACE + 15, f"ended {took:.0f} s after the browser went"
            wait_until(
                lambda: not set(doomed_kernels) & set(server.kernel_ids()),
                30,
                "the vanished pages' kernels shut down",
            )
            # The reader kept its kernel and its state: the next step goes on from 9.350.
            assert reader.evaluate(KERNEL_ID_JS) == reader_kernel
            assert reader_kernel in server.kernel_ids()
            assert reader_kernel not in LEFT.findall(server.log)
            move_ambition(reader, 9400)
            assert reader.locator(".wl-kernel-gone").count() == 0
        finally:
            reader_browser.close()
            relay.close()
            with contextlib.suppress(Exception):
                doomed_browser.close()


def test_a_frozen_browser_is_noticed_by_its_pings_and_its_kernel_ends(pw: Playwright) -> None:
    grace = 5  # [s] here; the pings are voila.json's
    args = [
        f"--ServingKernelManager.disconnected_timeout={grace}",
        "--ServingKernelManager.disconnected_interval=1",
    ]
    with start_voila(extra_args=args) as server:
        server.wait_for_preheated_pool(timeout=120)
        marker = f"--woonlib-test-browser={uuid.uuid4().hex}"
        browser = launch_chromium(pw, args=[marker])
        try:
            kernel = open_page(browser, server.url).evaluate(KERNEL_ID_JS)
            signal_browser(marker, signal.SIGSTOP)
            t0 = time.monotonic()
            server.wait_for_log("WebSocket ping timeout", timeout=90)
            noticed = time.monotonic() - t0
            assert 20 <= noticed <= 45, f"the frozen page noticed after {noticed:.0f} s"
            server.wait_for_log(f"Shutting down kernel {kernel}: its page left", timeout=30)
            assert time.monotonic() - t0 <= 45 + grace + 10
        finally:
            signal_browser(marker, signal.SIGKILL)
            with contextlib.suppress(Exception):
                browser.close()


def test_a_page_idle_past_the_culling_time_still_answers_a_slider(pw: Playwright) -> None:
    # The pool's kernel beats often enough not to be culled while it waits (safety.py).
    env = {"WOONLIB_KEEPALIVE_SECONDS": "2.5"}  # beats leave the quiet second to wait for
    with start_voila(extra_args=IDLE, env=env) as server:
        server.wait_for_preheated_pool(timeout=120)
        browser = launch_chromium(pw)
        try:
            page = open_page(browser, server.url)
            open_tab(page, "Huishoudens & programma")
            kernel = page.evaluate(KERNEL_ID_JS)
            idle_since = time.monotonic()
            # Three culling periods and more, checked every second, with the page open.
            while time.monotonic() - idle_since < 3 * CULL_S + 2:
                assert kernel in server.kernel_ids(), "a connected page's kernel was culled"
                time.sleep(1)
            assert f"({kernel})" not in "".join(
                line for line in server.log.splitlines() if "Culling" in line
            )
            move_ambition(page, 9350)
            assert "9.350 woningen" in page.locator(".wl-control-ambition_homes").inner_text()
            assert page.locator(".wl-kernel-gone").count() == 0
        finally:
            browser.close()
