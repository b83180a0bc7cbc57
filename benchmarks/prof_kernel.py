"""Profile, kernel side: where `Dashboard.apply({'ambition_homes': v})` spends its time, what
it sends to the page, and what a fresh kernel spends on imports and building the dashboard.

No browser: widgets run without a frontend, and every message a widget would send over the
websocket is recorded by wrapping `ipywidgets.Widget._send` (woonlib is not changed).
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import subprocess
import sys
import time
from collections import Counter
from typing import Any

from benchmarks.harness import REPO_ROOT
from benchmarks.model import dashboard, fresh_value, model_steps, step_medians
from benchmarks.stats import median

BUILD_SNIPPET = """
import time
t0 = time.perf_counter()
{imports}
t1 = time.perf_counter()
{build}
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""
DASHBOARD_STEPS = ("from woonlib.ui import build_dashboard", "build_dashboard()")
FLOOR_STEPS = (
    "import ipywidgets, pandas, plotly.graph_objects as go, woonlib",
    "go.FigureWidget(go.Scatter(x=[0, 1], y=[0, 1])); ipywidgets.IntSlider()",
)


class Recorder:
    """Counts and sizes of the widget messages sent while active."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, int]] = []  # (widget class, method, bytes)

    def __enter__(self) -> Recorder:
        import ipywidgets as W

        self._original = W.Widget._send
        recorder = self

        def _send(widget: Any, msg: Any, buffers: Any = None) -> Any:
            size = len(json.dumps(msg, default=str)) + sum(len(b) for b in buffers or ())
            recorder.messages.append((type(widget).__name__, _method(msg), size))
            return recorder._original(widget, msg, buffers)

        W.Widget._send = _send
        return self

    def __exit__(self, *exc: object) -> None:
        import ipywidgets as W

        W.Widget._send = self._original


def _method(msg: dict[str, Any]) -> str:
    """'update:<keys>' for a state update, plotly's custom message name, or the method."""
    if msg.get("method") == "update":
        return "update:" + ",".join(sorted(msg.get("state", {})))
    if msg.get("method") == "custom":
        content = msg.get("content", {})
        return "custom:" + (content.get("method") or content.get("type") or "?")
    return str(msg.get("method"))


def apply_profile(n: int) -> dict[str, Any]:
    """cProfile of `n` applies, each of a new value (memo misses); per panel compute/show
    medians; messages per apply."""
    board = dashboard()
    board.apply({"ambition_homes": fresh_value(0)})
    affected = [p for p in board.panels if p.affected_by({"ambition_homes"})]
    prof = cProfile.Profile()
    with Recorder() as rec:
        prof.enable()
        for i in range(n):
            board.apply({"ambition_homes": fresh_value(i)})
        prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
    per_panel = _panel_times(board, affected, n)
    kinds = Counter((cls, method) for cls, method, _ in rec.messages)
    sizes = Counter()
    for cls, method, size in rec.messages:
        sizes[(cls, method)] += size
    return {
        "panels": [type(p).__name__ for p in board.panels],
        "affected": [type(p).__name__ for p in affected],
        "per_panel": per_panel,
        "messages_per_apply": len(rec.messages) / n,
        "bytes_per_apply": sum(s for *_, s in rec.messages) / n,
        "by_kind": {f"{c} {m}": (kinds[(c, m)] / n, sizes[(c, m)] / n) for c, m in kinds},
        "cprofile": out.getvalue(),
    }


def _panel_times(board: Any, affected: list[Any], n: int) -> dict[str, dict[str, Any]]:
    """Median compute and show time of each affected panel alone, each sample a new scenario
    [ms] (within a real apply a later panel may find an earlier one's results in woonlib's
    memo), and whether its result differs between two values at all (if not, recomputing and
    re-showing it was unnecessary)."""
    from woonlib.model.assumptions import DEFAULTS

    result: dict[str, dict[str, Any]] = {}
    states = [DEFAULTS.replace(ambition_homes=v) for v in (9350, 9300)]
    for panel in affected:
        compute, show = [], []
        for i in range(n):
            a = DEFAULTS.replace(ambition_homes=fresh_value(i))
            t0 = time.perf_counter()
            r = panel.compute(a)
            t1 = time.perf_counter()
            panel.show(r)
            show.append((time.perf_counter() - t1) * 1000)
            compute.append((t1 - t0) * 1000)
        changes = _differs(panel.compute(states[0]), panel.compute(states[1]))
        result[type(panel).__name__] = {
            "compute_ms": median(compute),
            "show_ms": median(show),
            "output_changes": changes,
        }
    board.apply({"ambition_homes": DEFAULTS.ambition_homes})
    return result


def _differs(a: Any, b: Any) -> bool:
    """Whether two compute results differ (DataFrames, dicts, tuples, strings, numbers)."""
    import pandas as pd

    if isinstance(a, pd.DataFrame):
        return not a.equals(b)
    if isinstance(a, dict):
        return any(_differs(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list):
        return any(_differs(x, y) for x, y in zip(a, b, strict=True))
    return bool(a != b)


def model_profile(n: int) -> dict[str, float]:
    """Median of each model function [ms] (see benchmarks.model)."""
    return step_medians(n)


def build_times(steps: tuple[str, str], repeats: int = 3) -> tuple[float, float]:
    """Median (import, build) seconds in a fresh Python process, as a fresh kernel has."""
    runs = []
    for _ in range(repeats):
        code = BUILD_SNIPPET.format(imports=steps[0], build=steps[1])
        out = subprocess.run(
            [sys.executable, "-P", "-c", code],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout.split()
        runs.append((float(out[-2]), float(out[-1])))
    return median([r[0] for r in runs]), median([r[1] for r in runs])


def heaviest_imports(module: str = "woonlib.ui", top: int = 15) -> list[tuple[str, float]]:
    """The top-level packages (no dot in the name) that `import module` loads, by cumulative
    import time under `python -X importtime` [ms]; a package inside another (numpy in pandas)
    is listed too, so the times overlap."""
    run = subprocess.run(
        [sys.executable, "-P", "-X", "importtime", "-c", f"import {module}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = run.stderr.splitlines()
    # Interpreter start-up comes first; woonlib's own imports start after the package itself.
    start = next((i for i, line in enumerate(lines) if line.rstrip().endswith("| woonlib")), 0)
    rows = []
    for line in lines[start + 1 :]:
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit() and "." not in parts[2].strip():
            rows.append((parts[2].strip(), int(parts[1]) / 1000))
    return sorted(rows, key=lambda r: -r[1])[:top]


WIDGETS_SNIPPET = """
from ipywidgets.widgets.widget import _instances
from woonlib.data import load_data
from woonlib.ui.dashboard import Dashboard
board = Dashboard(load_data(), lazy=True)
first = len(_instances)
board.state.lang = "en"
board.state.lang = "nl"
print(first, len(_instances) - first)
"""


def widget_models() -> tuple[int, int]:
    """(models at first render, models left behind by a language switch nl→en→nl).

    In a fresh Python process, as in the page's kernel: every widget model alive once the
    served dashboard (lazy: only the tab in view built) is made, shared Layout and Style
    models included — each one a model the page builds from its state."""
    out = subprocess.run(
        [sys.executable, "-P", "-c", WIDGETS_SNIPPET],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout.split()
    return int(out[-2]), int(out[-1])


def widget_count() -> int:
    """How many widget models the served dashboard's first render holds (see widget_models)."""
    return widget_models()[0]


__all__ = [
    "apply_profile",
    "build_times",
    "heaviest_imports",
    "model_steps",
    "widget_count",
    "widget_models",
]
