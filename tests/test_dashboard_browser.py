"""The dashboard as partners see it: the real Voilà server with voila.json, in real Chromium.

One server and one page serve the whole module (a page load runs the notebook, ~3 s); the
tests run in file order and each leaves the page back at the Woonvisie (global reset).
Screenshots of every section are kept in test-artifacts/screenshots/ ($WOONLIB_ARTIFACTS).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.page import (
    RESET_ALL,
    TAB,
    VIEWPORT,
    Served,
    artifacts_dir,
    open_tab,
    section_text,
    served_dashboard,
    share_values,
    traces,
    wait_for_y,
    y_of,
)
from harness.voila import screenshot_full

# Each section: its tab title, its charts, and numbers of the Woonvisie it must show in
# Dutch format (thousands with a dot, decimals with a comma).
SECTIONS = {
    "Overzicht": (
        (),
        ("9.300", "3.525", "8.305", "12.090", "72,7%", "67,9%", "1.266", "4.650", "280"),
    ),
    "Huishoudens & programma": (
        ("households", "programme", "build-path"),
        ("9.300", "3.525", "12.090", "8.315"),
    ),
    "Segmenten": (("segments", "market"), ("2.790", "3.720", "67,8%", "1.266")),
    "Ouderen": (("elderly", "age-classes", "suitability"), ("4.650", "19.000", "26.000")),
    "Uitstroom & urgentie": (("outflow", "care"), ("280", "2.520")),
    "Doelen": ((), ("9.300", "regel 679", "te volgen", "12 maanden", "aanname = doel", "9.000")),
    "Voortgang": (("realised", "fan"), ("nog geen monitorgegevens", "36%", "1.034", "1.121")),
    "Vergelijken": (("compare", "compare-segments"), ("9.300", "12.090", "70,0%")),
    "Bronnen": (
        (),
        ("Tabel 1", "Tabel 2", "Figuur 5", "regels 3091–3099", "0 tot 5.000 woningen", "procent"),
    ),
}


@pytest.fixture(scope="module")
def dashboard() -> Iterator[Served]:
    with served_dashboard() as served:
        yield served


@pytest.fixture(scope="module")
def artifacts() -> Path:
    return artifacts_dir("screenshots")


def test_every_section_renders_its_charts_and_numbers(dashboard: Served, artifacts: Path) -> None:
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


def test_overview_lights_name_their_norm_and_line(dashboard: Served) -> None:
    """72,7% affordable new build is met, with the net 67,9% beside it; a comparison with
    no norm in the Woonvisie is shown neutrally, never as "niet gehaald"."""
    page, watch, _ = dashboard
    open_tab(page, "Overzicht")
    afford = page.locator('.wl-check[data-check="check_affordable_programme"]')
    assert "wl-check-ok" in (afford.get_attribute("class") or "")
    text = afford.inner_text()
    assert "in orde" in text and "72,7%" in text and "67,9%" in text
    assert "regels 1245–1247, 1504–1506, 1574–1576" in text
    care = page.locator('.wl-check[data-check="check_care_outflow"]')
    assert "wl-check-info" in (care.get_attribute("class") or "")
    assert "ter informatie" in care.inner_text() and "niet gehaald" not in care.inner_text()
    for row in page.locator(".wl-check-ok, .wl-check-fail").all():
        assert "Norm: Woonvisie, regels" in row.inner_text() or "Eigen norm" in row.inner_text()
    assert watch.page_errors == []


def test_targets_show_no_light_on_an_assumption(dashboard: Served) -> None:
    """Doelen at the defaults: the 9.300 the scenario takes as its ambition is "aanname =
    doel" without a light; the build path below it (9.000 by 2032) carries the light."""
    page, watch, _ = dashboard
    open_tab(page, "Doelen")
    rows = page.locator(".wl-targets tr")
    ambition = rows.filter(has_text="Tot 2032 voegen we 9.300 woningen")
    assert ambition.count() == 1 and "aanname = doel" in ambition.inner_text()
    assumptions = rows.filter(has_text="aanname = doel")
    assert assumptions.count() == 7
    assert assumptions.locator("[class*='wl-status-']").count() == 0
    path = rows.filter(has_text="bouwpad 2024–2032").first
    assert path.locator(".wl-status-fail").count() == 1 and "9.000 woningen" in path.inner_text()
    summary = page.locator(".wl-targets-summary").inner_text()
    assert "31 doelen" in summary and "7 aanname = doel" in summary
    assert watch.page_errors == []


def test_key_press_updates_chart_table_and_readout(dashboard: Served) -> None:
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
    page.get_by_role("button", name=RESET_ALL).click()
    wait_for_y(page, "programme", 0, 1, 9300)
    assert "9.300 woningen" in page.locator(".wl-control-ambition_homes").inner_text()
    assert watch.page_errors == [] and watch.console_errors == []


