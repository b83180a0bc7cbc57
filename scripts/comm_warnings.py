"""Count the "No such comm" warnings of one advisor's session, and say where they come from.

Usage: .venv/bin/python scripts/comm_warnings.py [--rounds N] [--kill-kernel] [--log FILE]
                                                 [--server-args ...]

Starts Voilà with voila.json (harness/voila.py), opens the dashboard in headless Chromium and
plays a session: every tab opened, sliders moved by key on the tabs that have them, the
language switched to English and back, everything reset; then the page is closed. It prints
the number of "No such comm" lines in the server's log (the kernels' stderr is in it), split
into those logged while the page was open and after it closed, and for each comm id named
there what the page had sent to it (from the websocket frames) and what the kernel had said
it was (its comm_open's model name, and whether the kernel had closed it already).
With --kill-kernel the page's kernel process is killed (SIGKILL) once the page is drawn,
before the session: what a page does when its kernel died under it.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # run as a script: the repository root, for harness

from harness.page import TAB, VIEWPORT, open_tab  # noqa: E402
from harness.voila import (  # noqa: E402
    DASHBOARD_SHOWN,
    kernel_pid,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
)

NO_SUCH_COMM = re.compile(r"No such comm: ?(\S*)")
SLIDER_KEYS = ("ArrowRight", "ArrowRight", "ArrowLeft")


def ws_message(payload: Any) -> dict[str, Any] | None:
    """A kernel websocket frame as {channel, header, content} (JSON or the v1 binary form)."""
    try:
        if isinstance(payload, str):
            msg = json.loads(payload)
            return {k: msg.get(k) for k in ("channel", "header", "content")}
        data = bytes(payload)
        n = int.from_bytes(data[:8], "little")
        offsets = [int.from_bytes(data[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(n)]
        parts = [data[offsets[i] : offsets[i + 1]] for i in range(n - 1)]
        return {
            "channel": parts[0].decode(),
            "header": json.loads(parts[1]),
            "content": json.loads(parts[4]),
        }
    except (ValueError, IndexError, UnicodeDecodeError):
        return None


class Frames:
    """What went over the page's kernel websocket, by comm id."""

    def __init__(self) -> None:
        self.sent: dict[str, collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        self.model: dict[str, str] = {}
        self.closed_by_kernel: set[str] = set()
        self.closed_by_page: set[str] = set()

    def attach(self, page: Any) -> None:
        def on_socket(ws: Any) -> None:
            if "/channels" not in ws.url:
                return
            ws.on("framesent", lambda p: self._sent(ws_message(p)))
            ws.on("framereceived", lambda p: self._received(ws_message(p)))

        page.on("websocket", on_socket)

    def _sent(self, msg: dict[str, Any] | None) -> None:
        if not msg or not isinstance(msg.get("content"), dict):
            return
        kind, content = msg["header"].get("msg_type", "?"), msg["content"]
        comm_id = content.get("comm_id")
        if not comm_id:
            return
        data = content.get("data") or {}
        what = data.get("method", "") if isinstance(data, dict) else ""
        if isinstance(data, dict) and isinstance(data.get("state"), dict):
            what += "(" + ",".join(sorted(data["state"])) + ")"
        elif isinstance(data, dict) and isinstance(data.get("content"), dict):
            what += "(" + ",".join(sorted(data["content"])) + ")"
        self.sent[comm_id][f"{kind} {what}".strip()] += 1
        if kind == "comm_close":
            self.closed_by_page.add(comm_id)

    def _received(self, msg: dict[str, Any] | None) -> None:
        if not msg or not isinstance(msg.get("content"), dict):
            return
        kind, content = msg["header"].get("msg_type", "?"), msg["content"]
        comm_id = content.get("comm_id")
        if kind == "comm_open" and comm_id:
            state = (content.get("data") or {}).get("state") or {}
            self.model[comm_id] = str(state.get("_model_name", content.get("target_name")))
        elif kind == "comm_close" and comm_id:
            self.closed_by_kernel.add(comm_id)


def session(page: Any, rounds: int, strict: bool = True) -> None:
    """An advisor's session: every tab, sliders moved, English and back, reset. Not
    `strict` (the kernel is gone): tabs and keys only, nothing waits for the kernel."""
    titles = [t.strip() for t in page.locator(TAB).all_inner_texts()]
    for _ in range(rounds):
        for title in titles:
            if strict:
                open_tab(page, title)
            else:
                page.locator(TAB, has_text=title).first.click()
            handles = page.locator(
                ".widget-tab-contents > .lm-Widget:not(.lm-mod-hidden) .noUi-handle"
            )
            for i in range(min(handles.count(), 3)):
                handles.nth(i).focus()
                for key in SLIDER_KEYS:
                    page.keyboard.press(key)
                    page.wait_for_timeout(150)
        if not strict:
            continue
        page.get_by_role("button", name="English").click()
        page.wait_for_function("() => document.documentElement.lang === 'en'")
        wait_for_dashboard(page, timeout=60_000)
        page.get_by_role("button", name="Nederlands").click()
        page.wait_for_function("() => document.documentElement.lang === 'nl'")
        wait_for_dashboard(page, timeout=60_000)
        page.get_by_role("button", name="Alles terug naar de Woonvisie").click()
        wait_for_dashboard(page, timeout=60_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="times the session is played")
    parser.add_argument("--server-args", nargs="*", default=[], help="more Voilà arguments")
    parser.add_argument("--log", type=Path, help="write the server's whole log here")
    parser.add_argument(
        "--kill-kernel", action="store_true", help="kill the page's kernel before the session"
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    frames = Frames()
    with sync_playwright() as pw, start_voila(extra_args=args.server_args) as server:
        server.wait_for_preheated_pool(timeout=180)
        browser = launch_chromium(pw)
        try:
            page = browser.new_context(viewport=VIEWPORT).new_page()
            frames.attach(page)
            page.goto(server.url)
            wait_for_dashboard(page, timeout=120_000, selector=DASHBOARD_SHOWN)
            kernel = page.evaluate(
                "() => JSON.parse(document.getElementById('jupyter-config-data')"
                ".textContent).kernelId"
            )
            if args.kill_kernel:
                pid = kernel_pid(kernel)
                if pid is None:
                    raise SystemExit(f"no process for kernel {kernel}")
                os.kill(pid, signal.SIGKILL)
                time.sleep(10)  # the restarter notices within 3 s
            t0 = time.monotonic()
            session(page, args.rounds, strict=not args.kill_kernel)
            server.wait_until_quiet(timeout=120)
            open_log = server.log
            page.close(run_before_unload=True)
            if f"Kernel shutdown: {kernel}" not in open_log:
                server.wait_for_log(f"Kernel shutdown: {kernel}", timeout=60)
            seconds = time.monotonic() - t0
        finally:
            browser.close()
        log = server.log
    if args.log:
        args.log.write_text(log, encoding="utf-8")
    during = NO_SUCH_COMM.findall(open_log)
    after = NO_SUCH_COMM.findall(log[len(open_log) :])
    print(f"session: {seconds:.0f} s, {args.rounds} round(s)")
    print(f"'No such comm' while the page was open: {len(during)}")
    print(f"'No such comm' after the page closed:   {len(after)}")
    ids = collections.Counter(during + after)
    by_cause: collections.Counter[str] = collections.Counter()
    for comm_id, count in ids.most_common():
        model = frames.model.get(comm_id, "(not opened by the kernel on this page)")
        closed = "closed by the kernel" if comm_id in frames.closed_by_kernel else "open"
        sent = ", ".join(f"{k} x{n}" for k, n in frames.sent[comm_id].most_common()) or "-"
        by_cause[f"{model} [{closed}]: page sent {sent}"] += count
    for cause, count in by_cause.most_common():
        print(f"{count:5d}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
