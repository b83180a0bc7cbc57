"""The benchmarks still run: ``python -m benchmarks --quick`` end to end (real Voilà servers,
real Chromium, tiny counts), and its table has every row, with numbers where numbers belong.

The figures of a quick run mean nothing; this only keeps benchmarks/ from rotting.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.voila import REPO_ROOT, chromium_available

SECTIONS = (
    "Huishoudens & programma: ambition_homes",
    "Segmenten: share_social_rent",
    "Ouderen: elderly_zero_step_to_2030",
    "Uitstroom & urgentie: outflow_urgent",
    "Voortgang: fan_build_rate_spread",
)
VIEWERS = 2  # the quick crowd
BEHIND = "2 viewers, HAProxy + 2 workers / one Voilà"  # the quick crowd through HAProxy
# Rows whose Floor column holds a number too.
WITH_FLOOR = (
    *(f"Slider {s}, p{q} [ms]" for s in SECTIONS for q in (50, 95)),
    "First full render, preheated, median [s]",
    "First full render, cold, median [s]",
    "Kernel RSS after first render, median [MB]",
    f"{VIEWERS} viewers: rendered [of {VIEWERS}]",
    f"{VIEWERS} viewers: full HTML p50 [s]",
    f"{VIEWERS} viewers: full HTML p95 [s]",
    f"{VIEWERS} viewers: first chart p50 [s]",
    f"{VIEWERS} viewers: first chart p95 [s]",
    f"{VIEWERS} viewers: peak memory, Voilà + kernels [MB]",
    f"{VIEWERS} viewers: kernels after closing and culling",
    f"{BEHIND}: failures [of 2]",
    f"{BEHIND}: full HTML p95 [s]",
    f"{BEHIND}: first view p95 [s]",
    "Slider through HAProxy / straight to the worker, p95 [ms]",
    f"{BEHIND}: kernel RSS at its peak, median [MB]",
    f"{BEHIND}: largest Voilà process RSS [MB]",
    f"{BEHIND}: CPU per viewer, kernels + servers [s]",
)
DASHBOARD_ONLY = (
    "Model recompute, one ambition_homes change, median [ms]",
    "The same, plus every tidy table built from it, median [ms]",
    "Widget models at first render (the served page)",
    "Dashboard.apply in-process (compute + show), median [ms]",
    "Dashboard.apply, a value seen before, median [ms]",
    "Soak: errors + timeouts in 20 moves",
    "Soak: kernel RSS growth [MB]",
    "Soak: latency p50, first 10 moves [ms]",
    "Soak: latency p50, last 10 moves [ms]",
)
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def table_rows(markdown: str) -> dict[str, list[str]]:
    """Measurement → its other cells, from the markdown table."""
    rows = {}
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("| Measurement"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            rows[cells[0]] = cells[1:]
    return rows


def test_quick_run_writes_the_full_table(tmp_path: Path) -> None:
    with sync_playwright() as pw:
        assert chromium_available(pw), "no Chromium: run `bash scripts/test.sh`"
    out = tmp_path / "results.md"
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert text.strip() in run.stdout  # printed as well as written
    assert re.search(r"Machine: \d+ cores, .+ GB RAM", text)
    assert re.search(r"voila \S+, ipywidgets \S+, plotly \S+", text)
    rows = table_rows(text)
    assert set(rows) == {*WITH_FLOOR, *DASHBOARD_ONLY}, sorted(rows)
    for name, (dashboard, floor, _ratio, target, met, _notes) in rows.items():
        assert NUMBER.fullmatch(dashboard), (name, dashboard)
        if name in WITH_FLOOR:
            assert NUMBER.fullmatch(floor), (name, floor)
        assert met in (("✓", "✗") if target != "—" else ("—",)), (name, target, met)
    assert re.search(r"Targets met: \d+ of \d+\.", text)
