"""Read-only security of the served dashboard: the real Voilà server with voila.json, in Chromium.

What a visitor holds is the page, and in it the kernel id: the only credential. With it a
client can open the kernel's websocket. These tests play that client, and check that

- nothing executes: Voilà drops execute (and inspect, complete, history) requests;
- comm messages crafted by hand (a value out of range, a string for a number, a huge list,
  widened bounds) are rejected in the kernel, and the page stays sane and working;
- no notebook source, traceback or file path reaches the page, nor travels over the
  websocket, also when the dashboard fails on purpose (WOONLIB_TEST_FAULT) or the notebook
  fails while it runs (a broken data package);
- the page asks no other host; the server serves no tree, API, notebook, .py or data file,
  no path outside its roots, and ignores ?template= and ?theme=;
- voila and jupyter_server (and tornado, which serves it all) are at or above the versions
  that fix their known advisories, and pyproject.toml and the Binder pins keep them there.

One server per configuration: production (voila.json as is), the forced-fault switch, and a
broken data package. Every GET of the notebook URL starts a kernel and runs the notebook, so
there are only three of those here (and one page each for two of them).
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import time
import tomllib
import urllib.error
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import unescape
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pytest
import websocket
from jupyter_server.services.kernels.connection.base import (
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)
from packaging.requirements import Requirement
from packaging.version import Version
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from harness.page import VIEWPORT, open_tab, wait_for_y, y_of
from harness.voila import (
    _NO_PROXY,
    DASHBOARD_SHOWN,
    REPO_ROOT,
    PageWatch,
    VoilaServer,
    chromium_available,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
)
from woonlib.model.assumptions import DEFAULTS, SPECS
from woonlib.report.labels import label
from woonlib.ui.safety import FAULT_AMBITION, FAULT_ENV

# Extra Voilà options for every server here; empty = voila.json as it is in production.
# (To see a test fail on a weaker configuration: e.g. "--VoilaConfiguration.strip_sources=False",
# "--VoilaConfiguration.show_tracebacks=True", "--VoilaConfiguration.allow_template_override=YES".)
VOILA_ARGS: tuple[str, ...] = ()

NOTEBOOK = REPO_ROOT / "notebooks" / "dashboard.ipynb"
V1 = "v1.kernel.websocket.jupyter.org"
AMBITION = "ambition_homes"
SLIDER = f".wl-control-{AMBITION} .noUi-handle"
ENTRY = f".wl-control-{AMBITION} input[type=number]"
# What a traceback or a server-side detail looks like on the wire or in a page.
LEAK_MARKERS = ("Traceback", ".py", "Error:", "site-packages", str(REPO_ROOT))


# --- messages on a kernel's websocket ---------------------------------------------------------
class Msg(NamedTuple):
    channel: str
    msg_type: str
    parent_id: str | None
    content: dict[str, Any]
    text: str  # the content as JSON text, for searching


def parse_frame(raw: bytes | str, v1: bool) -> Msg | None:
    """A websocket frame as a kernel message (v1 protocol, or the legacy JSON/binary one)."""
    try:
        if isinstance(raw, str):
            msg = json.loads(raw)
            channel = msg.get("channel", "")
            header, parent, content = msg["header"], msg["parent_header"], msg["content"]
        elif v1:
            channel, parts = deserialize_msg_from_ws_v1(raw)
            header, parent, _, content = (json.loads(p) for p in parts[:4])
        else:
            msg = deserialize_binary_message(raw)
            channel = msg.get("channel", "")
            header, parent, content = msg["header"], msg["parent_header"], msg["content"]
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError):
        return None
    return Msg(
        channel,
        header.get("msg_type", ""),
        (parent or {}).get("msg_id"),
        content,
        json.dumps(content, ensure_ascii=False),
    )


def frame_text(raw: bytes | str) -> str:
    return raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")


def leaks(frames: Iterable[bytes | str], v1: bool, extra: tuple[str, ...] = ()) -> list[str]:
    """What in `frames` shows the server's insides: an error message, output on stderr, or
    a traceback, a file path, an exception name (kernel_info_reply is left out: it names the
    ".py" file extension of the language)."""
    found = []
    for raw in frames:
        msg = parse_frame(raw, v1)
        if msg is not None and msg.msg_type == "kernel_info_reply":
            continue
        text = msg.text if msg is not None else frame_text(raw)
        if msg is not None and (
            msg.msg_type == "error"
            or (msg.msg_type == "stream" and msg.content.get("name") == "stderr")
        ):
            found.append(f"{msg.msg_type} message: {text[:400]}")
            continue
        for marker in (*LEAK_MARKERS, *extra):
            if marker in text:
                at = text.index(marker)
                kind = msg.msg_type if msg is not None else "frame"
                found.append(f"{marker!r} in a {kind}: …{text[max(0, at - 200) : at + 200]}…")
                break
    return found


class KernelSocket:
    """Our own client on a kernel's websocket: what anyone who holds the kernel id can do."""

    def __init__(self, server: VoilaServer, kernel_id: str, v1: bool = True) -> None:
        self.v1 = v1
        self.session = uuid.uuid4().hex
        url = (
            f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels"
            f"?session_id={uuid.uuid4()}"
        )
        self.ws = websocket.create_connection(
            url, timeout=15, subprotocols=[V1] if v1 else None, http_no_proxy=["127.0.0.1"]
        )
        if v1:
            assert self.ws.getsubprotocol() == V1
        self.frames: list[bytes | str] = []

    def send(self, msg_type: str, content: dict[str, Any], channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "session": self.session,
            "username": "",
            "date": datetime.now(UTC).isoformat(),
            "version": "5.3",
        }
        if self.v1:
            parts = [json.dumps(p).encode() for p in (header, {}, {}, content)]
            self.ws.send_binary(serialize_msg_to_ws_v1(parts, channel))
        else:
            self.ws.send(
                json.dumps(
                    {
                        "header": header,
                        "parent_header": {},
                        "metadata": {},
                        "content": content,
                        "channel": channel,
                        "buffers": [],
                    }
                )
            )
        return msg_id

    def sync(self, timeout: float = 20.0) -> tuple[list[Msg], str]:
        """Send a kernel_info_request and read until the kernel has answered it and gone idle.
        The kernel handles one client's requests in order and publishes in order, so by then
        everything sent before was handled (or dropped by the server) and published.
        Return the messages read (and keep their frames) and the request's id."""
        barrier = self.send("kernel_info_request", {})
        got: list[Msg] = []
        replied = idle = False
        self.ws.settimeout(timeout)
        while not (replied and idle):
            raw = self.ws.recv()
            self.frames.append(raw)
            msg = parse_frame(raw, self.v1)
            if msg is None:
                continue
            got.append(msg)
            if msg.parent_id == barrier:
                replied |= msg.msg_type == "kernel_info_reply"
                idle |= msg.msg_type == "status" and (msg.content.get("execution_state") == "idle")
        return got, barrier

    def close(self) -> None:
        self.ws.close()


