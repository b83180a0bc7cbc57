"""Preheating and culling together (voila.json keeps both): a kernel waiting in Voilà's pool
longer than the cull timeout still serves its page, and once the page has opened its kernel
culls as usual (shown with `cull_connected` on, so that the open page's kernel is culled;
voila.json keeps a connected page's kernel: tests/test_vanished_page.py)."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import sync_playwright

from harness.page import VIEWPORT
from harness.voila import (
    DASHBOARD_SHOWN,
    chromium_available,
    launch_chromium,
    start_voila,
    wait_for_dashboard,
)

CULL = [
    "--MappingKernelManager.cull_idle_timeout=4",
    "--MappingKernelManager.cull_interval=1",
    "--MappingKernelManager.cull_connected=True",
]


def test_a_pool_kernel_outlives_the_cull_timeout_and_a_page_kernel_does_not() -> None:
    with sync_playwright() as pw:
        assert chromium_available(pw), "no Chromium: run `bash scripts/test.sh`"
        env = {"WOONLIB_KEEPALIVE_SECONDS": "2.5"}
        with start_voila(extra_args=CULL, env=env) as server:
            server.wait_for_preheated_pool(timeout=120)
            pool_kernel = server.kernel_ids()[0]
            time.sleep(10)  # more than twice the cull timeout, waiting in the pool
            assert pool_kernel in server.kernel_ids(), "the pool's kernel was culled"
            browser = launch_chromium(pw)
            try:
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(server.url)
                wait_for_dashboard(page, timeout=60_000, selector=DASHBOARD_SHOWN)
                assert "Using pre-heated kernel" in server.log
                # The page's kernel beats no more: idle, it is culled (page still open).
                server.wait_for_log(
                    rf"Culling 'idle' kernel 'python3' \({pool_kernel}\)", timeout=60
                )
            finally:
                browser.close()


# -- the kernel cap's setting (woonlib/serving/capacity.py) --------------------------------
def test_the_default_cap_is_half_the_memory_in_256_mb_kernels() -> None:
    from woonlib.serving import default_max_kernels

    assert default_max_kernels(24 * 2**30) == 48
    assert default_max_kernels(2**30) == 2  # at least two
    assert default_max_kernels(2**45) == 200  # at most 200
    assert 2 <= default_max_kernels() <= 200


@pytest.mark.parametrize("text", ["abc", "0", "-3", "2.5"])
def test_a_bad_max_kernels_variable_is_a_clear_error(text: str) -> None:
    from woonlib.serving import MAX_KERNELS_ENV, max_kernels_from_env

    with pytest.raises(ValueError, match=MAX_KERNELS_ENV):
        max_kernels_from_env({MAX_KERNELS_ENV: text})


def test_the_max_kernels_variable_sets_the_cap() -> None:
    from woonlib.serving import MAX_KERNELS_ENV, max_kernels_from_env

    assert max_kernels_from_env({MAX_KERNELS_ENV: " 7 "}) == 7
    assert max_kernels_from_env({MAX_KERNELS_ENV: ""}) is None
    assert max_kernels_from_env({}) is None


def test_voila_refuses_to_start_with_a_bad_max_kernels_variable() -> None:
    with pytest.raises(RuntimeError, match="WOONLIB_MAX_KERNELS='many'"):
        start_voila(env={"WOONLIB_MAX_KERNELS": "many"}, startup_timeout=60)


def test_the_busy_page_is_dutch_first_with_english_and_asks_no_other_host() -> None:
    from woonlib.serving.busy import busy_page

    html = busy_page(30)
    assert '<html lang="nl">' in html and 'lang="en"' in html
    assert "Het dashboard is even vol" in html and "The dashboard is full" in html
    assert 'content="30"' in html
    assert "http" not in html.replace('http-equiv="refresh"', "")


def test_voila_json_serves_with_the_capped_kernel_manager() -> None:
    import json

    from harness.voila import REPO_ROOT

    config = json.loads((REPO_ROOT / "voila.json").read_text())
    voila = config["VoilaConfiguration"]
    assert voila["multi_kernel_manager_class"] == "woonlib.serving.kernels.ServingKernelManager"
    assert voila["preheat_kernel"] is True and voila["default_pool_size"] == 1
    assert config["VoilaExecutor"]["store_widget_state"] is False  # the server keeps no copy
    assert config["ServingKernelManager"]["unconnected_timeout"] <= 80  # ends within 90 s
