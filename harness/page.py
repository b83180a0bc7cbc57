"""Driving the served dashboard in Chromium: one page per test module, and the selectors
and reads the browser tests share (no tests in here)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from playwright.sync_api import Page, sync_playwright

from harness.voila import (
    DASHBOARD_SHOWN,
    REPO_ROOT,
    PageWatch,
    VoilaServer,
    chromium_available,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
    wait_for_tab,
)

VIEWPORT = {"width": 1400, "height": 900}
TAB = ".jupyter-widget-TabPanel-tabBar .lm-TabBar-tab"
RESET_ALL = "Alles terug naar de Woonvisie"


class Served(NamedTuple):
    page: Page
    watch: PageWatch
    server: VoilaServer


@contextlib.contextmanager
def served_dashboard(extra_args: tuple[str, ...] = ()) -> Iterator[Served]:
    """The dashboard served by Voilà with voila.json, rendered in one Chromium page."""
    with sync_playwright() as pw:
        assert chromium_available(pw), (
            "no Chromium: run `bash scripts/test.sh` (installs Debian's chromium as root, "
            "else `python -m playwright install chromium`), or set CHROMIUM_PATH"
        )
        with start_voila(extra_args=extra_args) as server:
            server.wait_for_preheated_pool(timeout=120)
            browser = launch_chromium(pw)
            try:
                page = browser.new_page(viewport=VIEWPORT)
                watch = PageWatch(page)
                response = page.goto(server.url)
                assert response is not None and response.ok, response
                wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
                yield Served(page, watch, server)
            finally:
                browser.close()


def artifacts_dir(name: str) -> Path:
    """test-artifacts/<name> (or $WOONLIB_ARTIFACTS/<name>): kept after the run."""
    root = Path(os.environ.get("WOONLIB_ARTIFACTS") or REPO_ROOT / "test-artifacts")
    out = root / name
    out.mkdir(parents=True, exist_ok=True)
    return out


TRACES_JS = """(key) => {
  const gd = document.querySelector('.wl-chart-' + key);
  if (!gd || !gd.data) return null;
  return gd.data.map(t => ({name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || [])}));
}"""


def traces(page: Page, key: str) -> list[dict[str, Any]]:
    result = page.evaluate(TRACES_JS, key)
    assert result is not None, f"chart {key} is not in the page"
    return result


def y_of(page: Page, key: str, trace: int = 0) -> list[float]:
    return traces(page, key)[trace]["y"]


def wait_for_y(page: Page, key: str, trace: int, index: int, value: float) -> None:
    page.wait_for_function(
        """([key, trace, index, value]) => {
          const gd = document.querySelector('.wl-chart-' + key);
          return !!gd && !!gd.data && gd.data[trace].y[index] === value;
        }""",
        arg=[key, trace, index, value],
        timeout=15_000,
    )


def open_tab(page: Page, title: str) -> None:
    """Select the tab `title` and wait until it is built (on its first opening) and drawn."""
    page.locator(TAB, has_text=title).click()
    wait_for_tab(page, timeout=60_000)


def section_text(page: Page) -> str:
    """The text of the visible tab panel."""
    return str(
        page.evaluate(
            """() => Array.from(document.querySelectorAll('.widget-tab-contents > .lm-Widget'))
              .filter(el => !el.classList.contains('lm-mod-hidden'))
              .map(el => el.innerText).join('\\n')"""
        )
    )


def share_values(page: Page) -> dict[str, float]:
    return {
        key: float(
            page.locator(f".wl-share-{key} .noUi-handle").get_attribute("aria-valuenow") or "nan"
        )
        for key in ("social_rent", "mid_priced", "expensive")
    }