def test_exact_entry_off_the_slider_step_keeps_its_value(dashboard: Served) -> None:
    """9.333 is off the slider's 50-step: the browser would snap a slider set to it and send
    9.350 back; the control keeps 9.333 and puts the slider on 9.350."""
    page = dashboard.page
    open_tab(page, "Huishoudens & programma")
    entry = page.locator(".wl-control-ambition_homes input[type=number]")
    entry.fill("9333")
    entry.press("Enter")
    wait_for_y(page, "programme", 0, 1, 9333)
    handle = page.locator(".wl-control-ambition_homes .noUi-handle")
    page.wait_for_function(
        "() => document.querySelector('.wl-control-ambition_homes .noUi-handle')"
        ".getAttribute('aria-valuenow') === '9350.0'"
    )
    page.wait_for_timeout(500)  # time for a snapped value to come back, if it did
    assert y_of(page, "programme")[1] == 9333
    assert entry.input_value() == "9333"
    assert "9.333 woningen" in page.locator(".wl-control-ambition_homes").inner_text()
    assert handle.get_attribute("aria-valuenow") == "9350.0"
    page.get_by_role("button", name=RESET_ALL).click()
    wait_for_y(page, "programme", 0, 1, 9300)


def test_linked_shares_add_to_100_after_drag_and_keys(dashboard: Served) -> None:
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
    # Settled: the shares add to 100 in the page and the chart shows the handle's final
    # social share (a drag sends intermediate values; the last one must win).
    page.wait_for_function(
        """() => {
          const v = ['social_rent', 'mid_priced', 'expensive'].map(k => Number(document
            .querySelector('.wl-share-' + k + ' .noUi-handle').getAttribute('aria-valuenow')));
          const y = document.querySelector('.wl-chart-segments').data[0].y[0];
          return v[0] > 30 && v[0] + v[1] + v[2] === 100 && Math.abs(y - v[0] * 93) < 1;
        }""",
        timeout=15_000,
    )
    assert y_of(page, "segments")[0] != social_y0
    shares = share_values(page)
    assert sum(shares.values()) == 100
    # Lock the expensive share; keys on social rent then move only mid-priced.
    page.locator(".wl-share-expensive .wl-lock").click()
    locked = shares["expensive"]
    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    target = shares["social_rent"] + 3
    page.wait_for_function(  # the kernel has rebalanced mid-priced and redrawn the chart
        """([v]) => {
          const s = ['social_rent', 'mid_priced', 'expensive'].map(k => Number(document
            .querySelector('.wl-share-' + k + ' .noUi-handle').getAttribute('aria-valuenow')));
          const y = document.querySelector('.wl-chart-segments').data[0].y[0];
          return s[0] === v && s[0] + s[1] + s[2] === 100 && Math.abs(y - v * 93) < 1;
        }""",
        arg=[target],
        timeout=15_000,
    )
    after = share_values(page)
    assert after["expensive"] == locked
    assert sum(after.values()) == 100
    assert "Samen: 100,0%" in section_text(page)
    page.locator(".wl-share-expensive .wl-lock").click()  # unlock
    page.get_by_role("button", name=RESET_ALL).click()
    page.wait_for_function(
        """() => ['social_rent', 'mid_priced', 'expensive'].map(k => document
            .querySelector('.wl-share-' + k + ' .noUi-handle').getAttribute('aria-valuenow'))
            .map(Number).join('/') === '30/40/30'""",
        timeout=15_000,
    )
    wait_for_y(page, "segments", 0, 0, 2790)
    assert watch.page_errors == [] and watch.console_errors == []


def test_page_survives_200_quick_slider_moves(dashboard: Served) -> None:
    page, watch, _ = dashboard
    open_tab(page, "Huishoudens & programma")
    page.locator(".wl-control-ambition_homes .noUi-handle").focus()
    for _ in range(200):  # as fast as the keyboard goes: no waiting between presses
        page.keyboard.press("ArrowRight", delay=0)
    wait_for_y(page, "programme", 0, 1, 9300 + 200 * 50)  # every move arrives, in order
    assert y_of(page, "programme")[4] == round(19300 * 1.3)
    assert "19.300 woningen" in page.locator(".wl-control-ambition_homes").inner_text()
    page.get_by_role("button", name=RESET_ALL).click()
    wait_for_y(page, "programme", 0, 1, 9300)
    assert watch.page_errors == [] and watch.console_errors == []


def test_page_asked_no_other_host(dashboard: Served) -> None:
    _, watch, server = dashboard
    assert watch.non_loopback() == []
    assert watch.csp_violations == []
    assert "Traceback" not in server.log
