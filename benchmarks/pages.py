"""Opening pages against a Voilà server, and finding the kernel that serves a page."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

from benchmarks.harness import PageWatch, wait_for_tab

VIEWPORT = {"width": 1400, "height": 900}
TAB = ".jupyter-widget-TabPanel-tabBar .lm-TabBar-tab"
PAGE_TIMEOUT_MS = 180_000
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


# For every benchmark server, after voila.json. voila.json's VoilaExecutor.timeout (60 s per
# cell) also bounds the cell in which a preheated kernel waits for its page's request
# (woonlib.ui.page_query): a kernel that waited longer shows the next page "Cell execution timed
# out". Runs here leave pool kernels waiting for minutes, so the limit is raised.
SERVER_ARGS: tuple[str, ...] = ()  # voila.json as served


def pool_kernels(server: Any) -> set[str]:
    """Kernels of a preheated server that no page has taken yet (its pool)."""
    taken = set(re.findall(r"Using pre-heated kernel: ([0-9a-f-]{36})", server.log))
    return set(server.kernel_ids()) - taken


def quiet(server: Any, preheated: bool, timeout: float = 180.0, idle_s: float = 1.0) -> None:
    """Wait until every kernel serving a page is idle and has done nothing for `idle_s`; with
    `preheated` also until the pool's kernel has run the notebook (it may then wait, busy, for
    a page's request: see harness/voila.py)."""
    deadline = time.monotonic() + timeout
    if preheated:
        taken = server.log.count("Using pre-heated kernel")
        server.wait_for_preheated_pool(timeout=timeout, fills=taken + 1)
    while True:
        skip = pool_kernels(server) if preheated else set()
        now = datetime.now(UTC)
        if all(
            m["execution_state"] == "idle"
            and (now - datetime.fromisoformat(m["last_activity"])).total_seconds() >= idle_s
            for m in server.kernel_models()
            if m["id"] not in skip
        ):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"kernels still busy after {timeout} s: {server.kernel_models()}")
        time.sleep(0.2)


def open_page(browser: Any, url: str, *init_scripts: str) -> tuple[Any, Any, PageWatch]:
    """A page in a fresh browser context (empty cache: a first visit); returns
    (context, page, watch). Close the context when done."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    watch = PageWatch(page)
    for script in init_scripts:
        page.add_init_script(script)
    page.goto(url, timeout=PAGE_TIMEOUT_MS, wait_until="commit")
    return context, page, watch


def open_tab(page: Any, title: str | None) -> None:
    if title:
        page.locator(TAB, has_text=title).click()
        wait_for_tab(page, timeout=PAGE_TIMEOUT_MS)  # a tab is built when first opened


def page_kernel_id(page: Any, server: Any) -> str | None:
    """The id of the kernel serving `page`: the live kernel whose id is in the page."""
    html = page.content()
    live = set(server.kernel_ids())
    return next((k for k in UUID.findall(html) if k in live), None)


def page_errors(watch: PageWatch) -> list[str]:
    return [*watch.page_errors, *watch.console_errors, *watch.csp_violations]
