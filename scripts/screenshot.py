"""Screenshots of the dashboard as Voilà serves it, in headless Chromium.

Usage: .venv/bin/python scripts/screenshot.py [--notebook notebooks/dashboard.ipynb]
                                              [--out screenshots/] [--tabs] [--width PX]
                                              [--lang nl|en]

Starts Voilà with the repository's voila.json (harness/voila.py), opens the page at
1400x900 (--width: another width, e.g. 390 for a phone), waits until it is rendered, prints
the time from navigation to full render and saves a full-page PNG. With --tabs it then clicks
each tab of the page's (outermost) ipywidgets Tab in turn and saves one PNG per tab, named
after the tab's title; --lang en first switches the page to English.

Needs only `bash scripts/start.sh`'s environment (Playwright is a dependency) and a Chromium:
Debian's /usr/bin/chromium, $CHROMIUM_PATH, or Playwright's own build
(`.venv/bin/python -m playwright install chromium`).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # run as a script: the repository root, for harness

from harness.voila import (  # noqa: E402
    PageWatch,
    chromium_available,
    launch_chromium,
    screenshot_full,
    start_voila,
    wait_for_dashboard,
    wait_for_tab,
)

VIEWPORT = {"width": 1400, "height": 900}
TAB_BAR = ".jupyter-widget-TabPanel-tabBar"  # ipywidgets 8 Tab: a lumino TabBar
TAB = "li.lm-TabBar-tab"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "tab"


def shoot(page: Any, path: Path, timeout_ms: float) -> None:
    screenshot_full(page, path, dict(page.viewport_size), timeout_ms)
    print(f"saved {path}")


def shoot_tabs(page: Any, out: Path, stem: str, timeout_ms: float) -> None:
    bars = page.locator(TAB_BAR)
    if bars.count() == 0:
        print("no ipywidgets Tab on the page: --tabs has nothing to click", file=sys.stderr)
        return
    tabs = bars.first.locator(TAB)  # the first bar in document order is the outermost Tab
    titles = [t.strip() for t in tabs.all_inner_texts()]
    for i, title in enumerate(titles):
        tab = tabs.nth(i)
        tab.click()
        page.wait_for_function(
            "el => el.classList.contains('lm-mod-current')", arg=tab.element_handle()
        )
        wait_for_tab(page, timeout=timeout_ms)  # a tab is built when first opened
        shoot(page, out / f"{stem}-{i + 1:02d}-{slug(title)}.png", timeout_ms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebook", default="notebooks/dashboard.ipynb")
    parser.add_argument("--out", default="screenshots/", type=Path)
    parser.add_argument("--tabs", action="store_true", help="one PNG per tab of the Tab widget")
    parser.add_argument("--timeout", type=float, default=120, help="render timeout, seconds")
    parser.add_argument("--width", type=int, default=VIEWPORT["width"], help="viewport, px")
    parser.add_argument(
        "--wait-for", default=None, metavar="SELECTOR", help="also wait for this CSS selector"
    )
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="page language")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    out: Path = args.out if args.out.is_absolute() else REPO_ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    stem = Path(args.notebook).stem
    timeout_ms = args.timeout * 1000

    with sync_playwright() as pw:
        if not chromium_available(pw):
            print(
                "no Chromium: install Debian's (apt-get install chromium), set CHROMIUM_PATH, "
                "or run .venv/bin/python -m playwright install chromium",
                file=sys.stderr,
            )
            return 2
    with start_voila(args.notebook) as server, sync_playwright() as pw:
        # Like a visitor of the production server: a kernel from the preheated pool that
        # has already run the notebook (voila.json preheats one).
        server.wait_for_preheated_pool(timeout=args.timeout)
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={**VIEWPORT, "width": args.width})
            watch = PageWatch(page)

            t0 = time.perf_counter()
            page.goto(server.url)
            wait_for_dashboard(page, timeout=timeout_ms, selector=args.wait_for)
            elapsed = time.perf_counter() - t0
            kernel = "preheated" if "Using pre-heated kernel" in server.log else "cold"
            print(f"first full render: {elapsed:.2f} s (page.goto to rendered, {kernel} kernel)")

            if args.lang == "en":
                page.get_by_role("button", name="English").click()
                page.wait_for_function(
                    "() => document.documentElement.lang === 'en'", timeout=timeout_ms
                )
                wait_for_dashboard(page, timeout=timeout_ms)
                stem += "-en"
            stem += f"-{args.width}"
            shoot(page, out / f"{stem}.png", timeout_ms)
            if args.tabs:
                shoot_tabs(page, out, stem, timeout_ms)

            for url in watch.non_loopback():
                print(f"warning: the page asked another host: {url}", file=sys.stderr)
            for violation in watch.csp_violations:
                print(f"warning: {violation}", file=sys.stderr)
            for error in watch.page_errors:
                print(f"warning: error in the page: {error}", file=sys.stderr)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
