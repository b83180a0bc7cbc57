"""JavaScript run inside the page: timestamps taken by the browser itself, so Playwright's own
round trips never count.

Every function here is passed to Playwright as a function (never a bare expression): under
voila.json's Content-Security-Policy (no 'unsafe-eval') the page refuses eval'd strings.
"""

from __future__ import annotations

# An init script (runs before the page's own scripts): records, on the page's clock
# (performance.now(), 0 = navigation start), when the first plotly chart and when all
# `expected` charts are drawn. "Drawn" = the graph div has `data` and a `.main-svg`: plotly
# has rendered it, also inside a tab that is not shown (there plotly draws at its default
# size; showing the tab later only resizes). With `ready` (a page whose first view has no
# chart), both times are when that element is shown.
RENDER_WATCH_JS = """
(() => {
  const expected = %(expected)d;
  const selector = %(selector)s;
  const ready = %(ready)s;
  const w = window;
  w.__wlRender = {firstChart: null, allCharts: null, charts: 0};
  const drawn = () => Array.from(document.querySelectorAll(selector))
    .filter((gd) => gd.data && gd.querySelector('.main-svg')).length;
  const timer = setInterval(() => {
    const n = drawn();
    const now = performance.now();
    const shown = !ready || !!document.querySelector(ready);
    w.__wlRender.charts = n;
    if ((n > 0 || (expected === 0 && shown)) && w.__wlRender.firstChart === null) {
      w.__wlRender.firstChart = now;
    }
    if (n >= expected && shown) { w.__wlRender.allCharts = now; clearInterval(timer); }
  }, 10);
})();
"""
# The served dashboard (woonlib's charts are `.wl-chart`) builds only the tab in view at first
# render: Overzicht, headline cards and no chart; every other tab is built, and its charts
# drawn, when first opened. Its first render is done when those cards are shown.
FIRST_VIEW = {".wl-chart": ".wl-card"}  # chart selector -> what the first view shows


def render_watch_script(selector: str, expected: int) -> str:
    """The init script for a page with `expected` charts matching `selector` (for the lazy
    dashboard: its first view, see FIRST_VIEW; `expected` is then ignored)."""
    ready = FIRST_VIEW.get(selector)
    return RENDER_WATCH_JS % {
        "expected": 0 if ready else expected,
        "selector": repr(selector),
        "ready": repr(ready) if ready else "null",
    }


WAIT_RENDERED_JS = "() => window.__wlRender && window.__wlRender.allCharts !== null"

RENDER_TIMES_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    responseStart: nav.responseStart, responseEnd: nav.responseEnd,
    domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
    firstChart: window.__wlRender.firstChart, allCharts: window.__wlRender.allCharts,
  };
}"""

# Slider latency. `targets` are CSS selectors of charts, {caption: text} for a table (an
# HTML widget whose <caption> is that text; the widget keeps its content node and swaps the
# table inside it), or {within: selector} for the HTML widget holding that element. A keydown
# listener (capture phase) stamps t0; a MutationObserver stamps, per target, its latest DOM
# change. Installing again (another section of the same page) only
# replaces the targets.
LATENCY_INSTALL_JS = """(targets) => {
  const hosts = targets.map((t) => {
    if (typeof t === 'string') return document.querySelector(t);
    if (t.within) {
      const el = document.querySelector(t.within);
      return el ? el.closest('.widget-html-content') : null;
    }
    const cap = Array.from(document.querySelectorAll('caption'))
      .find((c) => c.textContent === t.caption);
    return cap ? (cap.closest('.widget-html-content') || cap.closest('table')) : null;
  });
  const missing = targets.filter((t, i) => !hosts[i]);
  if (missing.length) return JSON.stringify(missing);
  const first = !window.__wlLat;
  const L = {hosts, t0: null, last: hosts.map(() => -1), any: performance.now()};
  window.__wlLat = L;
  if (!first) return '';
  document.addEventListener('keydown', () => { window.__wlLat.t0 = performance.now(); }, true);
  new MutationObserver((records) => {
    const M = window.__wlLat;
    const now = performance.now();
    M.any = now;
    for (const r of records) {
      M.hosts.forEach((h, i) => { if (h.contains(r.target)) M.last[i] = now; });
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  return '';
}"""

LATENCY_ARM_JS = """() => {
  const L = window.__wlLat;
  L.t0 = null;
  L.last = L.hosts.map(() => -1);
}"""

# Resolves once every target changed after the key press and the whole page has been quiet
# for `quietMs` (so the next press never overlaps this update); or after `timeoutMs`.
LATENCY_WAIT_JS = """async ([quietMs, timeoutMs]) => {
  const L = window.__wlLat;
  const start = performance.now();
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  for (;;) {
    const now = performance.now();
    const done = L.t0 !== null && L.last.every((t) => t > L.t0);
    if (done && now - L.any >= quietMs) break;
    if (now - start > timeoutMs) return {t0: L.t0, last: L.last, timeout: true};
    await sleep(5);
  }
  return {t0: L.t0, last: L.last, timeout: false};
}"""
