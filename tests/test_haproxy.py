"""Two Voilà workers behind HAProxy (the generated configuration, Debian's HAProxy, real
Voilà, real Chromium): eight pages render and their sliders move charts, each page's
websocket reaches the worker that served its HTML (its kernel id carries that worker's tag,
HAProxy's log names that worker for the websocket, and the kernel answers through the
proxy without any cookie); one worker killed, new pages go to the other; when that one is
full, the busy page with Retry-After, from the worker and then from HAProxy itself, while
the pages already on it keep working."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

from harness.haproxy import Cluster, cluster
from harness.page import TAB, VIEWPORT
from harness.voila import (
    DASHBOARD_SHOWN,
    Reply,
    chromium_available,
    http_get,
    launch_chromium,
    wait_for_dashboard,
    wait_for_tab,
)

PAGES = 8
CAP = 5  # per worker: four pages and the preheated kernel (a fifth page takes that one)
KERNEL_ID_JS = (
    "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
)
PROGRAMME_Y1_JS = """() => {
  const gd = document.querySelector('.wl-chart-programme');
  return gd && gd.data ? gd.data[0].y[1] : null;
}"""
TIMEOUT_MS = 180_000  # the machine is shared: pages may wait for busy cores


@pytest.fixture(scope="module")
def pw() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        assert chromium_available(playwright), "no Chromium: run `bash scripts/test.sh`"
        yield playwright


def _cookie(context: BrowserContext) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == "SERVERID"), None)


def _slider_moves_chart(page: Page) -> None:
    """Open Huishoudens & programma, press → on the ambition slider: the chart follows."""
    page.locator(TAB, has_text="Huishoudens & programma").click()
    wait_for_tab(page, timeout=TIMEOUT_MS)
    before = page.evaluate(PROGRAMME_Y1_JS)
    page.locator(".wl-control-ambition_homes .noUi-handle").focus()
    page.keyboard.press("ArrowRight")  # one step: 50 homes
    page.wait_for_function(
        f"() => ({PROGRAMME_Y1_JS})() === {before + 50}", timeout=TIMEOUT_MS, polling=100
    )


def _assert_busy(reply: Reply) -> None:
    assert reply.status == 503, (reply.status, reply.body[:300])
    assert reply.headers["Retry-After"] == "30"
    assert "Het dashboard is even vol" in reply.body and "The dashboard is full" in reply.body


def _open(browser: Any, c: Cluster, context: BrowserContext | None = None) -> tuple[Any, Page]:
    context = context or browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(c.url, wait_until="commit", timeout=TIMEOUT_MS)
    return context, page


def _where(c: Cluster, context: BrowserContext, page: Page) -> str:
    """The worker that serves `page`, checked three ways; its name."""
    kernel = page.evaluate(KERNEL_ID_JS)
    name = _cookie(context)
    worker = next(w for w in c.workers if w.name == name)
    assert kernel.startswith(worker.tag), (kernel, worker)
    assert f"Kernel started: {kernel}" in c.server_of(kernel).log
    channels = [r for r in c.proxy.routed() if f"/api/kernels/{kernel}/channels" in r.path]
    assert channels and {r.server for r in channels} == {name}, channels
    return name


def test_two_workers_behind_haproxy(pw: Playwright) -> None:
    with cluster(2, max_kernels=CAP) as c:
        for server in c.servers:
            server.wait_for_preheated_pool(timeout=180)
        browser = launch_chromium(pw)
        try:
            opened = []
            for _ in range(PAGES // 2):  # two at a time: the machine has two cores
                wave = [_open(browser, c) for _ in range(2)]
                for _, page in wave:
                    wait_for_dashboard(page, timeout=TIMEOUT_MS, selector=DASHBOARD_SHOWN)
                opened += wave
            served = [_where(c, context, page) for context, page in opened]
            assert set(served) == {"w1", "w2"}, served
            for _, page in opened:
                _slider_moves_chart(page)
            # Without any cookie, a kernel's requests still reach its worker (the other
            # worker would answer 404): the tag in the kernel id routes them.
            kernels = [page.evaluate(KERNEL_ID_JS) for _, page in opened]
            for kernel in kernels:
                reply = http_get(f"{c.url}api/kernels/{kernel}")
                assert reply.status == 200 and kernel in reply.body, (kernel, reply.status)

            # Worker 1 dies: a visitor who has its cookie gets a page from worker 2.
            c.servers[0].kill()
            first = next(ctx for (ctx, _), name in zip(opened, served, strict=True) if name == "w1")
            context, page = _open(browser, c, first)
            wait_for_dashboard(page, timeout=TIMEOUT_MS, selector=DASHBOARD_SHOWN)
            assert page.evaluate(KERNEL_ID_JS).startswith(c.workers[1].tag)
            assert _cookie(context) == "w2"
            c.proxy.wait_for_state("w1", "DOWN", timeout=60)

            # Fill worker 2 (plain GETs: each takes a kernel that never connects), up to
            # its cap: then the busy page, first from the worker (retried on the dead one).
            replies = []
            for _ in range(CAP + 1):
                replies.append(http_get(c.url, timeout=TIMEOUT_MS / 1000))
                if replies[-1].status == 503:
                    break
            assert [r.status for r in replies[:-1]] == [200] * (len(replies) - 1)
            _assert_busy(replies[-1])
            # Its health check says it is full: HAProxy marks it down and answers itself,
            # with its errorfile (no Voilà server header), the same busy page.
            c.proxy.wait_for_state("w2", "DOWN", timeout=60)
            own = http_get(c.url)
            _assert_busy(own)
            assert "Tornado" not in (own.headers.get("Server") or "")
            # Marked down for being full, worker 2 keeps its pages: their websockets stay
            # open and their kernels' requests still reach it.
            _slider_moves_chart(page)
            on_w2 = [k for k in kernels if k.startswith(c.workers[1].tag)]
            assert http_get(f"{c.url}api/kernels/{on_w2[0]}").status == 200
        finally:
            browser.close()
