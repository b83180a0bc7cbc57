"""The results table: one row per figure, dashboard against floor, targets checked.

Targets (from the issue): slider p95 ≤ 1.5× floor and ≤ 100 ms; first render ≤ 1.2× the
preheated floor and ≤ 1.3× the cold floor; kernel RSS ≤ 1.3× floor; model recompute ≤ 1 ms;
the largest crowd all rendered with its p95 time to full HTML ≤ 1.5× the floor's; soak: no
errors, kernel RSS growth ≤ 20 MB, no slowdown (end p50 ≤ 1.2× start p50, our reading of
"no slowdown").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.render import Loads
from benchmarks.soak import Soak
from benchmarks.stats import median, percentile, ratio
from benchmarks.viewers import BROWSER_PAGES, Crowd

NA = "—"


@dataclass(frozen=True)
class Row:
    """One figure: the dashboard's, the floor's (nan: none), the target and whether met."""

    name: str
    dashboard: float
    floor: float = math.nan
    target: str = ""
    met: bool | None = None  # None: no target
    notes: str = ""
    digits: int = 1

    def cells(self) -> list[str]:
        r = ratio(self.dashboard, self.floor)
        return [
            self.name,
            _num(self.dashboard, self.digits),
            _num(self.floor, self.digits),
            NA if math.isnan(r) else f"{r:.2f}×",
            self.target or NA,
            NA if self.met is None else ("✓" if self.met else "✗"),
            self.notes,
        ]


HEADERS = ("Measurement", "Dashboard", "Floor", "Ratio", "Target", "Met", "Notes")


def _num(x: float, digits: int) -> str:
    return NA if math.isnan(x) else f"{x:.{digits}f}"


def _within(x: float, limit: float) -> bool:
    return not math.isnan(x) and x <= limit


def model_rows(
    recompute: Sequence[float],
    tables: Sequence[float],
    apply: Sequence[float],
    revisit: Sequence[float],
    widgets: int | None = None,
) -> list[Row]:
    rec, app = median(recompute), median(apply)
    rows = [
        Row(
            "Model recompute, one ambition_homes change, median [ms]",
            rec,
            target="≤ 1 ms",
            met=_within(rec, 1.0),
            notes=f"n={len(recompute)}; a new value each time; plain-value core: results, "
            "indicators (with the fan's chance), checks",
            digits=3,
        ),
        Row(
            "The same, plus every tidy table built from it, median [ms]",
            median(tables),
            notes=f"n={len(tables)}; pandas DataFrames for the page's tables and exports",
            digits=2,
        ),
        Row(
            "Dashboard.apply in-process (compute + show), median [ms]",
            app,
            notes=f"n={len(apply)}; a new value each time; widgets without a frontend",
            digits=2,
        ),
        Row(
            "Dashboard.apply, a value seen before, median [ms]",
            median(revisit),
            notes=f"n={len(revisit)}; two values alternating: woonlib's memo hits",
            digits=2,
        ),
    ]
    if widgets is not None:
        rows.append(
            Row(
                "Widget models at first render (the served page)",
                widgets,
                target="≤ 200",
                met=widgets <= 200,
                notes="models alive once the lazy page is built (shared ones too), fresh process",
                digits=0,
            )
        )
    return rows


def slider_rows(name: str, dash: Sequence[float], floor: Sequence[float], notes: str) -> list[Row]:
    """p50 and p95 of key press → last dependent output [ms], against the floor's."""
    d50, d95 = percentile(dash, 50), percentile(dash, 95)
    f50, f95 = percentile(floor, 50), percentile(floor, 95)
    ok = _within(d95, 100.0) and _within(d95, 1.5 * f95)
    return [
        Row(f"Slider {name}, p50 [ms]", d50, f50, digits=0, notes=notes),
        Row(f"Slider {name}, p95 [ms]", d95, f95, "≤ 1.5× floor and ≤ 100 ms", ok, digits=0),
    ]


def render_table(rows: Sequence[Row]) -> str:
    lines = [
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join(["---"] + ["---:"] * 3 + ["---", ":-:", "---"]) + "|",
    ]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def render(title: str, header: Sequence[str], rows: Sequence[Row], footer: Sequence[str]) -> str:
    met = [r.met for r in rows if r.met is not None]
    summary = f"Targets met: {sum(met)} of {len(met)}."
    return "\n".join(
        [f"# {title}", "", *header, "", render_table(rows), "", summary, "", *footer, ""]
    )


