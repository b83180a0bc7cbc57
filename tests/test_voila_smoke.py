"""Smoke test of the serving stack: the repository's voila.json, Voilà, and a real browser.

A throwaway notebook (one IntSlider driving one plotly FigureWidget) is served with the
repository's configuration and opened in Chromium; a key press on the slider must reach the
kernel and come back as new trace data in the page.
"""

from __future__ import annotations

from pathlib import Path

from playwright import sync_api

from harness.voila import (
    PageWatch,
    chromium_available,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
    write_notebook,
)

SOURCE_MARKER = "source_marker_3f9c2e"  # a name in the notebook's source, never in its output

NOTEBOOK_SOURCE = f"""\
import ipywidgets as widgets
import plotly.graph_objects as go

{SOURCE_MARKER} = "only in the source"
slider = widgets.IntSlider(value=1, min=1, max=10, description="k")
fig = go.FigureWidget(go.Scatter(x=list(range(5)), y=[i * slider.value for i in range(5)]))


def on_change(change):
    with fig.batch_update():
        fig.data[0].y = [i * change["new"] for i in range(5)]


slider.observe(on_change, names="value")
widgets.VBox([slider, fig])
"""

TRACE_Y = "Array.from(document.querySelector('.js-plotly-plot').data[0].y)"


def test_slider_updates_figure_in_browser(tmp_path: Path) -> None:
    notebook = write_notebook(tmp_path / "smoke.ipynb", NOTEBOOK_SOURCE)
    with sync_api.sync_playwright() as pw:
        assert chromium_available(pw), (
            "no Chromium: run `bash scripts/test.sh` (installs one), or set CHROMIUM_PATH"
        )
        with start_voila(notebook) as server:
            server.wait_for_preheated_pool()
            browser = launch_chromium(pw)
            try:
                page = browser.new_page(viewport={"width": 1200, "height": 800})
                watch = PageWatch(page)

                response = page.goto(server.url)
                assert response is not None and response.ok
                wait_for_dashboard(page, timeout=90_000, selector=".js-plotly-plot")
                assert page.evaluate(TRACE_Y) == [0, 1, 2, 3, 4]

                page.locator(".widget-slider .noUi-handle").focus()
                page.keyboard.press("ArrowRight")
                # A function, not an expression: Playwright eval()s expressions in the page,
                # which the CSP of voila.json (no 'unsafe-eval') refuses.
                page.wait_for_function(
                    f"() => JSON.stringify({TRACE_Y}) === '[0,2,4,6,8]'", timeout=15_000
                )
                assert page.evaluate(TRACE_Y) == [0, 2, 4, 6, 8]
                assert page.locator(".widget-slider .widget-readout").inner_text() == "2"

                html = response.text() + page.content()
                assert SOURCE_MARKER not in html, "notebook source reached the page"
                assert watch.non_loopback() == [], "the page asked another host"
                assert any(url.startswith("ws://127.0.0.1") for url in watch.urls), watch.urls
                assert watch.csp_violations == []
                assert watch.page_errors == []
                assert "default-src 'self'" in response.headers["content-security-policy"]
            finally:
                browser.close()
            # voila.json preheats kernels: the page was served by one.
            assert "Using pre-heated kernel" in server.log, server.log
