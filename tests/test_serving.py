"""Preheating and culling together (voila.json keeps both): a kernel waiting in Voilà's pool
longer than the cull timeout still serves its page, and a page's idle kernel is culled."""

from __future__ import annotations

import time

from dashboard_page import VIEWPORT
from playwright.sync_api import sync_playwright
from voila_harness import chromium_available, launch_chromium, start_voila, wait_for_dashboard

CULL = ["--MappingKernelManager.cull_idle_timeout=4", "--MappingKernelManager.cull_interval=1"]


def test_a_pool_kernel_outlives_the_cull_timeout_and_a_page_kernel_does_not() -> None:
    with sync_playwright() as pw:
        assert chromium_available(pw), "no Chromium: run `bash scripts/test.sh`"
        env = {"WOONLIB_KEEPALIVE_SECONDS": "2.5"}
        with start_voila(extra_args=CULL, env=env) as server:
            server.wait_for_preheated_pool(timeout=120)
            pool_kernel = server.kernel_ids()[0]
            time.sleep(10)  # more than twice the cull timeout, waiting in the pool
            assert pool_kernel in server.kernel_ids(), "the pool's kernel was culled"
            browser = launch_chromium(pw)
            try:
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(server.url)
                wait_for_dashboard(page, timeout=60_000, selector=".wl-chart")
                assert "Using pre-heated kernel" in server.log
                # The page's kernel beats no more: idle, it is culled (page still open).
                server.wait_for_log(rf"Culling 'idle' kernel 'python3' \({pool_kernel}\)",
                                    timeout=60)
            finally:
                browser.close()
