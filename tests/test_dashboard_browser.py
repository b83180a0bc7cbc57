"""The dashboard as partners see it: the real Voilà server with voila.json, in real Chromium.

One server and one page serve the whole module (a page load runs the notebook, ~3 s); the
tests run in file order and each leaves the page back at the Woonvisie (global reset).
Screenshots of every section go to $WOONLIB_ARTIFACTS (default: a pytest temp dir).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, sync_playwright
from voila_harness import (
    PageWatch,
    chromium_available,
    launch_chromium,
    screenshot_full,
    start_voila,
    wait_for_dashboard,
)

VIEWPORT = {"width": 1400, "height": 900}
TAB = ".jupyter-widget-TabPanel-tabBar .lm-TabBar-tab"
# Each section: its tab title, its charts, and numbers of the Woonvisie it must show in
# Dutch format (thousands with a dot, decimals with a comma).
SECTIONS = {
    "Overzicht": ((), ("9.300", "3.525", "8.305", "12.090", "67,9%", "1.266", "4.650", "280")),
    "Huishoudens & programma": (
        ("households", "programme", "build-path"),
        ("9.300", "3.525", "12.090", "8.315"),
    ),
    "Segmenten": (("segments", "market"), ("2.790", "3.720", "67,8%", "1.266")),
    "Ouderen": (("elderly", "age-classes", "suitability"), ("4.650", "19.000", "26.000")),
    "Uitstroom & urgentie": (("outflow", "care"), ("280", "2.520")),
    "Bronnen": ((), ("Tabel 1", "Tabel 2", "Figuur 5")),
}

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
    page.locator(TAB, has_text=title).click()
    wait_for_dashboard(page, timeout=30_000)


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


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = os.environ.get("WOONLIB_ARTIFACTS")
    out = Path(path) if path else tmp_path_factory.mktemp("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def dashboard() -> Iterator[tuple[Page, PageWatch, Any]]:
    with sync_playwright() as pw:
        assert chromium_available(pw), (
            "no Chromium: run `bash scripts/test.sh` (installs Debian's chromium as root, "
            "else `python -m playwright install chromium`), or set CHROMIUM_PATH"
        )
        with start_voila() as server:
            server.wait_for_preheated_pool(timeout=120)
            browser = launch_chromium(pw)
            try:
                page = browser.new_page(viewport=VIEWPORT)
                watch = PageWatch(page)
                response = page.goto(server.url)
                assert response is not None and response.ok, response
                wait_for_dashboard(page, timeout=90_000, selector=".wl-chart")
                yield page, watch, server
            finally:
                browser.close()


def test_every_section_renders_its_charts_and_numbers(dashboard: Any, artifacts: Path) -> None:
    page, watch, _ = dashboard
    titles = [t.strip() for t in page.locator(TAB).all_inner_texts()]
    assert titles == list(SECTIONS)
    for i, (title, (charts, numbers)) in enumerate(SECTIONS.items(), start=1):
        open_tab(page, title)
        for key in charts:
            chart = page.locator(f".wl-chart-{key}")
            assert chart.is_visible(), f"{title}: chart {key} not visible"
            data = traces(page, key)
            assert data and any(t["y"] for t in data), f"{title}: chart {key} has no data"
            assert chart.locator(".main-svg").count() > 0, f"{title}: chart {key} not drawn"
        text = section_text(page)
        missing = [n for n in numbers if n not in text]
        assert not missing, f"{title}: {missing} not shown"
        slug = re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
        screenshot_full(page, artifacts / f"{i:02d}-{slug}.png", VIEWPORT)
    assert watch.page_errors == []
    assert watch.console_errors == []


def test_key_press_updates_chart_table_and_readout(dashboard: Any) -> None:
    page, watch, _ = dashboard
    open_tab(page, "Huishoudens & programma")
    assert y_of(page, "programme")[1] == 9300
    handle = page.locator(".wl-control-ambition_homes .noUi-handle")
    handle.focus()
    page.keyboard.press("ArrowRight")  # one step: 50 homes
    wait_for_y(page, "programme", 0, 1, 9350)
    # Plan capacity follows the ambition (130%), the readout and the table too.
    assert y_of(page, "programme")[4] == round(9350 * 1.3)
    assert "9.350 woningen" in page.locator(".wl-control-ambition_homes").inner_text()
    assert "12.155" in section_text(page)
    page.get_by_role("button", name="Alles terug naar de Woonvisie").click()
    wait_for_y(page, "programme", 0, 1, 9300)
    assert "9.300 woningen" in page.locator(".wl-control-ambition_homes").inner_text()
    assert watch.page_errors == [] and watch.console_errors == []


def test_exact_entry_updates_the_slider_and_chart(dashboard: Any) -> None:
    page, _, _ = dashboard
    open_tab(page, "Huishoudens & programma")
    entry = page.locator(".wl-control-ambition_homes input[type=number]")
    entry.fill("10000")
    entry.press("Enter")
    wait_for_y(page, "programme", 0, 1, 10000)
    handle = page.locator(".wl-control-ambition_homes .noUi-handle")
    assert float(handle.get_attribute("aria-valuenow") or 0) == 10000
    page.get_by_role("button", name="Alles terug naar de Woonvisie").click()
    wait_for_y(page, "programme", 0, 1, 9300)


def test_linked_shares_add_to_100_after_drag_and_keys(dashboard: Any) -> None:
    page, watch, _ = dashboard
    open_tab(page, "Segmenten")
    assert share_values(page) == {"social_rent": 30, "mid_priced": 40, "expensive": 30}
    social_y0 = y_of(page, "segments")[0]
    # Drag the social-rent handle to the right by a tenth of the slider.
    handle = page.locator(".wl-share-social_rent .noUi-handle")
    track = page.locator(".wl-share-social_rent .noUi-base").bounding_box()
    box = handle.bounding_box()
    assert track and box
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for k in range(1, 11):
        page.mouse.move(x + k * track["width"] / 100, y)
    page.mouse.up()
    page.wait_for_function(
        """() => {
          const v = ['social_rent', 'mid_priced', 'expensive'].map(k => Number(document
            .querySelector('.wl-share-' + k + ' .noUi-handle').getAttribute('aria-valuenow')));
          return v[0] > 30 && v[0] + v[1] + v[2] === 100;
        }""",
        timeout=15_000,
    )
    page.wait_for_function(
        "([y0]) => document.querySelector('.wl-chart-segments').data[0].y[0] !== y0",
        arg=[social_y0],
        timeout=15_000,
    )
    shares = share_values(page)
    assert sum(shares.values()) == 100
    # Lock the expensive share; keys on social rent then move only mid-priced.
    page.locator(".wl-share-expensive button").click()
    locked = shares["expensive"]
    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([v]) => Number(document.querySelector('.wl-share-social_rent .noUi-handle')"
        ".getAttribute('aria-valuenow')) === v",
        arg=[shares["social_rent"] + 3],
        timeout=15_000,
    )
    page.wait_for_timeout(300)
    after = share_values(page)
    assert after["expensive"] == locked
    assert sum(after.values()) == 100
    assert "Σ = 100%" in section_text(page)
    page.locator(".wl-share-expensive button").click()  # unlock
    page.get_by_role("button", name="Alles terug naar de Woonvisie").click()
    page.wait_for_function(
        """() => ['social_rent', 'mid_priced', 'expensive'].map(k => document
            .querySelector('.wl-share-' + k + ' .noUi-handle').getAttribute('aria-valuenow'))
            .map(Number).join('/') === '30/40/30'""",
        timeout=15_000,
    )
    wait_for_y(page, "segments", 0, 0, 2790)
    assert watch.page_errors == [] and watch.console_errors == []


def test_page_asked_no_other_host(dashboard: Any) -> None:
    _, watch, server = dashboard
    assert watch.non_loopback() == []
    assert watch.csp_violations == []
    assert "Traceback" not in server.log