# --- the served page --------------------------------------------------------------------------
@dataclass
class ServedPage:
    server: VoilaServer
    page: Page
    watch: PageWatch
    html: str  # the HTML Voilà sent for the notebook URL
    frames: list[bytes | str] = field(default_factory=list)  # received on its websocket
    ws_urls: list[str] = field(default_factory=list)

    @property
    def kernel_id(self) -> str:
        """The page's kernel id, from the page config Voilà writes into it."""
        config = json.loads(self.page.locator("#jupyter-config-data").text_content() or "{}")
        return str(config["kernelId"])

    def wait_for_frame(
        self, pred: Callable[[Msg], bool], start: int = 0, timeout: float = 15
    ) -> None:
        """Wait until the page has received a message `pred` accepts (events reach us only
        while Playwright works, hence wait_for_timeout)."""
        checked = start
        for _ in range(int(timeout * 50)):
            for raw in self.frames[checked:]:
                msg = parse_frame(raw, v1=True)
                if msg is not None and pred(msg):
                    return
            checked = len(self.frames)
            self.page.wait_for_timeout(20)
        raise TimeoutError("the page did not receive the message")

    def wait_until_idle_after(self, request_id: str, start: int = 0) -> None:
        """Wait until the page has the kernel's idle status for `request_id` (iopub goes to
        every client of the kernel), i.e. everything published before it."""
        self.wait_for_frame(
            lambda m: (
                m.parent_id == request_id
                and m.msg_type == "status"
                and m.content.get("execution_state") == "idle"
            ),
            start,
        )


