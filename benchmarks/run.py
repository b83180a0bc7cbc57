"""Run the benchmarks and write the table: ``python -m benchmarks [--quick] [--out FILE]``.

Dashboard and floor are served side by side by two Voilà servers with the repository's
voila.json and measured alternately, so both see the same background load: first a preheated
pair (first render, memory, slider, soak), then a pair without preheated kernels and with fast
culling (cold first render, then the crowds). One headless Chromium drives every page. Every
server and the browser are stopped on exit, also on errors.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import (
    floor,
    machine,
    model,
    prof_kernel,
    render,
    report,
    slider,
    soak,
    viewers,
    workers,
)
from benchmarks.harness import REPO_ROOT, launch_chromium, start_voila
from benchmarks.pages import SERVER_ARGS
from benchmarks.report import Row
from benchmarks.stats import median

STARTED = time.monotonic()
DEFAULT_OUT = REPO_ROOT / "benchmarks" / "results.md"
DASHBOARD = "notebooks/dashboard.ipynb"
MEASUREMENTS = ("model", "slider", "render", "viewers", "soak", "workers")  # render: memory too


@dataclass(frozen=True)
class Plan:
    """How many samples each measurement takes."""

    model: int  # recomputes and applies
    slider: int  # moves per section
    page_per_section: bool  # a fresh page per section (else one page for all sections)
    loads: int  # extra page loads per first-render figure (slider pages are samples too)
    viewers: tuple[int, ...]  # crowd sizes
    cull_s: int  # idle seconds before a crowd's kernels are culled
    soak: int  # moves in one page
    quiet_ms: int  # page quiet time between moves
    behind_haproxy: int  # viewers at once through HAProxy with two workers (and direct)
    proxy_moves: int  # slider moves through HAProxy (and as many straight to the worker)


FULL = Plan(500, 50, True, 5, (10, 20), 30, 1000, 150, 40, 50)
QUICK = Plan(20, 5, False, 0, (2,), 5, 20, 100, 2, 5)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="tiny counts: a smoke run")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="markdown file to write")
    p.add_argument(
        "--only",
        nargs="+",
        choices=MEASUREMENTS,
        default=list(MEASUREMENTS),
        metavar="M",
        help=f"run only these: {', '.join(MEASUREMENTS)}",
    )
    return p.parse_args(argv)


@contextmanager
def servers(floor_nb: Path, args: Sequence[str] = ()) -> Iterator[tuple[Any, Any]]:
    """(floor server, dashboard server), started together and stopped on exit."""
    args = [*SERVER_ARGS, *args]
    with ExitStack() as stack:
        fs, ds = (
            stack.enter_context(start_voila(nb, extra_args=args, startup_timeout=120))
            for nb in (floor_nb, DASHBOARD)
        )
        yield fs, ds


def slider_section(browser: Any, fs: Any, ds: Any, sides: Sides, plan: Plan) -> list[Row]:
    """Slider latency per section, and the soak (continued in the Programme section's page).
    The pages' loads are first-render samples too."""
    cases, n, q = slider.DASHBOARD_CASES, plan.slider, plan.quiet_ms
    floor_nb, dash_nb = sides.floor, sides.dashboard
    sides.soak = soak.Soak(plan.soak)

    def run_soak(page: Any, watch: Any) -> None:
        soak.run(page, watch, ds, sides.soak, q)

    def floor_run() -> slider.Moves:
        return slider.measure(browser, fs, floor_nb, [slider.FLOOR_CASE], n, q, sides.f_hot)[0]

    if plan.page_per_section:  # a floor run next to each section's, against drift
        pairs = []
        for case in cases:
            then = run_soak if case is slider.PROGRAMME else None
            f = floor_run()
            pairs.append(
                (f, slider.measure(browser, ds, dash_nb, [case], n, q, sides.d_hot, then)[0])
            )
    else:
        f = floor_run()
        dash = slider.measure(browser, ds, dash_nb, cases, n, q, sides.d_hot, run_soak)
        pairs = [(f, d) for d in dash]
    rows = []
    for case, (f, d) in zip(cases, pairs, strict=True):
        notes = (
            f"n={len(d.latencies)}/{len(f.latencies)}, timeouts {d.timeouts}/{f.timeouts}, "
            f"errors {len(d.errors)}/{len(f.errors)}; median per output: "
            + ", ".join(f"{k} {median(v):.0f}" for k, v in d.per_target.items())
        )
        rows += report.slider_rows(case.name, d.latencies, f.latencies, notes)
    return rows


@dataclass
class Sides:
    """The two notebooks, and the first-render samples of each on each kind of server."""

    floor: render.Notebook
    dashboard: render.Notebook
    f_hot: render.Loads = field(default_factory=render.Loads)
    d_hot: render.Loads = field(default_factory=render.Loads)
    f_cold: render.Loads = field(default_factory=render.Loads)
    d_cold: render.Loads = field(default_factory=render.Loads)
    soak: soak.Soak | None = None


def render_loads(browser: Any, fs: Any, ds: Any, sides: Sides, n: int, preheated: bool) -> None:
    """`n` first visits of each, alternating, against drift."""
    f, d = (sides.f_hot, sides.d_hot) if preheated else (sides.f_cold, sides.d_cold)
    for _ in range(n):
        render.measure_into(browser, fs, sides.floor, preheated, f)
        render.measure_into(browser, ds, sides.dashboard, preheated, d)


def crowd_section(browser: Any, fs: Any, ds: Any, sides: Sides, plan: Plan) -> list[Row]:
    rows = []
    for n in plan.viewers:
        f = viewers.measure(browser, fs, n, sides.floor, plan.cull_s)
        d = viewers.measure(browser, ds, n, sides.dashboard, plan.cull_s)
        rows += report.crowd_rows(d, f, n == max(plan.viewers))
    return rows


def progress(message: str) -> None:
    """A progress line on stderr, with the seconds since the run started."""
    print(
        f"[benchmarks {time.monotonic() - STARTED:6.0f} s] {message}", file=sys.stderr, flush=True
    )


def browser_sections(browser: Any, floor_nb: Path, plan: Plan, only: set[str]) -> list[Row]:
    sides = Sides(
        render.Notebook(str(floor_nb), floor.CHART, floor.CHARTS),
        # the lazy page's first view is Overzicht's cards (inpage.FIRST_VIEW), no chart
        render.Notebook(DASHBOARD, ".wl-chart", 0),
    )
    sections: dict[str, list[Row]] = {}
    if only & {"render", "slider"}:
        preheated_sections(browser, floor_nb, plan, only, sides, sections)
    if only & {"render", "viewers"}:
        cold_sections(browser, floor_nb, plan, only, sides, sections)
    if "workers" in only:
        sections["workers"] = workers.section(
            browser,
            sides.dashboard,
            plan.behind_haproxy,
            plan.proxy_moves,
            plan.cull_s,
            plan.quiet_ms,
        )
        progress("workers behind HAProxy: done")
    order = ("slider", "render", "viewers", "soak", "workers")
    return [row for key in order for row in sections.get(key, [])]


def preheated_sections(
    browser: Any,
    floor_nb: Path,
    plan: Plan,
    only: set[str],
    sides: Sides,
    sections: dict[str, list[Row]],
) -> None:
    """First render on preheated servers, the sliders and the soak."""
    with servers(floor_nb) as (fs, ds):
        progress("preheated servers up")
        if "render" in only:
            extra = plan.loads if "slider" in only else max(1, plan.loads)
            render_loads(browser, fs, ds, sides, extra, preheated=True)
            progress("first render, preheated: done")
        if "slider" in only:
            sections["slider"] = slider_section(browser, fs, ds, sides, plan)
            if sides.soak is not None:
                sections["soak"] = report.soak_rows(sides.soak)
            progress("slider and soak: done")


def cold_sections(
    browser: Any,
    floor_nb: Path,
    plan: Plan,
    only: set[str],
    sides: Sides,
    sections: dict[str, list[Row]],
) -> None:
    """First render on cold servers, then the crowds."""
    cold_args = ["--VoilaConfiguration.preheat_kernel=False", *viewers.cull_args(plan.cull_s)]
    with servers(floor_nb, cold_args) as (fs, ds):
        progress("cold servers up")
        if "render" in only:
            render_loads(browser, fs, ds, sides, max(1, plan.loads), preheated=False)
            sections["render"] = report.render_rows(
                (sides.d_hot, sides.f_hot), (sides.d_cold, sides.f_cold)
            )
            progress("first render, cold: done")
        if "viewers" in only:
            sections["viewers"] = crowd_section(browser, fs, ds, sides, plan)
            progress("viewers: done")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    plan, only = (QUICK if args.quick else FULL), set(args.only)
    started = time.monotonic()
    rows = []
    if "model" in only:
        rows += report.model_rows(
            model.recompute_samples(plan.model),
            model.tables_samples(plan.model),
            model.apply_samples(plan.model),
            model.apply_revisit_samples(plan.model),
            prof_kernel.widget_count(),
        )
    chromium = "n/a"
    if only - {"model"}:
        from playwright.sync_api import sync_playwright

        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            browser = launch_chromium(pw)
            try:
                chromium = browser.version
                rows += browser_sections(browser, floor.write_notebook(Path(tmp)), plan, only)
            finally:
                browser.close()
    header = [
        *machine.describe(chromium),
        f"- Mode: {'quick' if args.quick else 'full'}, {plan}; took "
        f"{time.monotonic() - started:.0f} s. Ratio = dashboard / floor.",
    ]
    text = report.render("woonlib dashboard benchmarks", header, rows, FOOTER)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


FOOTER = (
    "Floor: the notebook of tests/test_voila_smoke.py (one IntSlider → one plotly "
    "FigureWidget) importing the same libraries. Slider: keydown → the last dependent chart "
    "or table changed in the DOM (MutationObserver), timed in the page. First full render: "
    "navigation start → the first view drawn (the floor: its chart, gd.data and .main-svg; "
    "the dashboard: Overzicht's cards, the other tabs are built when opened). "
    "Crowds: N−2 plain GETs + 2 browser pages at once. See benchmarks/README.md.",
)
