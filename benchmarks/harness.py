"""The repository's Voilà/Chromium harness (harness.voila, shared with the browser tests), plus
process memory.

The benchmarks start Voilà and Chromium exactly as the browser tests do (voila.json, the
offline template, loopback only, kernels ended on stop) without a second copy of that code.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from harness import voila as vh

REPO_ROOT = Path(__file__).resolve().parents[1]
VoilaServer = vh.VoilaServer
PageWatch = vh.PageWatch
launch_chromium = vh.launch_chromium
chromium_available = vh.chromium_available
start_voila = vh.start_voila
wait_for_dashboard = vh.wait_for_dashboard
wait_for_tab = vh.wait_for_tab


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` from /proc/<pid>/status (VmRSS) [MB]; 0 if gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else 0.0


def kernel_pid(server: object, kernel_id: str) -> int | None:
    """The pid of `server`'s kernel `kernel_id` (its command line names kernel-<id>.json)."""
    for pid in server.kernel_pids():  # type: ignore[attr-defined]
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if kernel_id in cmdline:
            return pid
    return None


def server_rss_mb(server: object) -> float:
    """Voilà's own RSS plus every live kernel's [MB]; for several workers behind HAProxy
    (an object with `own_pids()`), every worker's and HAProxy's own."""
    if hasattr(server, "own_pids"):
        own = sum(rss_mb(pid) for pid in server.own_pids())
    else:
        proc = server.proc  # type: ignore[attr-defined]
        own = rss_mb(proc.pid) if proc is not None else 0.0
    return own + sum(rss_mb(pid) for pid in server.kernel_pids())  # type: ignore[attr-defined]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time process `pid` has used so far [s]; 0 if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
