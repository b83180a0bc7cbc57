"""plotly FigureWidgets that share one copy of plotly.js in the page.

A plain FigureWidget carries plotly's 5 MB widget bundle as its own `_esm`, so a page with
ten charts receives 50 MB over the websocket (13–17 s to render here). Here one
`PlotlyBundle` widget holds the bundle's text once, in a synced trait; each
`SharedFigureWidget` has a small `_esm` that finds that widget, imports the bundle once per
page, and delegates to plotly's own model and view. The Python API is FigureWidget's
(`batch_update`, in-place trace updates). anywidget gives a model's `initialize` 2 s, too
little to import 5 MB on a busy machine, so the heavy import runs outside it. Each chart
follows its element's width (`fitToElement`), also when drawn in a hidden tab.
"""

from __future__ import annotations

from copy import deepcopy
from functools import cache
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as W
import plotly
import plotly.graph_objects as go
import traitlets

BUNDLE = Path(plotly.__file__).parent / "package_data" / "widgetbundle.js"

# Imports the bundle's text once per page (shared by the bundle and every figure).
IMPORT_JS = """
function importPlotly(text) {
  if (!globalThis.__woonlibPlotly) {
    globalThis.__woonlibPlotly = (async () => {
      const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
      try {
        const plotly = await import(/* @vite-ignore */ url);
        // The kernel never reads the defaults plotly.js computes: after each update a view
        // would send them back (the traces in full), and the kernel would echo and reset them.
        const view = plotly.FigureView && plotly.FigureView.prototype;
        if (view) {
          view._sendTraceDeltas = () => {};
          view._sendLayoutDelta = () => {};
        }
        return plotly.default;
      } finally { URL.revokeObjectURL(url); }
    })();
  }
  return globalThis.__woonlibPlotly;
}
"""

PROXY_ESM = (
    IMPORT_JS
    + """
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function bundleText(model) {
  for (let i = 0; i < 2000; i++) {  // the reference arrives with the widget's state
    const ref = model.get("_bundle");
    if (typeof ref === "string" && ref.startsWith("IPY_MODEL_")) {
      const carrier = await model.widget_manager.get_model(ref.slice("IPY_MODEL_".length));
      return carrier.get("bundle");
    }
    await sleep(15);
  }
  throw new Error("no plotly bundle widget");
}

function loadPlotly(model) {
  return globalThis.__woonlibPlotly || bundleText(model).then(importPlotly);
}

const PY2JS = [  // the messages a view of plotly's listens to (FigureView.perform_render)
  "addTraces", "deleteTraces", "moveTraces", "restyle", "relayout", "update", "animate",
].map((name) => `_py2js_${name}`);

// A chart drawn while its tab is hidden (display: none) or before its element is in the
// page gets plotly's default 700 px: plotly measures its element only when it draws, and
// its `responsive` config listens to window resizes alone. The chart's own element is
// watched instead: whenever its width changes (a tab shown, the window or a column
// resized) and differs from the drawn width, plotly relayouts to it.
function fitToElement(el) {
  const fit = () => {
    const width = el.clientWidth;
    const drawn = el._fullLayout && el._fullLayout.width;
    if (width > 0 && drawn && Math.abs(width - drawn) > 1 && el._responsiveChartHandler) {
      el._responsiveChartHandler();  // plotly's own: Plots.resize when displayed
    }
  };
  const observer = new ResizeObserver(fit);
  observer.observe(el);
  return () => observer.disconnect();
}

// Printed, a chart scales to the page's width (page.css @media print): its SVG carries a
// viewBox equal to its drawn size, so it scales whole instead of being cut off.
function keepViewBox(el) {
  const set = () => {
    for (const svg of el.querySelectorAll("svg.main-svg")) {
      const w = svg.getAttribute("width"), h = svg.getAttribute("height");
      if (w && h) svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    }
  };
  if (typeof el.on === "function") el.on("plotly_afterplot", set);
  set();
}

export default () => {
  let inner = null;
  let ready = null;
  const init = (ctx) => {
    if (!ready) ready = loadPlotly(ctx.model).then((factory) => {
      inner = factory();
      return inner.initialize(ctx);
    });
    return ready;
  };
  return {
    initialize(ctx) { init(ctx).catch((e) => console.error("[woonlib] plotly:", e)); },
    async render(ctx) {
      await init(ctx);
      let cleanup = inner.render(ctx);
      keepViewBox(ctx.el);
      // A language switch sends a new config (toolbar tooltips, number format), which
      // plotly.js reads only when it draws: the chart is drawn again from its synced state,
      // in the same element, the old view's update listeners off.
      const redraw = () => {
        for (const name of PY2JS) ctx.model.off(`change:${name}`);
        cleanup();
        cleanup = inner.render(ctx);
        keepViewBox(ctx.el);
      };
      ctx.model.on("change:_config", redraw);
      const unfit = fitToElement(ctx.el);
      return () => { ctx.model.off("change:_config", redraw); unfit(); cleanup(); };
    },
  };
};
"""
)


@cache
def bundle_text() -> str:
    return BUNDLE.read_text(encoding="utf-8")


class PlotlyBundle(anywidget.AnyWidget):
    """Holds plotly's widget bundle once for the page; shows nothing. Its page imports the
    bundle as soon as it arrives (not awaited: anywidget allows `initialize` 2 s)."""

    _esm = (
        IMPORT_JS
        + """
export default {
  initialize({ model }) {
    importPlotly(model.get("bundle")).catch((e) => console.error("[woonlib] plotly:", e));
  },
  render() {},
};
"""
    )
    bundle = traitlets.Unicode("").tag(sync=True)

    def __init__(self) -> None:
        super().__init__(bundle=bundle_text())


class SharedFigureWidget(go.FigureWidget):
    """A FigureWidget whose front end is the bundle held by a `PlotlyBundle`."""

    _esm = PROXY_ESM
    _bundle = traitlets.Instance(PlotlyBundle, allow_none=True).tag(
        sync=True, **W.widget_serialization
    )

    def __init__(self, figure: go.Figure, bundle: PlotlyBundle) -> None:
        super().__init__(figure)
        self._bundle = bundle

    def _send_update_msg(
        self,
        restyle_data: dict,
        relayout_data: dict,
        trace_indexes: Any = None,
        source_view_id: str | None = None,
    ) -> None:
        """A batch_update as one message (plotly sends four: the update, its reset to None,
        and two edit counters). Not reset: a page that connects later never replays it, and
        the next update differs by its edit ids."""
        with self.hold_sync():
            self._last_trace_edit_id += 1
            self._last_layout_edit_id += 1
            self._py2js_update = {
                "style_data": restyle_data,
                "layout_data": relayout_data,
                "style_traces": self._normalize_trace_indexes(trace_indexes),
                "trace_edit_id": self._last_trace_edit_id,
                "layout_edit_id": self._last_layout_edit_id,
                "source_view_id": source_view_id,
            }

    def sync_state(self) -> None:
        """Put the figure's current data and layout into the widget's synced state.

        In-place updates travel as restyle messages, which a page that connects later never
        sees (a preheated kernel applies a link's scenario before the page exists); plotly
        does the same when a FigureWidget itself is displayed (_repr_mimebundle_)."""
        self._widget_layout = deepcopy(self._layout_obj._props)
        self._widget_data = deepcopy(self._data)
