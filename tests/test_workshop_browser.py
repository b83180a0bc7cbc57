"""A workshop in the browser: a facilitator page and three participant pages (separate
kernels, real Voilà with writing enabled, a real SQLite store), each participant joining by
link (?workshop=CODE) and pressing *Indienen*; the facilitator's view follows the three
submissions by itself, and its median scenario loads with shares reading 100%."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from harness.page import VIEWPORT, open_tab, share_values
from harness.voila import (
    DASHBOARD_SHOWN,
    PageWatch,
    VoilaServer,
    chromium_available,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
)
from woonlib.store import workshops
from woonlib.store.database import open_store

SECTION = "Scenariobank en werksessie"
PARTICIPANTS = [  # (name, link): each sets the build rate and the shares differently
    (
        "Corporatie",
        "build_rate=1100&share_social_rent=0.4&share_mid_priced=0.3&share_expensive=0.3",
    ),
    ("Zorg", "build_rate=1200&share_social_rent=0.2&share_mid_priced=0.5&share_expensive=0.3"),
    (
        "Buurgemeente",
        "build_rate=1300&share_social_rent=0.5&share_mid_priced=0.4&share_expensive=0.1",
    ),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[VoilaServer, Browser, Path]]:
    db = tmp_path_factory.mktemp("store") / "scenarios.sqlite"
    env = {"WOONLIB_DB": str(db), "WOONLIB_STORE_WRITE": "1"}
    with sync_playwright() as pw:
        assert chromium_available(pw), "no Chromium: run `bash scripts/test.sh`"
        with start_voila(env=env) as server:
            browser = launch_chromium(pw)
            try:
                yield server, browser, db
            finally:
                browser.close()


def open_page(browser: Browser, url: str) -> tuple[Page, PageWatch]:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    watch = PageWatch(page)
    response = page.goto(url)
    assert response is not None and response.ok
    wait_for_dashboard(page, timeout=120_000, selector=DASHBOARD_SHOWN)
    return page, watch


def store_field(page: Page, name: str) -> object:
    return page.locator(".wl-store").get_by_label(name, exact=True)


def press(page: Page, text: str) -> None:
    page.locator(".wl-store button", has_text=text).click()


def status_says(page: Page, text: str) -> None:
    page.wait_for_function(
        "(t) => [...document.querySelectorAll('.wl-note')].some(n => n.textContent.includes(t))",
        arg=text,
        timeout=60_000,
    )


def test_three_participants_submit_and_the_facilitator_loads_the_median(
    served: tuple[VoilaServer, Browser, Path],
) -> None:
    server, browser, db = served
    facilitator, watch = open_page(browser, server.url)
    facilitator.get_by_text(SECTION, exact=True).click()
    store_field(facilitator, "Titel").fill("Raad 12 mei")  # type: ignore[attr-defined]
    store_field(facilitator, "Code").fill("raad")  # type: ignore[attr-defined]
    press(facilitator, "Werksessie openen")
    status_says(facilitator, "Werksessie RAAD geopend")

    for name, changes in PARTICIPANTS:
        page, page_watch = open_page(browser, f"{server.url}?workshop=RAAD&{changes}")
        status_says(page, "Werksessie Raad 12 mei")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.wl-store input')].some(i => i.value === 'RAAD')",
            timeout=60_000,
        )
        store_field(page, "Deelnemer").fill(name)  # type: ignore[attr-defined]
        press(page, "Indienen")
        status_says(page, "Ingediend")
        assert page_watch.page_errors == [] and page_watch.non_loopback() == []
        page.context.close()  # the participant leaves; the submission stays

    # The facilitator's view follows by itself (it asks every 1,5 s): no click, no reload.
    facilitator.wait_for_function(
        "() => document.querySelectorAll('.wl-headlines tbody tr').length === 3",
        timeout=60_000,
    )
    view = facilitator.locator(".wl-spread").inner_text()
    assert "Bouwtempo" in view and "1.100" in view and "1.300" in view
    assert facilitator.locator(".wl-spread circle").count() >= 3
    assert "Buurgemeente" in facilitator.locator(".wl-headlines").inner_text()

    press(facilitator, "Mediaanscenario laden")
    facilitator.wait_for_function(
        "() => document.querySelector('.wl-share-url').value.includes('build_rate=1200')",
        timeout=60_000,
    )
    open_tab(facilitator, "Segmenten")
    shares = share_values(facilitator)
    assert sum(shares.values()) == 100  # medians 40/40/30 (110%) rescaled: 37/36/27
    assert shares == {"social_rent": 37, "mid_priced": 36, "expensive": 27}
    assert watch.page_errors == [] and watch.non_loopback() == []
    store = open_store(str(db))
    assert [s.participant for s in workshops.submitted(store, "RAAD")] == [
        "Buurgemeente",
        "Corporatie",
        "Zorg",
    ]
    store.close()
