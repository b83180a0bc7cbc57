"""Kernels end with their page, on the real server (voila.json) and a real Chromium:

- a closed page's kernel is shut down by the page's own request (XSRF check on);
- a kernel whose page never connects is ended (timeout shortened here), while a connected
  page keeps its kernel;
- the kernel cap: parallel requests beyond it get 503 with Retry-After and the Dutch/English
  "busy" page, no kernel starts for them, never more kernels than the cap run, and a real
  page renders once kernels are free.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Playwright, sync_playwright

from harness.page import VIEWPORT
from harness.voila import (
    DASHBOARD_SHOWN,
    KernelPeak,
    Reply,
    VoilaServer,
    chromium_available,
    http_get,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
    wait_until,
)

UNCONNECTED = [
    "--ServingKernelManager.unconnected_timeout=5",
    "--ServingKernelManager.unconnected_interval=1",
]
NEVER_CONNECTED = re.compile(r"Shutting down kernel ([0-9a-f-]{36}): its page did not connect")
KERNEL_ID_JS = (
    "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
)


@pytest.fixture(scope="module")
def pw() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        assert chromium_available(playwright), "no Chromium: run `bash scripts/test.sh`"
        yield playwright


def test_closed_or_left_pages_end_their_kernels(pw: Playwright) -> None:
    with start_voila() as server:
        server.wait_for_preheated_pool(timeout=120)
        browser = launch_chromium(pw)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            page_kernels = []
            for i in range(3):
                page = context.new_page()
                page.goto(server.url)
                wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
                page_kernels.append(page.evaluate(KERNEL_ID_JS))
                assert page_kernels[-1] in server.kernel_ids()
                assert any(c["name"] == "_xsrf" for c in context.cookies()), "no _xsrf cookie"
                if i < 2:
                    page.close(run_before_unload=True)  # the tab closes
                else:
                    page.goto("about:blank")  # the tab navigates away
                wait_until(
                    lambda k=page_kernels[-1]: f"Kernel shutdown: {k}" in server.log,
                    10,
                    "the left page's kernel shut down",
                )
            assert len(set(page_kernels)) == 3
            assert "_xsrf' argument missing" not in server.log
            assert not set(page_kernels) & set(server.kernel_ids())
            # Only the preheated pool's kernel is left.
            wait_until(lambda: len(server.kernel_pids()) <= 1, 10, "one kernel (the pool's) left")
        finally:
            browser.close()


def test_a_kernel_whose_page_never_connects_ends_and_a_connected_one_stays(
    pw: Playwright,
) -> None:
    with start_voila(extra_args=UNCONNECTED) as server:
        server.wait_for_preheated_pool(timeout=120)
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(server.url)
            wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
            connected = page.evaluate(KERNEL_ID_JS)
            replies = [http_get(server.url), http_get(server.url)]  # no browser connects
            assert [r.status for r in replies] == [200, 200]
            wait_until(
                lambda: len(NEVER_CONNECTED.findall(server.log)) >= 2,
                60,
                "both unconnected kernels ended",
            )
            ended = NEVER_CONNECTED.findall(server.log)
            assert connected not in ended
            time.sleep(3)  # well past the 5 s timeout for the connected page's kernel too
            assert connected in server.kernel_ids()
            assert not set(ended) & set(server.kernel_ids())
            assert len(NEVER_CONNECTED.findall(server.log)) == 2
        finally:
            browser.close()


def _storm(server: VoilaServer, n: int) -> list[tuple[Reply, int]]:
    """`n` GETs of the page released at once (a barrier), each in its own thread: each
    reply with the number of kernels the server had started when it came."""
    replies: list[tuple[Reply, int]] = []
    barrier = threading.Barrier(n)

    def one() -> None:
        barrier.wait()
        reply = http_get(server.url, timeout=180)
        replies.append((reply, server.log.count("Kernel started:")))

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    return replies


def test_the_cap_refuses_politely_and_a_page_renders_once_kernels_are_free(
    pw: Playwright,
) -> None:
    env = {"WOONLIB_MAX_KERNELS": "4"}
    with start_voila(extra_args=UNCONNECTED, env=env) as server:
        server.wait_for_preheated_pool(timeout=120)
        assert "At most 4 kernels at once" in server.log
        with KernelPeak(server) as peak:
            storm = _storm(server, 12)
        replies = [reply for reply, _ in storm]
        assert len(replies) == 12
        ok = [r for r in replies if r.status == 200]
        busy = [r for r in replies if r.status == 503]
        assert len(ok) == 4 and len(busy) == 8, sorted(r.status for r in replies)
        assert peak.peak <= 4, f"{peak.peak} kernels ran at once"
        # The pool's kernel and three refills; none for the refused requests (all refused
        # within the first second, long before any of these kernels could end).
        assert max(n for reply, n in storm if reply.status == 503) <= 4
        for reply in busy:
            assert reply.headers["Retry-After"] == "30"
            assert reply.headers["Content-Type"].startswith("text/html")
            assert "het dashboard is even vol" in reply.body.lower()
            assert "the dashboard is full" in reply.body.lower()
            assert "Traceback" not in reply.body
        for reply in ok:
            assert "rendered_cells" in reply.body
        # The storm's kernels had no page: they end, and a real visitor gets one.
        wait_until(lambda: len(NEVER_CONNECTED.findall(server.log)) >= 4, 90, "storm kernels ended")
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            response = page.goto(server.url)
            assert response is not None and response.status == 200
            wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
            assert page.locator(DASHBOARD_SHOWN).count() > 0
        finally:
            browser.close()
