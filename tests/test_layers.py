"""The test layers: `unit` tests need neither Voilà nor Chromium, `browser` tests do.

tests/conftest.py marks every test from what its module imports (tests/markers.py); this
checks that the split is sound, so `pytest -m unit` is a fast suite that runs anywhere.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.markers import REPO_ROOT, needs_browser

TESTS = REPO_ROOT / "tests"
MODULES = sorted(TESTS.glob("test_*.py"))


def unit_modules() -> list[str]:
    return [f"tests.{p.stem}" for p in MODULES if not needs_browser(p)]


def test_markers_are_registered() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_config = project["tool"]["pytest"]["ini_options"]
    assert "--strict-markers" in pytest_config["addopts"]
    names = {m.split(":")[0] for m in pytest_config["markers"]}
    assert {"unit", "browser"} <= names


def test_harness_users_are_browser_tests() -> None:
    for name in ("test_accessibility", "test_security", "test_dashboard_browser"):
        assert needs_browser(TESTS / f"{name}.py"), name
    assert needs_browser(TESTS / "test_benchmarks_smoke.py")  # playwright, and via benchmarks
    for name in ("test_memo", "test_dashboard", "test_layers"):
        assert not needs_browser(TESTS / f"{name}.py"), name
    for shared in ("conftest.py", "helpers.py", "markers.py"):  # loaded by every run
        assert not needs_browser(TESTS / shared), shared


def test_found_through_a_first_party_module(tmp_path: Path) -> None:
    indirect = tmp_path / "test_indirect.py"  # benchmarks.harness imports harness
    indirect.write_text("from benchmarks import harness\n", encoding="utf-8")
    assert needs_browser(indirect)
    plain = tmp_path / "test_plain.py"
    plain.write_text("import json\nfrom tests import helpers\n", encoding="utf-8")
    assert not needs_browser(plain)


def test_unit_modules_import_no_browser() -> None:
    """Importing every unit test module loads neither playwright nor the harness."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {unit_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'playwright'"
        " or m.split('.')[0] == 'harness']\n"
        "print(json.dumps(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []
    assert len(unit_modules()) >= 20
