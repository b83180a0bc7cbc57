"""Helpers shared by unit tests: the example monitor file, the command line, the memo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plotly.offline import get_plotlyjs

FIXTURES = Path(__file__).parent / "fixtures"
MONITOR_EXAMPLE = FIXTURES / "monitor-voorbeeld-fictief.csv"  # fictional (FICTIEF VOORBEELD)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m woonlib ARGS` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "woonlib", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def memo_page(memo: str) -> str:
    """The memo without plotly.js, which it must inline exactly once."""
    plotlyjs = get_plotlyjs()
    assert memo.count(plotlyjs) == 1
    return memo.replace(plotlyjs, "")