def render_notes(d: Loads, f: Loads) -> str:
    return (
        f"n={len(d.all_charts)}/{len(f.all_charts)}; dashboard/floor medians: HTML "
        f"{median(d.html):.2f}/{median(f.html):.2f} s, first chart "
        f"{median(d.first_chart):.2f}/{median(f.first_chart):.2f} s; "
        f"errors {len(d.errors)}/{len(f.errors)}"
    )


def render_rows(preheated: tuple[Loads, Loads], cold: tuple[Loads, Loads]) -> list[Row]:
    """First full render (preheated, cold) and the kernel's memory, against the floor."""
    rows = []
    for kind, (d, f), limit in (("preheated", preheated, 1.2), ("cold", cold, 1.3)):
        dm, fm = median(d.all_charts), median(f.all_charts)
        rows.append(
            Row(
                f"First full render, {kind}, median [s]",
                dm,
                fm,
                f"≤ {limit}× floor",
                _within(dm, limit * fm),
                render_notes(d, f),
                digits=2,
            )
        )
    d, f = preheated
    rss, floor_rss = median(d.kernel_rss), median(f.kernel_rss)
    rows.append(
        Row(
            "Kernel RSS after first render, median [MB]",
            rss,
            floor_rss,
            "≤ 1.3× floor",
            _within(rss, 1.3 * floor_rss),
            f"n={len(d.kernel_rss)}/{len(f.kernel_rss)}; the page's kernel, all kernels idle",
            digits=0,
        )
    )
    return rows


def crowd_rows(d: Crowd, f: Crowd, largest: bool) -> list[Row]:
    """N viewers at once, dashboard against floor; targets on the largest crowd only."""
    n, who = d.viewers, f"{d.viewers} viewers"
    d95, f95 = percentile(d.html, 95), percentile(f.html, 95)
    rows = [
        Row(
            f"{who}: rendered [of {n}]",
            d.rendered,
            f.rendered,
            "all" if largest else "",
            (d.rendered == n) if largest else None,
            _errors_note(d.errors, f.errors),
            digits=0,
        ),
        Row(f"{who}: full HTML p50 [s]", percentile(d.html, 50), percentile(f.html, 50), digits=2),
        Row(
            f"{who}: full HTML p95 [s]",
            d95,
            f95,
            "≤ 1.5× floor" if largest else "",
            _within(d95, 1.5 * f95) if largest else None,
            digits=2,
        ),
    ]
    for q in (50, 95):
        rows.append(
            Row(
                f"{who}: first chart p{q} [s]",
                percentile(d.first_chart, q),
                percentile(f.first_chart, q),
                notes=f"the {BROWSER_PAGES} browser pages",
                digits=2,
            )
        )
    rows += [
        Row(
            f"{who}: peak memory, Voilà + kernels [MB]",
            d.peak_mb,
            f.peak_mb,
            notes=f"before {d.baseline_mb:.0f}/{f.baseline_mb:.0f} MB",
            digits=0,
        ),
        Row(
            f"{who}: kernels after closing and culling",
            d.kernels_after,
            f.kernels_after,
            f"≤ {d.baseline_kernels}",
            d.kernels_after <= d.baseline_kernels and f.kernels_after <= f.baseline_kernels,
            f"back in {d.back_to_baseline_s:.0f}/{f.back_to_baseline_s:.0f} s; memory then "
            f"{d.after_mb:.0f}/{f.after_mb:.0f} MB",
            digits=0,
        ),
    ]
    return rows


def _errors_note(dash: Sequence[str], floor: Sequence[str]) -> str:
    first = next(iter([*dash, *floor]), "")
    return f"errors {len(dash)}/{len(floor)}" + (f", first: {first[:120]}" if first else "")


def soak_rows(s: Soak) -> list[Row]:
    growth, w = s.rss_after - s.rss_before, s.window
    return [
        Row(
            f"Soak: errors + timeouts in {s.moves} moves",
            len(s.errors) + s.timeouts,
            target="0",
            met=not s.errors and s.timeouts == 0,
            notes="; ".join(s.errors[:2])[:200],
            digits=0,
        ),
        Row(
            "Soak: kernel RSS growth [MB]",
            growth,
            target="≤ 20 MB",
            met=_within(growth, 20.0),
            notes=f"{s.rss_before:.0f} → {s.rss_after:.0f} MB",
        ),
        Row(f"Soak: latency p50, first {w} moves [ms]", s.start_p50, digits=0),
        Row(
            f"Soak: latency p50, last {w} moves [ms]",
            s.end_p50,
            target="≤ 1.2× first",
            met=_within(s.end_p50, 1.2 * s.start_p50),
            digits=0,
        ),
    ]
