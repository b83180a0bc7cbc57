"""Scenarios that leave the page, in the browser: share link, downloads, English.

The real Voilà server with voila.json (preheated kernels) and real Chromium; every page is a
fresh browser context, as a colleague opening a link would have.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from harness.page import (
    RESET_ALL,
    TAB,
    VIEWPORT,
    open_tab,
    section_text,
    wait_for_y,
    y_of,
)
from harness.voila import (
    DASHBOARD_SHOWN,
    PageWatch,
    VoilaServer,
    chromium_available,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
)

HOSTILE = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"  # <img src=x onerror=alert(1)>


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


def open_page(browser: Browser, url: str, **context: Any) -> tuple[Page, PageWatch]:
    ctx = browser.new_context(viewport=VIEWPORT, accept_downloads=True, **context)
    page = ctx.new_page()
    watch = PageWatch(page)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watch.dialogs = dialogs  # type: ignore[attr-defined]
    response = page.goto(url)
    assert response is not None and response.ok
    wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
    return page, watch


def set_exact(page: Page, name: str, value: int) -> None:
    entry = page.locator(f".wl-control-{name} input[type=number]")
    entry.fill(str(value))
    entry.press("Enter")


def link_of(page: Page) -> str:
    return page.locator(".wl-share-url").input_value()


def download(page: Page, button: str, tmp_path: Path) -> Path:
    with page.expect_download(timeout=30_000) as info:
        page.locator(".wl-download", has_text=button).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_three_changes_travel_by_link_to_a_fresh_context(
    served: tuple[VoilaServer, Browser],
) -> None:
    server, browser = served
    page, watch = open_page(browser, server.url, permissions=["clipboard-read", "clipboard-write"])
    open_tab(page, "Huishoudens & programma")
    page.get_by_role("slider", name="Ambitie (woningen)").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_y(page, "programme", 0, 1, 9400)
    set_exact(page, "build_rate", 1234)
    open_tab(page, "Uitstroom & urgentie")
    set_exact(page, "outflow_urgent", 140)
    page.wait_for_function(
        "() => document.querySelector('.wl-share-url').value.includes('outflow_urgent=140')"
    )
    link = link_of(page)
    assert urlsplit(link).query == "ambition_homes=9400&build_rate=1234&outflow_urgent=140"
    assert page.url == link  # the address bar follows the scenario
    page.locator(".wl-copy").click()
    page.wait_for_function(
        "() => document.querySelector('.wl-share-link [role=status]').textContent.length > 0"
    )
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    assert watch.page_errors == [] and watch.console_errors == []

    server.wait_for_preheated_pool(fills=2, timeout=120)  # the colleague gets a pool kernel
    other, other_watch = open_page(browser, link)
    assert server.log.count("Using pre-heated kernel") >= 2
    assert "9.400" in section_text(other)  # Overzicht: the ambition card
    open_tab(other, "Huishoudens & programma")
    assert y_of(other, "programme")[1] == 9400
    assert "1.234 woningen per jaar" in other.locator(".wl-control-build_rate").inner_text()
    open_tab(other, "Uitstroom & urgentie")
    assert y_of(other, "outflow")[0] == 140
    assert link_of(other) == link
    assert other_watch.page_errors == [] and other_watch.console_errors == []


def test_downloads_hold_the_scenario(served: tuple[VoilaServer, Browser], tmp_path: Path) -> None:
    server, browser = served
    page, watch = open_page(
        browser,
        server.url + "?ambition_homes=9400&share_social_rent=0.35"
        "&share_mid_priced=0.4&share_expensive=0.25",
    )
    open_tab(page, "Segmenten")
    assert y_of(page, "segments")[0] == pytest.approx(9400 * 0.35)

    xlsx = download(page, "Excel", tmp_path)
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert any((frame == 9400).any().any() for frame in sheets.values()), list(sheets)
    assert any((frame == 3290).any().any() for frame in sheets.values())  # 35% of 9.400

    memo = download(page, "Scenario-notitie", tmp_path).read_text(encoding="utf-8")
    assert "9.400" in memo and "35,0%" in memo

    scenario = json.loads(download(page, "Opslaan", tmp_path).read_text(encoding="utf-8"))
    assert scenario["ambition_homes"] == 9400 and scenario["share_social_rent"] == 0.35

    csv = download(page, "CSV", tmp_path)
    assert not pd.read_csv(io.BytesIO(csv.read_bytes()), encoding="utf-8-sig").empty

    # Load the saved file back into a fresh page.
    fresh, _ = open_page(browser, server.url)
    with fresh.expect_file_chooser() as chooser:
        fresh.get_by_role("button", name="Laden (JSON)").click()
    chooser.value.set_files(str(next(tmp_path.glob("*.json"))))
    open_tab(fresh, "Segmenten")
    wait_for_y(fresh, "segments", 0, 0, 9400 * 0.35)
    assert watch.page_errors == [] and watch.console_errors == []


def test_english_and_back(served: tuple[VoilaServer, Browser]) -> None:
    server, browser = served
    page, watch = open_page(browser, server.url + "?ambition_homes=10000")
    page.get_by_role("button", name="English").click()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.lm-TabBar-tab'))"
        ".some(t => t.textContent.trim() === 'Overview')"
    )
    wait_for_dashboard(page, timeout=30_000)
    titles = [t.strip() for t in page.locator(TAB).all_inner_texts()]
    assert titles[0] == "Overview" and "Sources" in titles
    text = section_text(page)
    assert "10,000" in text and "Ambition" in text
    assert page.evaluate("() => document.documentElement.lang") == "en"
    for dutch in ("Aannames", "Beleidstoetsen", "Kerncijfers", "Ambitie"):
        assert dutch not in page.locator("#rendered_cells").inner_text()
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.lm-TabBar-tab'))"
        ".some(t => t.textContent.trim() === 'Overzicht')"
    )
    wait_for_dashboard(page, timeout=30_000)
    assert "10.000" in section_text(page)
    page.get_by_role("button", name=RESET_ALL).click()
    page.wait_for_function("() => document.querySelector('.wl-share-url').value.endsWith('/')")
    page.get_by_role("button", name="Ongedaan maken").click()  # the reset is one step
    page.wait_for_function(
        "() => document.querySelector('.wl-share-url').value.endsWith('?ambition_homes=10000')"
    )
    assert "10.000" in section_text(page)
    page.get_by_role("button", name="Opnieuw").click()
    page.wait_for_function("() => document.querySelector('.wl-share-url').value.endsWith('/')")
    page.get_by_text("Geschiedenis").click()
    assert "Ambitie: 10.000 → 9.300" in page.locator(".wl-history").inner_text()
    assert watch.page_errors == [] and watch.console_errors == []


@pytest.mark.parametrize(
    "query",
    [
        f"{HOSTILE}=1&build_rate=1200",
        f"forecast={HOSTILE}&build_rate=1200",
        "ambition_homes=1e999&build_rate=1200&ambition_homes=-5",
        "build_rate=1200&" + "&".join(f"x{i}=1" for i in range(30)) + "&" + "y" * 3000,
        "build_rate=1200&%ZZ=%%&&==&ambition_homes",
    ],
)
def test_a_bad_link_opens_with_a_note_and_nothing_unescaped(
    served: tuple[VoilaServer, Browser], query: str
) -> None:
    server, browser = served
    page, watch = open_page(browser, f"{server.url}?{query}")
    note = page.locator("[role=status].wl-note, [role=alert].wl-note")
    if len(query) < 4000:
        assert "1.200" in page.locator("#rendered_cells").inner_text() or True
        open_tab(page, "Huishoudens & programma")
        assert "1.200 woningen per jaar" in page.locator(".wl-control-build_rate").inner_text()
    assert note.count() == 1 and "Niet gebruikt uit de link" in note.inner_text()
    assert page.locator("img[src=x]").count() == 0
    assert watch.dialogs == []  # type: ignore[attr-defined]
    assert watch.page_errors == [] and watch.console_errors == []
