"""``python -m benchmarks.profile [--moves N] [--out FILE]``: where the time goes.

Kernel side (no browser): cProfile and per-panel times of `Dashboard.apply` for one
ambition_homes change, the widget messages it sends, and a fresh process's import and build
time. Browser side (real Voilà, Chromium): the legs of a slider move (press → websocket send
→ first and last frame back → last output updated) with frame counts and sizes, Chrome's script
and layout time, and the milestones of a first render. Dashboard against the floor throughout.
Writes benchmarks/profile.md.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import floor, machine, model, prof_browser, prof_kernel, slider
from benchmarks.harness import REPO_ROOT, launch_chromium
from benchmarks.render import Notebook
from benchmarks.run import DASHBOARD, servers

DEFAULT_OUT = REPO_ROOT / "benchmarks" / "profile.md"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    def cell(x: Any) -> str:
        return f"{x:.2f}" if isinstance(x, float) else str(x)

    return [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
        *("| " + " | ".join(cell(x) for x in row) + " |" for row in rows),
    ]


def kernel_section(n: int) -> list[str]:
    ap = prof_kernel.apply_profile(n)
    steps = prof_kernel.model_profile(n)
    dash_build = prof_kernel.build_times(prof_kernel.DASHBOARD_STEPS)
    floor_build = prof_kernel.build_times(prof_kernel.FLOOR_STEPS)
    lines = [
        "## Kernel side: one ambition_homes change",
        "",
        f"Panels: {', '.join(ap['panels'])}. Recomputed and re-shown for ambition_homes: "
        f"{', '.join(ap['affected'])}.",
        "",
        *table(
            ("panel", "compute [ms]", "show [ms]", "output changes?"),
            [
                (k, v["compute_ms"], v["show_ms"], "yes" if v["output_changes"] else "**no**")
                for k, v in ap["per_panel"].items()
            ],
        ),
        "",
        f"Widget messages per apply: {ap['messages_per_apply']:.1f}, "
        f"{ap['bytes_per_apply'] / 1000:.1f} kB in all:",
        "",
        *table(
            ("widget, message", "per apply", "bytes per apply"),
            sorted(((k, c, b) for k, (c, b) in ap["by_kind"].items()), key=lambda r: -r[2]),
        ),
        "",
        "Model functions, median [ms]:",
        "",
        *table(("function", "ms"), sorted(steps.items(), key=lambda kv: -kv[1])),
        "",
        "A fresh process (what a cold kernel does before the page can render), median of 3 [s]:",
        "",
        *table(
            ("notebook", "imports", "build"),
            [("dashboard", *dash_build), ("floor", *floor_build)],
        ),
        "",
        "The served dashboard's first render holds {} widget models (each a model the page "
        "builds from its state; only the tab in view is built), and a language switch "
        "nl→en→nl leaves {} behind.".format(*prof_kernel.widget_models()),
        "",
        "Heaviest imports under `import woonlib.ui` (python -X importtime, cumulative):",
        "",
        *table(("module", "ms"), prof_kernel.heaviest_imports()),
        "",
        "<details><summary>cProfile of Dashboard.apply (cumulative, top 25)</summary>",
        "",
        "```",
        ap["cprofile"].strip(),
        "```",
        "</details>",
        "",
    ]
    return lines


def browser_section(moves: int, floor_nb: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    dash_nb = Notebook(DASHBOARD, ".wl-chart", model.chart_count())
    flo_nb = Notebook(str(floor_nb), floor.CHART, floor.CHARTS)
    loads: dict[str, dict[str, Any]] = {}
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            with servers(floor_nb) as (fs, ds):
                mv_dash = prof_browser.move_profile(
                    browser, ds, dash_nb, slider.PROGRAMME, moves, 150
                )
                mv_floor = prof_browser.move_profile(
                    browser, fs, flo_nb, slider.FLOOR_CASE, moves, 150
                )
                loads["dashboard, preheated"] = prof_browser.load_profile(
                    browser, ds, dash_nb, True
                )
                loads["floor, preheated"] = prof_browser.load_profile(browser, fs, flo_nb, True)
            with servers(floor_nb, ["--VoilaConfiguration.preheat_kernel=False"]) as (fs, ds):
                loads["dashboard, cold"] = prof_browser.load_profile(browser, ds, dash_nb, False)
                loads["floor, cold"] = prof_browser.load_profile(browser, fs, flo_nb, False)
        finally:
            browser.close()
    keys = [k for k in mv_dash if k != "moves"]
    lines = [
        f"## Browser side: a slider move ({mv_dash['moves']} / {mv_floor['moves']} moves)",
        "",
        "Dashboard: ambition_homes in Huishoudens & programma (outputs: programme and "
        "build-path charts, programme table). Legs on the page's clock; frames are the "
        "kernel websocket's.",
        "",
        *table(
            ("per move (median)", "dashboard", "floor"),
            [(k, mv_dash[k], mv_floor[k]) for k in keys],
        ),
        "",
        "## Browser side: first render",
        "",
        *table(
            ("", *loads), [(k, *(v[k] for v in loads.values())) for k in next(iter(loads.values()))]
        ),
        "",
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    p.add_argument("--moves", type=int, default=50, help="slider moves per notebook")
    p.add_argument("--applies", type=int, default=100, help="in-process applies profiled")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = p.parse_args(argv)
    lines = ["# Where the time goes: dashboard against floor", "", *machine.describe(), ""]
    lines += kernel_section(args.applies)
    with tempfile.TemporaryDirectory() as tmp:
        lines += browser_section(args.moves, floor.write_notebook(Path(tmp)))
    text = "\n".join(lines)
    print(text)
    args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