def open_page(browser: Browser, server: VoilaServer) -> ServedPage:
    page = browser.new_page(viewport=VIEWPORT)
    watch = PageWatch(page)
    served = ServedPage(server, page, watch, html="")

    def on_websocket(ws: Any) -> None:
        served.ws_urls.append(ws.url)
        ws.on("framereceived", lambda payload: served.frames.append(payload))

    page.on("websocket", on_websocket)
    response = page.goto(server.url)
    assert response is not None and response.ok, response
    served.html = response.text()
    wait_for_dashboard(page, timeout=90_000, selector=DASHBOARD_SHOWN)
    return served


def ambition_shown(page: Page) -> float:
    """The ambition as the chart shows it (programme chart, trace 0, bar 1)."""
    return y_of(page, "programme")[1]


def alerts(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("[role=alert]").all_inner_texts() if t.strip()]


def page_text(page: Page) -> str:
    """What the page shows, and its DOM without stylesheets (a CSS comment of
    jupyterlab_pygments names its generate_css.py)."""
    return str(page.evaluate("() => document.body.innerText")) + text_of_html(page.content())


def found_in(text: str, markers: Iterable[str]) -> list[str]:
    """Each of `markers` in `text`, with what surrounds it."""
    out = []
    for m in markers:
        at = text.find(m)
        if at >= 0:
            out.append(f"{m!r}: …{text[max(0, at - 120) : at + 120]}…")
    return out


def text_of_html(html: str) -> str:
    """`html` without stylesheets, tags and entities (highlighted source is split into many
    spans)."""
    html = re.sub(r"<style\b.*?</style>", "", html, flags=re.DOTALL | re.IGNORECASE)
    return unescape(re.sub(r"<[^>]+>", "", html))


