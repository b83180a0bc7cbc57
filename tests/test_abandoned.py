"""Kernels whose page vanished (woonlib/serving/lifetime.py and the kernel manager's part):
which to end and when, the settings voila.json gives, and the websockets closed when a
kernel ends. No Voilà and no browser here: tests/test_vanished_page.py runs the real thing."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from woonlib.serving.kernels import ServingKernelManager
from woonlib.serving.lifetime import (
    KERNEL_ENDED,
    abandoned_kernels,
    close_kernel_websockets,
)

REPO_ROOT = Path(__file__).resolve().parents[1]


# -- abandoned_kernels: hand-checked cases ---------------------------------------------------
def test_a_kernel_left_longer_than_the_timeout_with_no_connection_is_abandoned() -> None:
    left = {"a": 100.0, "b": 130.0}
    assert abandoned_kernels(left, {"a": 0, "b": 0}, now=161.0, timeout=60) == ["a"]
    assert abandoned_kernels(left, {"a": 0, "b": 0}, now=191.0, timeout=60) == ["a", "b"]


def test_within_the_grace_a_kernel_is_kept() -> None:
    # Exactly the timeout is still within the grace; just past it is not.
    assert abandoned_kernels({"a": 100.0}, {"a": 0}, now=160.0, timeout=60) == []
    assert abandoned_kernels({"a": 100.0}, {"a": 0}, now=160.5, timeout=60) == ["a"]


def test_a_page_that_reconnected_keeps_its_kernel() -> None:
    # A stale "left" entry with an open websocket now: the page came back.
    assert abandoned_kernels({"a": 0.0}, {"a": 1}, now=1000.0, timeout=60) == []


def test_a_kernel_that_ended_already_is_not_ended_again() -> None:
    assert abandoned_kernels({"gone": 0.0}, {}, now=1000.0, timeout=60) == []


@pytest.mark.parametrize("timeout", [0, -1])
def test_no_timeout_ends_nothing(timeout: float) -> None:
    assert abandoned_kernels({"a": 0.0}, {"a": 0}, now=1e6, timeout=timeout) == []


# -- the settings -----------------------------------------------------------------------------
def test_the_traits_default_to_a_minute_checked_every_five_seconds() -> None:
    km = ServingKernelManager()
    assert km.disconnected_timeout == 60.0
    assert km.disconnected_interval == 5.0


def test_voila_json_ends_a_vanished_page_within_90_s_with_a_grace_of_at_least_30_s() -> None:
    config = json.loads((REPO_ROOT / "voila.json").read_text())
    serving = config["ServingKernelManager"]
    timeout, interval = serving["disconnected_timeout"], serving["disconnected_interval"]
    assert timeout >= 30, "a network blip needs a grace of at least 30 s"
    assert timeout + interval <= 90, "a vanished page's kernel must end within 90 s"
    # A connected page keeps its kernel (culling ends unconnected kernels only).
    assert config["MappingKernelManager"]["cull_connected"] is False
    assert config["MappingKernelManager"]["cull_idle_timeout"] > 0
    # A browser gone without closing its connection (no FIN) is noticed by unanswered pings
    # within about 40 s: 10 s between pings, closed after 30 s without a pong.
    tornado = config["Voila"]["tornado_settings"]
    assert tornado["ws_ping_interval"] <= 10_000 and tornado["ws_ping_timeout"] <= 30_000


# -- the manager's bookkeeping ----------------------------------------------------------------
class Recorder(ServingKernelManager):
    """The manager with two fake kernels and a shutdown that only records."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ended: list[str] = []
        self._kernels = {"a": object(), "b": object()}
        self._kernel_connections = {"a": 0, "b": 0}

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        self.ended.append(kernel_id)
        self._kernels.pop(kernel_id, None)
        self._kernel_connections.pop(kernel_id, None)


def test_the_last_websocket_closing_starts_the_grace_and_a_reconnect_ends_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr("woonlib.serving.kernels.time.monotonic", lambda: clock[0])
    km = Recorder()
    for _ in range(2):  # two websockets to "a" (a page and a reconnect overlapping)
        km.notify_connect("a")
    km.notify_disconnect("a")
    assert "a" not in km._left, "one websocket is still open"
    km.notify_disconnect("a")
    assert km._left == {"a": 1000.0}
    km.notify_connect("b")
    km.notify_disconnect("b")
    clock[0] = 1030.0
    km.notify_connect("b")  # b's page came back within the grace
    clock[0] = 1061.0
    asyncio.run(km.end_disconnected())
    assert km.ended == ["a"]
    assert km._left == {}
    clock[0] = 2000.0
    asyncio.run(km.end_disconnected())
    assert km.ended == ["a"], "b is connected: kept"


def test_a_websocket_closing_for_a_kernel_that_is_gone_records_nothing() -> None:
    km = Recorder()
    km.notify_disconnect("never-started")
    assert km._left == {}


# -- the page hears when its kernel ends ------------------------------------------------------
class FakeHandler:
    def __init__(self) -> None:
        self.closed: tuple[int, str] | None = None

    def close(self, code: int, reason: str) -> None:
        self.closed = (code, reason)


def test_an_ended_kernels_websockets_are_closed_and_no_other() -> None:
    mine = [SimpleNamespace(kernel_id="k", websocket_handler=FakeHandler()) for _ in range(2)]
    other = SimpleNamespace(kernel_id="other", websocket_handler=FakeHandler())
    broken = SimpleNamespace(kernel_id="k", websocket_handler=None)  # torn down half-way
    assert close_kernel_websockets("k", [*mine, other, broken]) == 2
    assert all(c.websocket_handler.closed == (KERNEL_ENDED, "kernel ended") for c in mine)
    assert other.websocket_handler.closed is None
    assert 4000 <= KERNEL_ENDED <= 4999  # an application's own close code


def test_the_page_template_watches_its_kernel_in_both_languages() -> None:
    template = REPO_ROOT / "share/jupyter/nbconvert/templates/lab-offline"
    assert "{% include 'kernel_watch.js' %}" in (template / "index.html.j2").read_text()
    script = (template / "kernel_watch.js").read_text()
    assert "Pagina opnieuw laden" in script and "Reload the page" in script
    assert "location.reload()" in script
    assert "{{" not in script, "the script takes no value from the template"
