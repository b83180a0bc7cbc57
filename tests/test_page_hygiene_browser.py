"""Nothing leaves the page and no code shows on it (issue 18, items 6–8), in real Chromium.

Every chart of every tab: hovered, its toolbar's tooltips read (Dutch on the Dutch page,
English on the English one) and every button clicked, the download included; any request
to a host other than the Voilà server, or any new page or popup, fails the test. Every tab
in both languages: no backticks, snake_case identifiers, column names of the data package,
"null", "undefined" or "NaN" in the text or in a title, aria-label or tooltip. And the share
link after a link with a refused parameter holds only what applied.

One server and one page serve the module; the tests run in file order (Dutch, then English).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from harness.page import VIEWPORT, Served, open_tab, section_text, served_dashboard
from harness.voila import wait_for_dashboard
from woonlib.report.charts import MODEBAR_BUTTONS, MODEBAR_NL

TABS = {
    "nl": (
        "Overzicht",
        "Huishoudens & programma",
        "Segmenten",
        "Ouderen",
        "Uitstroom & urgentie",
        "Doelen",
        "Voortgang",
        "Vergelijken",
        "Bronnen",
    ),
    "en": (
        "Overview",
        "Households & programme",
        "Segments",
        "Elderly",
        "Outflow & urgency",
        "Targets",
        "Progress",
        "Compare",
        "Sources",
    ),
}
# The toolbar's tooltips, in the order of MODEBAR_BUTTONS (plotly.js's English strings).
TOOLTIPS_EN = [
    "Download plot as a PNG",
    "Zoom",
    "Pan",
    "Zoom in",
    "Zoom out",
    "Autoscale",
    "Reset axes",
]
TOOLTIPS = {"en": TOOLTIPS_EN, "nl": [MODEBAR_NL[t] for t in TOOLTIPS_EN]}

# What a reader sees: every text node of the page (not style or script) and the attributes
# that show or speak (tooltips, accessible names, plotly's data-title, placeholders).
PAGE_TEXTS_JS = """() => {
  const root = document.getElementById('rendered_cells');
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (node.parentElement && node.parentElement.closest('style, script')) continue;
    if (node.nodeValue.trim()) out.push(['text', node.nodeValue]);
  }
  const attrs = ['title', 'aria-label', 'data-title', 'placeholder', 'alt', 'aria-valuetext'];
  for (const el of root.querySelectorAll(attrs.map((a) => '[' + a + ']').join(','))) {
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v !== null) out.push([a, v]);
    }
  }
  return out;
}"""
CODE = re.compile(
    r"`"  # markdown code
    r"|\b[a-z]+_[a-z0-9_]+\b"  # snake_case identifiers (assumption, column or label keys)
    r"|\b(?:kolom|column) '[a-z_]+'"  # a column of the data package, by its name
    r"|\bnull\b|\bundefined\b|\bNaN\b"  # a value JavaScript or Python failed to fill in
)


@pytest.fixture(scope="module")
def dashboard() -> Iterator[Served]:
    with served_dashboard() as served:
        yield served


@pytest.fixture(scope="module")
def away(dashboard: Served) -> list[str]:
    """Every request, websocket or page opened that is not the Voilà server's own address
    (data: and blob: URLs, such as a PNG download, go to no host)."""
    page, _, server = dashboard
    own = urlsplit(server.url).netloc
    found: list[str] = []

    def seen(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("data", "blob", "about") and parts.netloc != own:
            found.append(url)

    page.on("request", lambda request: seen(request.url))
    page.on("websocket", lambda ws: seen(ws.url))
    page.on("popup", lambda popup: found.append(f"popup {popup.url}"))
    page.context.on("page", lambda other: found.append(f"new page {other.url}"))
    return found


def code_words(page: Page) -> list[tuple[str, str, str]]:
    """(where, word, context) of every code word in the page's texts."""
    hits = []
    for kind, text in page.evaluate(PAGE_TEXTS_JS):
        for m in CODE.finditer(text):
            context = text[max(0, m.start() - 50) : m.end() + 30].replace("\n", " ")
            hits.append((kind, m.group(0), context))
    return hits


def visible_charts(page: Page) -> list[str]:
    """The `.wl-chart-<key>` class of every chart in the tab in view."""
    return list(
        page.evaluate(
            """() => Array.from(document.querySelectorAll('.wl-chart'))
              .filter((gd) => gd.offsetParent !== null)
              .map((gd) => Array.from(gd.classList).find((c) => c.startsWith('wl-chart-')))"""
        )
    )


def toolbar(page: Page, key: str) -> list[str]:
    """Hover chart `key` until its toolbar shows; its buttons' tooltips, in order."""
    chart = page.locator(f".{key}")
    chart.scroll_into_view_if_needed()
    chart.hover()
    bar = chart.locator(".modebar")
    bar.wait_for(state="attached", timeout=10_000)
    page.wait_for_function(
        "(key) => { const b = document.querySelector('.' + key + ' .modebar-container');"
        " return !!b && getComputedStyle(b.querySelector('.modebar')).opacity !== '0'; }",
        arg=key,
        timeout=10_000,
    )
    return [b.get_attribute("data-title") or "" for b in bar.locator(".modebar-btn").all()]