def source_lines() -> list[str]:
    """Lines of the notebook's code cells long enough to be found only in its source."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    lines = [
        line.strip()
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
    ]
    return [line for line in lines if len(line) >= 15]


def wait_for_kernel_quiet(
    server: VoilaServer, kernel_id: str, quiet: float = 1.0, timeout: float = 30.0
) -> None:
    """Wait until the kernel `kernel_id` is idle and has done nothing for `quiet` seconds
    (a preheated kernel waiting for its page counts as busy, so not every kernel)."""
    deadline = time.monotonic() + timeout
    while True:
        with _NO_PROXY.open(f"{server.url}api/kernels/{kernel_id}", timeout=10) as r:
            model = json.load(r)
        since = datetime.now(UTC) - datetime.fromisoformat(model["last_activity"])
        if model["execution_state"] == "idle" and since.total_seconds() >= quiet:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"kernel still busy after {timeout} s: {model}")
        time.sleep(0.1)


def kernels_started(server: VoilaServer) -> int:
    return server.log.count("Kernel started:")


# --- fixtures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pw() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        assert chromium_available(playwright), (
            "no Chromium: run `bash scripts/test.sh` (installs Debian's chromium as root, "
            "else `python -m playwright install chromium`), or set CHROMIUM_PATH"
        )
        yield playwright


@pytest.fixture(scope="module")
def browser(pw: Playwright) -> Iterator[Browser]:
    b = launch_chromium(pw)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def production() -> Iterator[VoilaServer]:
    with start_voila(extra_args=VOILA_ARGS) as server:
        server.wait_for_preheated_pool(timeout=120)
        yield server


@pytest.fixture(scope="module")
def served(browser: Browser, production: VoilaServer) -> Iterator[ServedPage]:
    s = open_page(browser, production)
    try:
        yield s
    finally:
        s.page.close()


# --- the page ---------------------------------------------------------------------------------
def test_page_holds_no_notebook_source(served: ServedPage) -> None:
    markers = [*source_lines(), "build_dashboard"]
    assert len(markers) >= 3, markers
    texts = {
        "the HTML Voilà sent": text_of_html(served.html),
        "the rendered page": text_of_html(served.page.content()),
        "the websocket": "".join(frame_text(f) for f in served.frames),
    }
    found = [(where, m) for where, text in texts.items() for m in markers if m in text]
    assert found == [], f"notebook source reached the page: {found}"


def test_page_asks_no_other_host(served: ServedPage) -> None:
    assert served.watch.urls, "no request recorded"
    assert served.watch.non_loopback() == [], "the page asked another host"
    assert served.watch.csp_violations == []


def test_execute_requests_are_refused(
    served: ServedPage, production: VoilaServer, tmp_path: Path
) -> None:
    kernel_id = served.kernel_id
    assert any(f"/api/kernels/{kernel_id}/channels" in url for url in served.ws_urls), (
        served.ws_urls
    )
    refused = ("execute_request", "inspect_request", "complete_request", "history_request")
    for v1 in (True, False):  # the page's protocol, and the legacy JSON one
        proof = tmp_path / f"executed-{'v1' if v1 else 'json'}"
        code = f"open({str(proof)!r}, 'w').write('executed')"
        client = KernelSocket(production, kernel_id, v1=v1)
        try:
            sent = {
                client.send(
                    "execute_request",
                    {
                        "code": code,
                        "silent": False,
                        "store_history": False,
                        "user_expressions": {"x": code},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                    channel=channel,
                ): "execute_request"
                for channel in ("shell", "control")
            }
            sent[client.send("inspect_request", {"code": "open", "cursor_pos": 4})] = "inspect"
            sent[client.send("complete_request", {"code": "op", "cursor_pos": 2})] = "complete"
            sent[client.send("history_request", {"hist_access_type": "tail", "n": 5})] = "history"
            got, _ = client.sync()
        finally:
            client.close()
        answered = [(m.msg_type, sent[m.parent_id]) for m in got if m.parent_id in sent]
        assert answered == [], f"the kernel answered requests Voilà must drop: {answered}"
        assert not proof.exists(), "an execute_request sent over the websocket ran"
    log = production.log
    for msg_type in refused:
        assert f'Received message of type "{msg_type}", which is not allowed' in log, log[-3000:]


def test_an_unknown_kernel_id_opens_no_websocket(production: VoilaServer) -> None:
    with pytest.raises(websocket.WebSocketBadStatusException) as err:
        KernelSocket(production, str(uuid.uuid4()))
    assert err.value.status_code == 404


# Comm messages a client holding the kernel id can craft for the Ambitie slider, and the
# ambition the dashboard must show after each (None: the one before).
BAD_UPDATES: tuple[tuple[str, dict[str, Any], int | None], ...] = (
    ("a string for a number", {"value": "twaalfduizend"}, None),
    ("null", {"value": None}, None),
    ("a huge list", {"value": [9300] * 200_000}, None),
    ("an object", {"value": {"$gt": 0}}, None),
    ("far above the range", {"value": 10**12}, 20_000),
    ("below the range", {"value": -1}, 0),
    (
        "widened bounds and a value outside the assumption's range",
        {"max": 10**9, "value": 10**9},
        None,
    ),
    ("widened bounds below", {"min": -(10**9), "value": -(10**9)}, None),
    ("a numeric string in range", {"value": "9350"}, 9350),
)


def test_crafted_comm_messages_are_rejected_and_the_page_keeps_working(
    served: ServedPage, production: VoilaServer
) -> None:
    page = served.page
    open_tab(page, label("tab_programme", "nl"))
    slider_id = ambition_slider_comm_id(served.frames)
    spec = SPECS[AMBITION]
    assert spec.minimum == 0 and spec.maximum == 20_000
    expected = ambition_shown(page)
    assert expected == DEFAULTS.ambition_homes
    client = KernelSocket(production, served.kernel_id)
    start = len(served.frames)
    wrong: list[str] = []
    try:
        for what, state, after in BAD_UPDATES:
            client.send(
                "comm_msg",
                {
                    "comm_id": slider_id,
                    "data": {"method": "update", "state": state, "buffer_paths": []},
                },
            )
            _, barrier = client.sync()
            served.wait_until_idle_after(barrier, start)
            if after is not None:
                expected = after
                wait_for_y(page, "programme", 0, 1, after)
            else:
                wait_for_dashboard(page, timeout=15_000, settle_ms=150)
            shown = ambition_shown(page)
            if shown != expected or not spec.minimum <= shown <= spec.maximum:
                wrong.append(f"{what}: the chart shows {shown}, expected {expected}")
    finally:
        client.close()
    assert wrong == [], wrong
    # A real key press still reaches the kernel and comes back.
    page.locator(SLIDER).focus()
    page.keyboard.press("ArrowRight")
    wait_for_y(page, "programme", 0, 1, expected + (spec.step or 1))
    found = leaks(client.frames, v1=True) + leaks(served.frames[start:], v1=True)
    assert found == [], "a traceback or server detail went over the websocket:\n" + "\n".join(
        found[:6]
    )


def ambition_slider_comm_id(frames: list[bytes | str]) -> str:
    """The comm id of the Ambitie slider's model, from the widget states the page received
    (the control HBox carries the class wl-control-ambition_homes; the slider is its first
    child)."""
    states: dict[str, dict[str, Any]] = {}
    for raw in frames:
        msg = parse_frame(raw, v1=True)
        if msg is None or msg.msg_type not in ("comm_open", "comm_msg"):
            continue
        data = msg.content.get("data") or {}
        comm_id = msg.content.get("comm_id", "")
        if isinstance(data.get("state"), dict):
            states.setdefault(comm_id, {}).update(data["state"])
        for cid, model in (data.get("states") or {}).items():  # the control comm's reply
            states.setdefault(cid, {}).update(model.get("state") or {})
    boxes = [s for s in states.values() if f"wl-control-{AMBITION}" in s.get("_dom_classes", [])]
    assert len(boxes) == 1, f"{len(boxes)} widgets with class wl-control-{AMBITION}"
    slider_id = boxes[0]["children"][0].removeprefix("IPY_MODEL_")
    assert states[slider_id].get("_model_name") == "IntSliderModel", states[slider_id]
    return slider_id


# --- files, APIs, traversal, overrides ----------------------------------------------------------
# Each must end (after redirects, followed as sent) in 403 or 404 and show none of the file.
NOT_SERVED = (
    "/tree",
    "/voila/tree",
    "/api/contents",
    "/voila/api/contents",
    "/api/contents/notebooks/dashboard.ipynb",
    "/api/kernels",  # would list every visitor's kernel id
    "/api/sessions",
    "/api/kernelspecs",
    "/lab",
    "/notebooks/dashboard.ipynb",
    "/files/woonlib/ui/safety.py",
    "/voila/files/dashboard.ipynb",
    "/voila/files/notebooks/dashboard.ipynb",
    "/voila/files/../notebooks/dashboard.ipynb",
    "/voila/files/../woonlib/ui/safety.py",
    "/voila/files/%2e%2e/woonlib/ui/safety.py",
    "/voila/files/../voila.json",
    "/voila/files/../pyproject.toml",
    "/voila/files/../data/datapackage.json",
    "/voila/files/../data/outflow.csv",
    "/voila/files/../data/sources/woonvisie-enschede-2024.txt",
    "/voila/files/../.venv/share/jupyter/kernels/python3/logo-64x64.png",  # an allowed type
    "/static/etc/passwd",  # GHSA-2q59-h24c-w6fg (CVE-2024-30265)
    f"/static{REPO_ROOT}/voila.json",
    "/static/../voila.json",
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/voila/static/../../voila.json",
    "/voila/static/..%2f..%2fvoila.json",
    "/voila/labextensions/../../voila.json",
    "/voila/api/themes/../../../voila.json",
)
# Voilà's template static handler answers these with a bare 500 (an assertion in
# TemplateStaticFileHandler): an error, and none of the file.
ERROR_ONLY = (
    "/voila/templates/lab-offline/static/../../../../../../etc/passwd",
    "/voila/templates/lab/static/../index.html.j2",
    "/voila/templates/lab/static/%2e%2e/%2e%2e/%2e%2e/voila.json",
)
FILE_CONTENT = (
    "root:x:",
    "VoilaConfiguration",
    "build_dashboard",
    "def guarded",
    "[project]",
    "homes_per_year",
    '"resources"',
    "Woonvisie Enschede 2024",
    "\x89PNG",
    "Traceback",
)


def raw_get(server: VoilaServer, path: str, hops: int = 5) -> tuple[int, str, list[str]]:
    """GET `path` exactly as written (http.client does not normalize it), following
    redirects the same way; return the last status, its body and the paths asked."""
    asked = []
    for _ in range(hops):
        asked.append(path)
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=15)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read().decode("latin-1")
            location = response.getheader("Location")
        finally:
            conn.close()
        if response.status in (301, 302, 303, 307, 308) and location:
            parts = urlsplit(location)
            assert parts.hostname in (None, "127.0.0.1", "localhost"), location
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            continue
        return response.status, body, asked
    raise AssertionError(f"redirect loop: {asked}")


def test_no_tree_api_notebook_source_or_data_file_is_served(production: VoilaServer) -> None:
    started = kernels_started(production)
    served = []
    for path in NOT_SERVED:
        status, body, asked = raw_get(production, path)
        shown = [m for m in FILE_CONTENT if m in body]
        if status not in (403, 404) or shown:
            served.append(f"{' -> '.join(asked)}: {status} {shown}")
    for path in ERROR_ONLY:
        status, body, asked = raw_get(production, path)
        shown = [m for m in FILE_CONTENT if m in body]
        if status < 400 or shown:
            served.append(f"{' -> '.join(asked)}: {status} {shown}")
    assert served == [], "served:\n" + "\n".join(served)
    assert kernels_started(production) == started, "a probe started a kernel"


def test_template_and_theme_overrides_are_ignored(production: VoilaServer) -> None:
    # One GET: it starts a kernel and runs the notebook (the preheated kernel is rendered
    # with voila.json's template and theme, so a request asking for others gets a new one).
    url = f"{production.url}?template=lab&theme=dark"
    try:
        with _NO_PROXY.open(url, timeout=90) as response:
            status, html = response.status, response.read().decode()
    except urllib.error.HTTPError as e:  # refusing the request is fine too
        assert e.code in (400, 403, 404), e
        return
    assert status == 200
    assert "/voila/templates/lab/static/" not in html, "?template= was obeyed"
    assert "/voila/templates/lab-offline/static/" in html
    assert "cdn.jsdelivr.net" not in html, "the lab template's CDN links are back"
    assert "theme-light.css" in html and '"jupyterLabTheme": "light"' in html
    assert "theme-dark" not in html and '"jupyterLabTheme": "dark"' not in html, (
        "?theme= was obeyed"
    )
    assert not [m for m in source_lines() if m in text_of_html(html)]


# --- errors -----------------------------------------------------------------------------------
class FaultOutcome(NamedTuple):
    served: ServedPage
    frames: list[bytes | str]  # what the page received from entering the fault to quiet
    alerts_seen: list[str]  # every [role=alert] text that appeared meanwhile
    shown_after: float
    entry_after: str
    alerts_after: list[str]
    text_after: str


ALERT_RECORDER = """() => {
  window.__wlAlerts = [];
  const grab = () => document.querySelectorAll('[role=alert]').forEach(el => {
    const t = el.innerText.trim();
    if (t && !window.__wlAlerts.includes(t)) window.__wlAlerts.push(t);
  });
  new MutationObserver(grab).observe(document.body,
    {subtree: true, childList: true, characterData: true, attributes: true});
}"""


@pytest.fixture(scope="module")
def fault(browser: Browser) -> Iterator[FaultOutcome]:
    """The dashboard with the forced-fault switch on; Ambitie set to FAULT_AMBITION by its
    exact entry, as a person would."""
    with start_voila(extra_args=VOILA_ARGS, env={FAULT_ENV: "1"}) as server:
        server.wait_for_preheated_pool(timeout=120)
        served = open_page(browser, server)
        try:
            page = served.page
            open_tab(page, label("tab_programme", "nl"))
            assert ambition_shown(page) == DEFAULTS.ambition_homes
            page.evaluate(ALERT_RECORDER)
            start = len(served.frames)
            entry = page.locator(ENTRY)
            entry.fill(str(FAULT_AMBITION))
            entry.press("Enter")
            page.wait_for_function("() => window.__wlAlerts.length > 0", timeout=15_000, polling=50)
            # Quiet for a second: a value the browser sent back would have been handled.
            wait_for_kernel_quiet(server, served.kernel_id)
            wait_for_dashboard(page, timeout=15_000, settle_ms=200)
            yield FaultOutcome(
                served,
                served.frames[start:],
                list(page.evaluate("() => window.__wlAlerts")),
                ambition_shown(page),
                entry.input_value(),
                alerts(page),
                page_text(page),
            )
        finally:
            served.page.close()


FAULT_MARKERS = ("forced test fault", FAULT_ENV, "RuntimeError")


def test_forced_fault_sends_no_traceback_to_the_page(fault: FaultOutcome) -> None:
    assert label("error_message", "nl") in fault.alerts_seen, "the fault did not fire"
    found = leaks(fault.frames, v1=True, extra=FAULT_MARKERS)
    assert found == [], "the fault's traceback went over the websocket:\n" + "\n".join(found[:4])
    shown = found_in(fault.text_after, (*LEAK_MARKERS, *FAULT_MARKERS))
    assert shown == [], f"the page shows {shown}"
    # Kept for the operator: the server's log has it (guarded and _update log it).
    assert "forced test fault" in fault.served.server.log, "the fault is not in Voilà's log"


def test_forced_fault_shows_the_alert_and_the_page_keeps_working(fault: FaultOutcome) -> None:
    message = label("error_message", "nl")
    assert message in fault.alerts_seen, fault.alerts_seen
    # The alert stays, and says the truth: the previous value is back, everywhere.
    assert fault.alerts_after == [message], (
        f"alert after the fault: {fault.alerts_after}; the chart shows {fault.shown_after}"
    )
    assert fault.shown_after == DEFAULTS.ambition_homes
    assert fault.entry_after == str(DEFAULTS.ambition_homes)
    page = fault.served.page
    page.locator(SLIDER).focus()
    page.keyboard.press("ArrowRight")
    wait_for_y(page, "programme", 0, 1, DEFAULTS.ambition_homes + (SPECS[AMBITION].step or 1))
    page.wait_for_function(
        "() => !Array.from(document.querySelectorAll('[role=alert]'))"
        ".some(el => el.innerText.trim())",
        timeout=15_000,
    )
    assert fault.served.watch.page_errors == []


def test_notebook_error_shows_no_traceback(tmp_path: Path) -> None:
    """The notebook fails while it runs (a broken data package): the page says so in a
    sentence, with no traceback, exception or file path in it."""
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    (data / "outflow.csv").write_text("year,garbage\nx,y\n", encoding="utf-8")
    with start_voila(extra_args=VOILA_ARGS, env={"WOONLIB_DATA": str(data)}) as server:
        server.wait_for_preheated_pool(timeout=120)
        with _NO_PROXY.open(server.url, timeout=90) as response:
            html = response.read().decode()
        log = server.log
    assert "DataPackageError" in log, "the notebook did not fail as intended"
    shown = found_in(
        text_of_html(html), (*LEAK_MARKERS, "DataPackageError", "outflow.csv", str(tmp_path))
    )
    assert shown == [], f"the error page shows {shown}"
    assert "There was an error when executing cell" in html


# --- dependencies -------------------------------------------------------------------------------
class Advisory(NamedTuple):
    package: str
    ids: str
    introduced: str  # the first affected version ("0": all before `fixed`)
    fixed: str  # the first fixed version

    def affects(self, v: str) -> bool:
        return Version(self.introduced) <= Version(v) < Version(self.fixed)


# Known advisories of the packages that serve the dashboard (GitHub advisory database).
# pip-audit cannot check these here: PyPI's JSON API, its vulnerability source, answers 404
# from this network and OSV is unreachable; pip-audit then skips every package ("not found
# on PyPI") and still reports "No known vulnerabilities found". Add advisories here as they
# are published (github.com/advisories?query=ecosystem:pip+voila, jupyter-server, tornado).
ADVISORIES = (
    *(
        Advisory("voila", "GHSA-2q59-h24c-w6fg CVE-2024-30265 (any file via /static/)", a, f)
        for a, f in (
            ("0.0.2", "0.2.17"),
            ("0.3.0a0", "0.3.8"),
            ("0.4.0a0", "0.4.4"),
            ("0.5.0a0", "0.5.6"),
        )
    ),
    Advisory(
        "jupyter_server",
        "GHSA-p737-p57g-4cpr CVE-2022-24757 (auth cookie in 5xx log)",
        "0",
        "1.15.4",
    ),
    Advisory(
        "jupyter_server",
        "GHSA-64x5-55rw-9974 CVE-2023-40170 (/files/ credential check)",
        "0",
        "2.7.2",
    ),
    Advisory(
        "jupyter_server", "GHSA-5789-5fc7-67v3 CVE-2026-35397 (sibling directories)", "0", "2.18.0"
    ),
    Advisory(
        "jupyter_server",
        "GHSA-24qx-w28j-9m6p CVE-2026-40110 (allow_origin_pat match)",
        "0",
        "2.18.0",
    ),
    Advisory(
        "jupyter_server",
        "GHSA-5mrq-x3x5-8v8f CVE-2026-40934 (persistent cookie secret)",
        "0",
        "2.18.0",
    ),
    Advisory(
        "jupyter_server", "GHSA-qh7q-6qm3-653w CVE-2025-61669 (open redirect ?next=)", "0", "2.18.0"
    ),
    Advisory(
        "jupyter_server",
        "GHSA-fcw5-x6j4-ccmp CVE-2026-44727 (XSS, nbconvert handlers)",
        "0",
        "2.20.0",
    ),
    Advisory(
        "jupyter_server",
        "GHSA-c3mw-737p-c7g2 CVE-2026-86049 (Referer token in 5xx log)",
        "0",
        "2.21.0",
    ),
    Advisory("tornado", "GHSA-mpf4-983q-p7j4 PYSEC-2026-3928", "0", "6.5.8"),
    Advisory("tornado", "GHSA-wwv5-g3v4-889x", "0", "6.5.8"),
    Advisory("tornado", "GHSA-8423-8fgw-73vq", "0", "6.5.8"),
)
SERVING = ("voila", "jupyter_server", "tornado")


def advisories_for(package: str, v: str) -> list[str]:
    return [a.ids for a in ADVISORIES if a.package == package and a.affects(v)]


def test_installed_voila_jupyter_server_and_tornado_have_no_known_advisory() -> None:
    found = {f"{p} {version(p)}": advisories_for(p, version(p)) for p in SERVING}
    assert {k: ids for k, ids in found.items() if ids} == {}


def test_pyproject_floors_and_binder_pins_keep_out_vulnerable_versions() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = {
        canonical(r.name): r for r in map(Requirement, project["project"]["dependencies"])
    }
    for package, at_least in (("voila", "0.5.6"), ("jupyter_server", "2.20")):
        spec = requirements[package].specifier
        floors = [Version(s.version) for s in spec if s.operator == ">="]
        assert floors, f"{package}{spec}: no floor"
        floor = max(floors)
        assert floor >= Version(at_least), f"{package}{spec}: floor below {at_least}"
        # No version the floor lets in is affected: every range ends at or below it.
        open_ranges = [
            a.ids
            for a in ADVISORIES
            if a.package == package and max(floor, Version(a.introduced)) < Version(a.fixed)
        ]
        assert open_ranges == [], f"{package}{spec} admits versions affected by {open_ranges}"
    binder = {}
    for line in (REPO_ROOT / "binder" / "requirements.txt").read_text().splitlines():
        name, _, pinned = line.split("#", 1)[0].partition("==")
        if pinned:
            binder[canonical(name)] = pinned.strip()
    for package in ("voila", "jupyter_server"):
        assert package in binder, f"binder/requirements.txt does not pin {package}"
        assert advisories_for(package, binder[package]) == [], (package, binder[package])


def canonical(name: str) -> str:
    return name.strip().lower().replace("-", "_")


def test_voila_json_allows_no_other_origin() -> None:
    """No CORS opening (jupyter_server's allow_origin_pat matching had GHSA-24qx-w28j-9m6p;
    the dashboard needs no other origin) and the production hardening is in place."""
    config = json.loads((REPO_ROOT / "voila.json").read_text(encoding="utf-8"))
    flat = json.dumps(config)
    for key in ("allow_origin", "allow_origin_pat", "allow_credentials", "disable_check_xsrf"):
        assert f'"{key}"' not in flat, f"voila.json sets {key}"
    voila = config["VoilaConfiguration"]
    assert voila["strip_sources"] is True and voila["show_tracebacks"] is False
    assert voila["allow_template_override"] == "NO" and voila["allow_theme_override"] == "NO"
