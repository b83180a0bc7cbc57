"""The Voortgang tab in the real page: the fictional example monitor uploaded through the
browser, the fan, a "what does it take?" answer applied, and the sensitivity chart.

The example monitor (tests/fixtures/monitor-voorbeeld-fictief.csv) is fictional: every row
says so, and none of its figures is Enschede's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from harness.page import (
    VIEWPORT,
    Served,
    artifacts_dir,
    open_tab,
    section_text,
    served_dashboard,
    traces,
)
from harness.voila import screenshot_full

EXAMPLE = Path(__file__).parent / "fixtures" / "monitor-voorbeeld-fictief.csv"


@pytest.fixture(scope="module")
def dashboard() -> Iterator[Served]:
    with served_dashboard() as served:
        yield served


def test_example_monitor_end_to_end(dashboard: Served) -> None:
    page, watch, _ = dashboard
    open_tab(page, "Voortgang")
    text = section_text(page)
    assert "Er zijn nog geen monitorgegevens" in text
    assert "Kans op de ambitie in 2032: 36%" in text
    fan = traces(page, "fan")
    assert len(fan) == 5 and len(fan[2]["y"]) == 9  # P50 for 2024–2032

    with page.expect_file_chooser() as chooser:  # the upload button opens the file dialog
        page.locator(".wl-monitor-upload").click()
    chooser.value.set_files(str(EXAMPLE))
    page.wait_for_function(  # the last texts the kernel sends for the new monitor
        "() => ['monitor-voorbeeld-fictief.csv', 'bereikt in 2034', 'in 2032: 10%']"
        ".every(t => document.body.innerText.includes(t))",
        timeout=30_000,
    )
    text = section_text(page)
    assert "2.600" in text and "1.117" in text and "bereikt in 2034" in text
    assert "Kans op de ambitie in 2032: 10%" in text
    realised = traces(page, "realised")
    assert realised[1]["y"][:3] == [700, 1600, 2600]
    screenshot_full(page, artifacts_dir("screenshots") / "progress-monitor.png", VIEWPORT)

    open_tab(page, "Doelen")
    assert "13 maanden (gemeten, 2026)" in section_text(page)
    assert watch.page_errors == [] and watch.console_errors == []


def _goal(page: Page, index: int) -> str:
    return page.locator(".wl-goal").nth(index).inner_text()


def test_an_answer_applied_moves_the_scenario_and_the_fan(dashboard: Served) -> None:
    """With the example monitor loaded (the test above): one needed rate, and the answer
    applied reaches the ambition in the answers, the fan and its chance alike."""
    page, watch, _ = dashboard
    open_tab(page, "Voortgang")
    # (9.300 − 2.600) / 6 years left = 1.116,7: rounded up, in the block and the answer
    text = section_text(page)
    assert re.search(r"Benodigd bouwtempo vanaf nu\s+1\.117", text)
    assert "Bouwtempo voor de ambitie in 2032, vanaf 2027: 1.117 per jaar (nu 1.000)" in _goal(
        page, 0
    )
    assert "bereikt in 2033" in _goal(page, 1)  # 2.600 + 7 × 1.000 ≥ 9.300 first in 2033
    before = traces(page, "fan")[2]["y"]
    page.locator(".wl-goal-apply-0").click()  # build rate for the ambition by 2032
    page.wait_for_function(
        "() => document.querySelector('.wl-share-url').value.includes('build_rate=1117')",
        timeout=30_000,
    )
    page.wait_for_function(
        "() => document.querySelector('.wl-goal-apply-0').style.visibility === 'hidden'"
        " || document.querySelector('.wl-goal-apply-0').disabled",
        timeout=30_000,
    )
    page.wait_for_function("() => document.body.innerText.includes('in 2032: 50%')", timeout=30_000)
    assert traces(page, "fan")[2]["y"] != before
    # the answers: met, and reached in the target year
    assert "1.117 per jaar (nu 1.117)" in _goal(page, 0) and "Al gehaald" in _goal(page, 0)
    assert "bereikt in 2032" in _goal(page, 1) and "Al gehaald" in _goal(page, 1)
    # the fan: its build path from the realised years reaches 2.600 + 6 × 1.117 = 9.302,
    # about even odds (0,4985), and the monitor block still asks 1.117
    path = traces(page, "fan")[3]["y"]
    assert path[:3] == [700, 1600, 2600] and path[-1] == 9302
    text = section_text(page)
    assert "Kans op de ambitie in 2032: 50%" in text
    assert re.search(r"Benodigd bouwtempo vanaf nu\s+1\.117", text)
    assert watch.page_errors == []


def test_sensitivity_chart_on_request(dashboard: Served) -> None:
    page, watch, _ = dashboard
    open_tab(page, "Voortgang")
    page.locator(".wl-sens-run").click()
    page.wait_for_function(
        "() => document.body.innerText.includes('Laagste uitkomst')", timeout=30_000
    )
    bars = traces(page, "tornado")
    assert len(bars) == 2 and len(bars[0]["y"]) >= 3
    assert "Bouwtempo" in bars[0]["y"]
    text = section_text(page)
    # it starts from the fan's chance (the answer applied above: 50%)
    assert "Kans op de ambitie in 2032: 50%" in text and "Uitgangspunt: 50%" in text
    # each range says where it comes from
    assert "Bron, regels 583 en 589" in text and "Bron, regels 562 en 624" in text
    assert re.search(r"Extra plannen voor planuitval.*Aanname, geen bron", text)
    assert "Bereik uit de bron" not in text
    screenshot_full(page, artifacts_dir("screenshots") / "progress-sensitivity.png", VIEWPORT)
    assert watch.page_errors == [] and watch.console_errors == []
