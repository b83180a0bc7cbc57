"""The Binder path, proven: an environment built from binder/ alone (scripts/binder_env.sh:
a clean venv of binder/runtime.txt's Python with binder/requirements.txt, then
binder/postBuild), a Jupyter server with Voilà as its extension and a token, as Binder runs
it, and the dashboard opened at voila/render/notebooks/dashboard.ipynb?token=… in Chromium.

The page renders and a slider moves a chart; the page asks no other host (no MathJax from a
CDN); the token is never in the page, the share link, the address bar after the page
rewrites it, or any download; and the hardened settings apply (no notebook source).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from harness.page import VIEWPORT, open_tab, wait_for_y, y_of
from harness.voila import (
    DASHBOARD_SHOWN,
    REPO_ROOT,
    PageWatch,
    _die_with_parent,
    _signal_group,
    chromium_available,
    free_port,
    launch_chromium,
    wait_for_dashboard,
)
from woonlib.scenario.links import parse_query

BUILD_TIMEOUT = 600  # [s] a fresh machine downloads the wheels once; then pip's cache
READY = "is running at"
SOURCE_MARKER = "build_dashboard()"  # in the notebook's source, never in the page


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv built from binder/ by the project's own script."""
    target = tmp_path_factory.mktemp("binder") / "env"
    result = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "binder_env.sh"), str(target)],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


class JupyterServer:
    """`jupyter server` of `env`, run from the repository root with a token (as Binder)."""

    def __init__(self, env: Path, home: Path) -> None:
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.lines: list[str] = []
        cmd = [
            str(env / "bin" / "jupyter"),
            "server",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
        ]
        if os.geteuid() == 0:
            cmd.append("--allow-root")  # CI runs as root; Binder as a user
        environ = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
        environ.update(
            PATH=f"{env / 'bin'}{os.pathsep}{environ.get('PATH', '')}",
            HOME=str(home),  # no user configuration of this machine
            JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
            JUPYTER_DATA_DIR=str(home / ".local" / "share" / "jupyter"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            PYTHONUNBUFFERED="1",
        )
        self.proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=environ,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while READY not in self.log:
            assert self.proc.poll() is None, f"jupyter server exited:\n{self.log}"
            assert time.monotonic() < deadline, f"jupyter server not ready:\n{self.log}"
            time.sleep(0.2)

    def stop(self) -> None:
        """SIGTERM (the server shuts its kernels down), then SIGKILL if need be."""
        _signal_group(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            _signal_group(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self._reader.join(timeout=5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture(scope="module")
def binder_server(
    binder_env: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[JupyterServer]:
    home = tmp_path_factory.mktemp("home")
    server = JupyterServer(binder_env, home)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)


def test_jupyter_and_binder_parameters_are_dropped_silently() -> None:
    a, notes = parse_query("token=abc123&ambition_homes=10000&_xsrf=x&urlpath=voila")
    assert a.ambition_homes == 10000
    assert notes == []


def test_the_dashboard_works_on_the_binder_path_and_never_shows_the_token(
    binder_server: JupyterServer, tmp_path: Path
) -> None:
    token = binder_server.token
    with sync_playwright() as pw:
        assert chromium_available(pw), "no Chromium: run `bash scripts/test.sh`"
        browser = launch_chromium(pw)
        try:
            context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
            page = context.new_page()
            watch = PageWatch(page)
            url = f"{binder_server.url}voila/render/notebooks/dashboard.ipynb?token={token}"
            response = page.goto(url)
            assert response is not None and response.status == 200
            wait_for_dashboard(page, timeout=120_000, selector=DASHBOARD_SHOWN)

            # A slider moves a chart.
            open_tab(page, "Huishoudens & programma")
            assert y_of(page, "programme")[1] == 9300
            page.locator(".wl-control-ambition_homes .noUi-handle").focus()
            page.keyboard.press("ArrowRight")
            wait_for_y(page, "programme", 0, 1, 9350)

            # The token: not in the page, the share link or the address bar.
            page.wait_for_function(  # the link follows the kernel's reply to the move
                "() => document.querySelector('.wl-share-url').value"
                ".endsWith('?ambition_homes=9350')",
                timeout=15_000,
            )
            share = page.locator(".wl-share-url").input_value()
            assert share.endswith("/voila/render/notebooks/dashboard.ipynb?ambition_homes=9350")
            assert token not in share and "token" not in share
            assert token not in page.url and "token=" not in page.url
            html = response.text() + page.content()
            assert token not in html
            assert "Niet gebruikt uit de link" not in html  # no note about the token
            assert SOURCE_MARKER not in html, "notebook source reached the page"

            # Nor in any download.
            buttons = page.locator(".wl-download")
            assert buttons.count() >= 4
            for i in range(buttons.count()):
                with page.expect_download(timeout=60_000) as info:
                    buttons.nth(i).click()
                saved = tmp_path / f"download-{i}"
                info.value.save_as(saved)
                content = saved.read_bytes()
                assert content and token.encode() not in content, info.value.suggested_filename

            assert watch.non_loopback() == [], "the page asked another host"
            assert watch.page_errors == []
        finally:
            browser.close()
