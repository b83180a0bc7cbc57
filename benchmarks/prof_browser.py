"""Profile, browser side: where a slider move's time goes between the key press and the last
updated output, and what the first render receives and runs.

An init script wraps the page's WebSocket (the kernel's channels) to stamp, on the page's
clock, every frame sent and received with its size. Chrome's own counters (CDP
``Performance.getMetrics``: script, layout, style and task time) say how much of it is
browser work.
"""

from __future__ import annotations

from typing import Any

from benchmarks import slider
from benchmarks.inpage import (
    LATENCY_ARM_JS,
    LATENCY_WAIT_JS,
    RENDER_TIMES_JS,
    WAIT_RENDERED_JS,
    render_watch_script,
)
from benchmarks.pages import PAGE_TIMEOUT_MS, VIEWPORT, quiet
from benchmarks.render import Loads, Notebook, visit
from benchmarks.stats import median

WS_RECORDER_JS = """
(() => {
  const w = window;
  w.__wlWs = {sent: [], recv: []};
  const size = (d) => typeof d === 'string' ? d.length : (d.byteLength || d.size || 0);
  const Native = w.WebSocket;
  class Recording extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        w.__wlWs.recv.push([performance.now(), size(e.data)]);
      });
    }
    send(data) {
      w.__wlWs.sent.push([performance.now(), size(data)]);
      return super.send(data);
    }
  }
  w.WebSocket = Recording;
})();
"""
TAKE_WS_JS = """() => {
  const r = window.__wlWs;
  window.__wlWs = {sent: [], recv: []};
  return r;
}"""
METRICS = ("ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration")


def _metrics(cdp: Any) -> dict[str, float]:
    got = cdp.send("Performance.getMetrics")["metrics"]
    return {m["name"]: m["value"] for m in got if m["name"] in METRICS}


def load_profile(browser: Any, server: Any, nb: Notebook, preheated: bool) -> dict[str, Any]:
    """One first visit: page-clock milestones [s], websocket traffic until every chart was
    drawn, and Chrome's script/layout/task time until then [s]."""
    quiet(server, preheated)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")  # counts from here: the whole load
        page.add_init_script(render_watch_script(nb.chart, nb.charts))
        page.add_init_script(WS_RECORDER_JS)
        page.goto(server.url, timeout=PAGE_TIMEOUT_MS, wait_until="commit")
        page.wait_for_function(WAIT_RENDERED_JS, timeout=PAGE_TIMEOUT_MS, polling=100)
        metrics = _metrics(cdp)
        t = page.evaluate(RENDER_TIMES_JS)
        ws = page.evaluate(TAKE_WS_JS)
    finally:
        context.close()
    done = t["allCharts"]
    recv = [(ts, n) for ts, n in ws["recv"] if ts <= done]
    return {
        "html_s": t["responseEnd"] / 1000,
        "dom_content_loaded_s": t["domContentLoaded"] / 1000,
        "load_s": t["load"] / 1000,
        "first_ws_frame_s": (recv[0][0] / 1000) if recv else float("nan"),
        "first_chart_s": t["firstChart"] / 1000,
        "all_charts_s": done / 1000,
        "frames_received": len(recv),
        "mb_received": sum(n for _, n in recv) / 1e6,
        "frames_sent": len([ts for ts, _ in ws["sent"] if ts <= done]),
        **{f"{k}_s": v for k, v in metrics.items()},
    }


def move_profile(
    browser: Any, server: Any, nb: Notebook, case: slider.Case, n: int, quiet_ms: int
) -> dict[str, Any]:
    """`n` moves of `case`: per-move medians of each leg [ms], frames and bytes received, and
    Chrome's script/layout/task time per move [ms]."""
    legs: dict[str, list[float]] = {
        k: []
        for k in (
            "press_to_send",
            "send_to_first_frame",
            "first_to_last_frame",
            "last_frame_to_dom",
            "total",
        )
    }
    frames, kbytes, sent = [], [], []
    with visit(browser, server, nb, True, Loads(), WS_RECORDER_JS) as (page, _):
        slider.prepare(page, server, case)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        before = _metrics(cdp)
        for key in slider.keys_for(page, case, n):
            page.evaluate(TAKE_WS_JS)
            page.evaluate(LATENCY_ARM_JS)
            page.keyboard.press(key)
            r = page.evaluate(LATENCY_WAIT_JS, [quiet_ms, slider.MOVE_TIMEOUT_MS])
            ws = page.evaluate(TAKE_WS_JS)
            if r["timeout"] or not ws["sent"] or not ws["recv"]:
                continue
            t0, dom = r["t0"], max(r["last"])
            recv = [(t, b) for t, b in ws["recv"] if t <= dom]  # frames that could matter
            if not recv:
                continue
            first_sent = ws["sent"][0][0]
            legs["press_to_send"].append(first_sent - t0)
            legs["send_to_first_frame"].append(recv[0][0] - first_sent)
            legs["first_to_last_frame"].append(recv[-1][0] - recv[0][0])
            legs["last_frame_to_dom"].append(dom - recv[-1][0])
            legs["total"].append(dom - t0)
            frames.append(len(ws["recv"]))
            kbytes.append(sum(b for _, b in ws["recv"]) / 1000)
            sent.append(len(ws["sent"]))
        after = _metrics(cdp)
    moves = max(1, len(legs["total"]))
    return {
        "moves": len(legs["total"]),
        **{f"{k}_ms": median(v) for k, v in legs.items()},
        "frames_received": median(frames),
        "kb_received": median(kbytes),
        "frames_sent": median(sent),
        **{f"{k}_per_move_ms": (after[k] - before[k]) * 1000 / moves for k in METRICS},
    }