def switch_language(page: Page, to: str) -> None:
    name = {"en": "English", "nl": "Nederlands"}[to]
    page.get_by_role("button", name=name).click()
    page.wait_for_function(
        "(title) => Array.from(document.querySelectorAll('.lm-TabBar-tab'))"
        ".some((t) => t.textContent.trim() === title)",
        arg=TABS[to][0],
    )
    wait_for_dashboard(page, timeout=60_000)


def test_every_toolbar_button_stays_on_the_page(dashboard: Served, away: list[str]) -> None:
    """Dutch page: every chart's toolbar has the Dutch tooltips of MODEBAR_BUTTONS and no
    other button; clicking each (the PNG download too) asks no other host, opens no page."""
    page, watch, _ = dashboard
    assert [len(g) for g in MODEBAR_BUTTONS] == [1, 6] and len(TOOLTIPS_EN) == 7
    charts, wrong = 0, []
    for title in TABS["nl"]:
        open_tab(page, title)
        for key in visible_charts(page):
            charts += 1
            titles = toolbar(page, key)
            if titles != TOOLTIPS["nl"]:
                wrong.append((title, key, titles))
            buttons = page.locator(f".{key} .modebar-btn")
            for i in range(buttons.count()):
                toolbar(page, key)  # a click may move the pointer off the chart
                button = buttons.nth(i)
                if button.get_attribute("data-title") == TOOLTIPS["nl"][0]:  # PNG download
                    with page.expect_download(timeout=30_000) as download:
                        button.click()
                    assert download.value.suggested_filename == "woonvisie-grafiek.png"
                    continue
                button.click()
                # Say yes to whatever a button asks (plotly's "Share chart..." dialog).
                confirm = page.locator(f".{key} .plotly-cloud-dialog-btn--confirm")
                if confirm.count():
                    confirm.first.click()
                    page.wait_for_timeout(1_000)
                assert away == [], f"{title}: {key}: button {i + 1} left the page"
            page.wait_for_timeout(300)  # a request a click starts
    assert charts >= 14
    assert away == [] and watch.non_loopback() == []
    assert wrong == []
    assert watch.page_errors == [] and watch.console_errors == []


def test_no_code_on_the_dutch_page(dashboard: Served) -> None:
    page = dashboard.page
    hits = {}
    for title in TABS["nl"]:
        open_tab(page, title)
        for hit in code_words(page):
            hits.setdefault(hit, title)
    assert [(title, *hit) for hit, title in hits.items()] == []


def test_english_page_toolbar_and_no_code(dashboard: Served, away: list[str]) -> None:
    page, watch, _ = dashboard
    switch_language(page, "en")
    hits = {}
    charts = 0
    for title in TABS["en"]:
        open_tab(page, title)
        for key in visible_charts(page):
            charts += 1
            assert toolbar(page, key) == TOOLTIPS["en"], f"{title}: {key}"
        for hit in code_words(page):
            hits.setdefault(hit, title)
    assert charts >= 14
    assert [(title, *hit) for hit, title in hits.items()] == []
    assert away == []
    switch_language(page, "nl")
    assert watch.page_errors == [] and watch.console_errors == []


def test_link_with_a_refused_parameter_shares_only_what_applied(dashboard: Served) -> None:
    """`?ambition_homes=abc&build_rate=1200`: the page says ambition_homes was left out; the
    share link and the address bar then hold build_rate=1200 only, and 1.200 a year for 9
    years (10.800) is a surplus of 1.500 over the 9.300, shown as such."""
    server = dashboard.server
    browser = dashboard.page.context.browser
    assert browser is not None
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.goto(server.url + "?ambition_homes=abc&build_rate=1200")
        wait_for_dashboard(page, timeout=90_000, selector=".wl-card")
        page.wait_for_function(
            "() => location.search === '?build_rate=1200'"
            " && document.querySelector('.wl-share-url').value.endsWith('?build_rate=1200')",
            timeout=30_000,
        )
        assert "ambition_homes" not in page.locator(".wl-share-url").input_value()
        open_tab(page, "Huishoudens & programma")
        text = section_text(page)
        assert "Overschot op ambitie\t1.500" in text or "Overschot op ambitie 1.500" in text
        assert "Achterstand op ambitie" not in text
        page.goto(server.url + "?ambition_homes=abc")
        wait_for_dashboard(page, timeout=90_000, selector=".wl-card")
        page.wait_for_function(
            "() => location.search === ''"
            " && !document.querySelector('.wl-share-url').value.includes('?')",
            timeout=30_000,
        )
    finally:
        page.close()
