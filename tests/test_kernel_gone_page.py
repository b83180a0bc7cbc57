"""A reader's page never dies silently (real Voilà with voila.json, real Chromium): when its
kernel ends anyway (shut down through the server's REST API, or the kernel process dies),
the page says so within seconds in its language, and its one button reloads the page with
its scenario from the address."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from harness.page import VIEWPORT, open_tab, wait_for_y
from harness.voila import (
    DASHBOARD_SHOWN,
    PageWatch,
    VoilaServer,
    chromium_available,
    kernel_pid,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
)

BANNER = ".wl-kernel-gone"
KERNEL_ID_JS = (
    "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
)
SAID_WITHIN = 3.0  # [s] kernel ended (the REST API's answer) -> the page says so
DIED_WITHIN = 15.0  # [s] kernel process killed -> the page says so (the restarter polls every 3 s)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[VoilaServer, Browser]]:
    with sync_playwright() as pw:
        assert chromium_available(pw), "no Chromium: run `bash scripts/test.sh`"
        with start_voila() as server:
            server.wait_for_preheated_pool(timeout=120)
            browser = launch_chromium(pw)
            try:
                yield server, browser
            finally:
                browser.close()


def open_page(browser: Browser, url: str) -> tuple[Page, PageWatch]:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    watch = PageWatch(page)
    response = page.goto(url)
    assert response is not None and response.ok, response
    wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
    return page, watch


def shut_down_by_rest(page: Page, server: VoilaServer, kernel_id: str) -> None:
    """DELETE /api/kernels/<id>, as any client holding the id may (XSRF token sent)."""
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_xsrf")
    reply = page.request.delete(
        f"{server.url}api/kernels/{kernel_id}", headers={"X-XSRFToken": xsrf}
    )
    assert reply.status == 204, (reply.status, reply.text())


def wait_for_banner(page: Page, since: float, within: float = SAID_WITHIN) -> str:
    banner = page.locator(BANNER)
    banner.wait_for(state="visible", timeout=60_000)
    took = time.monotonic() - since
    assert took < within, f"the page said so only after {took:.1f} s"
    assert banner.get_attribute("role") == "alert"
    return banner.inner_text()


def test_a_shut_down_kernel_is_said_in_dutch_and_the_reload_brings_the_scenario_back(
    served: tuple[VoilaServer, Browser],
) -> None:
    server, browser = served
    page, watch = open_page(browser, server.url)
    open_tab(page, "Huishoudens & programma")
    page.locator(".wl-control-ambition_homes .noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_y(page, "programme", 0, 1, 9400)
    page.wait_for_function("() => location.search === '?ambition_homes=9400'")
    kernel = page.evaluate(KERNEL_ID_JS)
    assert page.locator(BANNER).count() == 0, "a message while the kernel is there"

    shut_down_by_rest(page, server, kernel)  # answered once the kernel has ended
    text = wait_for_banner(page, time.monotonic())
    assert "niet meer verbonden met de server" in text and "scenario" in text
    button = page.get_by_role("button", name="Pagina opnieuw laden")
    with page.expect_navigation():
        button.click()
    wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
    assert page.evaluate(KERNEL_ID_JS) != kernel
    assert page.url.endswith("?ambition_homes=9400")
    open_tab(page, "Huishoudens & programma")
    wait_for_y(page, "programme", 0, 1, 9400)  # the scenario is back, in a new kernel
    assert "9.400 woningen" in page.locator(".wl-control-ambition_homes").inner_text()
    assert page.locator(BANNER).count() == 0
    assert watch.page_errors == []
    page.context.close()


def test_an_english_page_says_so_in_english(served: tuple[VoilaServer, Browser]) -> None:
    server, browser = served
    page, watch = open_page(browser, server.url + "?build_rate=1200")
    page.get_by_role("button", name="English").click()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    wait_for_dashboard(page, timeout=60_000)  # relabelled: the reader reads on
    shut_down_by_rest(page, server, page.evaluate(KERNEL_ID_JS))
    text = wait_for_banner(page, time.monotonic())
    assert "lost its connection to the server" in text
    assert "verbonden" not in text
    with page.expect_navigation():
        page.get_by_role("button", name="Reload the page").click()
    wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
    assert page.url.endswith("?build_rate=1200")
    assert watch.page_errors == []
    page.context.close()


def test_a_page_whose_kernel_died_says_so(served: tuple[VoilaServer, Browser]) -> None:
    server, browser = served
    page, watch = open_page(browser, server.url)
    kernel = page.evaluate(KERNEL_ID_JS)
    t0 = time.monotonic()
    pid = kernel_pid(kernel)
    assert pid is not None, f"no process for kernel {kernel}"
    os.kill(pid, signal.SIGKILL)
    text = wait_for_banner(page, t0, DIED_WITHIN)
    assert "niet meer verbonden" in text
    # The kernel was ended, not restarted blank (a restarted kernel has no page state).
    server.wait_for_log(f"Shutting down kernel {kernel}: it died", timeout=30)
    server.wait_for_log(f"Kernel shutdown: {kernel}", timeout=30)
    assert kernel not in server.kernel_ids()
    assert watch.page_errors == []
    page.context.close()
