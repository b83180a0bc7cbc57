"""Accessibility of the served dashboard: axe-core in every section, and the keyboard.

axe-core comes from the npm registry, pinned and verified (scripts/fetch_axe.py; the test
command fetches it). Every violation axe reports is written to
test-artifacts/accessibility/axe-<section>.json; serious and critical ones fail the test.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from harness.page import (
    RESET_ALL,
    TAB,
    Served,
    artifacts_dir,
    open_tab,
    served_dashboard,
    wait_for_y,
)
from harness.voila import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))
from fetch_axe import fetch

SECTIONS = (
    "Overzicht",
    "Huishoudens & programma",
    "Segmenten",
    "Ouderen",
    "Uitstroom & urgentie",
    "Vergelijken",
    "Bronnen",
)
AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200)})),
  }));
}"""
# Interactive elements of the visible tab panel (and the page header), with the name
# assistive technology gets for them (a simplified accessible-name computation:
# aria-label, then <label for>, then text, then title).
CONTROLS_JS = """() => {
  const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const name = el => (el.getAttribute('aria-label')
    || (el.labels && el.labels[0] && el.labels[0].textContent)
    || el.textContent || el.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
  const sel = '.noUi-handle, button, input, select';
  return Array.from(document.querySelectorAll(sel)).filter(visible).map(el => ({
    key: el.dataset.a11yKey || (el.dataset.a11yKey = Math.random().toString(36).slice(2)),
    tag: el.tagName.toLowerCase(), role: el.getAttribute('role') || '',
    name: name(el), disabled: !!el.disabled,
  }));
}"""
FOCUSED_JS = """() => {
  const el = document.activeElement;
  return el ? (el.dataset.a11yKey || '') : '';
}"""


def slug(title: str) -> str:
    return re.sub(r"[^a-z]+", "-", title.lower()).strip("-")


@pytest.fixture(scope="module")
def dashboard() -> Iterator[Served]:
    with served_dashboard() as served:
        served.page.add_script_tag(path=str(fetch()))  # inline script: allowed by the CSP
        yield served


def test_axe_finds_no_serious_or_critical_violation(dashboard: Served) -> None:
    page = dashboard.page
    out = artifacts_dir("accessibility")
    serious: list[str] = []
    for title in SECTIONS:
        open_tab(page, title)
        violations: list[dict[str, Any]] = page.evaluate(AXE_RUN)
        (out / f"axe-{slug(title)}.json").write_text(
            json.dumps(violations, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        serious += [
            f"{title}: {v['id']} ({v['impact']}) {v['help']} — {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    assert len(list(out.glob("axe-*.json"))) >= len(SECTIONS)
    assert serious == [], "\n".join(serious)


def test_page_language_is_dutch(dashboard: Served) -> None:
    assert dashboard.page.evaluate("() => document.documentElement.lang") == "nl"


@pytest.mark.parametrize("title", SECTIONS[1:6])
def test_keyboard_reaches_every_named_control(dashboard: Served, title: str) -> None:
    """Tab from the top of the page reaches every slider, box and button of the section,
    and each has a name."""
    page = dashboard.page
    open_tab(page, title)
    controls = {c["key"]: c for c in page.evaluate(CONTROLS_JS) if not c["disabled"]}
    unnamed = [c for c in controls.values() if not c["name"]]
    assert unnamed == [], f"{title}: controls without an accessible name: {unnamed}"
    page.locator(TAB, has_text=title).focus()
    reached: set[str] = set()
    for _ in range(3 * len(controls) + 20):
        page.keyboard.press("Tab")
        reached.add(page.evaluate(FOCUSED_JS))
        if set(controls) <= reached:
            break
    missed = [
        f"{c['tag']} {c['role']} {c['name']!r}" for k, c in controls.items() if k not in reached
    ]
    assert missed == [], f"{title}: not reachable with Tab: {missed}"
    assert len(controls) >= 8, controls  # the section's controls were all found


def test_slider_handles_announce_label_and_dutch_value(dashboard: Served) -> None:
    page = dashboard.page
    open_tab(page, "Huishoudens & programma")
    handle = page.get_by_role("slider", name="Ambitie (woningen)")
    assert handle.get_attribute("aria-valuetext") == "9.300 woningen"
    entry = page.get_by_role("spinbutton", name="Exacte waarde: Ambitie")
    assert entry.input_value() == "9300"


def test_keyboard_operates_slider_reset_lock_and_reset_all(dashboard: Served) -> None:
    page = dashboard.page
    open_tab(page, "Huishoudens & programma")
    handle = page.get_by_role("slider", name="Ambitie (woningen)")
    handle.focus()
    page.keyboard.press("ArrowLeft")
    wait_for_y(page, "programme", 0, 1, 9250)
    page.wait_for_function(
        """() => document.querySelector('.wl-control-ambition_homes .noUi-handle')
              .getAttribute('aria-valuetext') === '9.250 woningen'"""
    )
    page.get_by_role("button", name="Terug naar Woonvisie: Ambitie").focus()
    page.keyboard.press("Enter")
    wait_for_y(page, "programme", 0, 1, 9300)

    open_tab(page, "Segmenten")
    lock = page.get_by_role("button", name="Vast: Aandeel duur")
    lock.focus()
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => document.querySelector('.wl-share-expensive .noUi-target').hasAttribute('disabled')"
    )
    page.keyboard.press("Space")  # unlock
    page.wait_for_function(
        "() => document.querySelector('.wl-share-expensive .noUi-target')"
        ".hasAttribute('disabled') === false"
    )
    social = page.get_by_role("slider", name="Aandeel sociale huur (%)")
    social.focus()
    page.keyboard.press("ArrowRight")
    wait_for_y(page, "segments", 0, 0, 2883)  # 31% of 9.300
    page.get_by_role("button", name=RESET_ALL).focus()
    page.keyboard.press("Enter")
    wait_for_y(page, "segments", 0, 0, 2790)
    assert dashboard.watch.page_errors == [] and dashboard.watch.console_errors == []
