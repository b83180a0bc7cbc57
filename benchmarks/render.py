"""Measurements 3 and 4: first full render of a page, and the memory of its kernel.

Every measured page is a first visit (fresh browser context, empty cache), opened once the
server is quiet (a preheated server: its pool refilled and the refill's notebook run), and
every one is a render sample — also the pages the slider measurement then uses. Times are on
the page's clock (0 = navigation start): `html` when the whole HTML has arrived (Voilà streams
it while the notebook runs, unless a preheated kernel has run it already), `first_chart` and
`all_charts` when the first and every chart is drawn (see inpage.RENDER_WATCH_JS: a chart in a
hidden tab counts once plotly has drawn it there). The served dashboard builds only the tab
in view (Overzicht, no chart) at first render: for it both times are when Overzicht's cards
are shown (inpage.FIRST_VIEW), and `Notebook.charts` is not waited for. The kernel's RSS is
read once the page is drawn and every kernel serving a page is idle.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from benchmarks.harness import kernel_pid, rss_mb, wait_for_dashboard
from benchmarks.inpage import RENDER_TIMES_JS, WAIT_RENDERED_JS, render_watch_script
from benchmarks.pages import PAGE_TIMEOUT_MS, open_page, page_errors, page_kernel_id, quiet


@dataclass(frozen=True)
class Notebook:
    """A served notebook as the benchmarks see it: its charts, and how many there are."""

    path: str
    chart: str  # CSS selector matching each chart (plotly graph div)
    charts: int


@dataclass
class Loads:
    """Page loads of one notebook on one server."""

    html: list[float] = field(default_factory=list)  # [s] navigation start → HTML received
    first_chart: list[float] = field(default_factory=list)  # [s]
    all_charts: list[float] = field(default_factory=list)  # [s] the first full render
    kernel_rss: list[float] = field(default_factory=list)  # [MB] the page's kernel
    errors: list[str] = field(default_factory=list)


@contextmanager
def visit(
    browser: Any, server: Any, nb: Notebook, preheated: bool, loads: Loads, *init_scripts: str
) -> Iterator[tuple[Any, Any]]:
    """A timed first visit on a quiet server, recorded into `loads`; yields (page, watch)
    once the page is fully rendered and its kernel idle. The page closes on exit."""
    quiet(server, preheated)
    watch_js = render_watch_script(nb.chart, nb.charts)
    context, page, watch = open_page(browser, server.url, watch_js, *init_scripts)
    try:
        page.wait_for_function(WAIT_RENDERED_JS, timeout=PAGE_TIMEOUT_MS, polling=100)
        t = page.evaluate(RENDER_TIMES_JS)
        loads.html.append(t["responseEnd"] / 1000)
        loads.first_chart.append(t["firstChart"] / 1000)
        loads.all_charts.append(t["allCharts"] / 1000)
        wait_for_dashboard(page, timeout=PAGE_TIMEOUT_MS)
        quiet(server, preheated)
        kernel = page_kernel_id(page, server)
        pid = kernel_pid(server, kernel) if kernel else None
        if pid is not None:
            loads.kernel_rss.append(rss_mb(pid))
        yield page, watch
        loads.errors.extend(page_errors(watch))
    finally:
        context.close()


def measure_into(browser: Any, server: Any, nb: Notebook, preheated: bool, loads: Loads) -> None:
    """One first visit, nothing else done in the page."""
    with visit(browser, server, nb, preheated, loads):
        pass
