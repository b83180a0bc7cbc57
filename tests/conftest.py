"""Shared fixtures (the real data package, corrupted copies of it) and the test layers:
every test is marked `unit` or `browser` (tests/markers.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.markers import needs_browser
from woonlib.data import WoonvisieData, default_data_dir, load_data
from woonlib.model.assumptions import DEFAULTS, Assumptions

DATA_DIR = default_data_dir()


@pytest.hookimpl(tryfirst=True)  # before -m selects on the markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        browser = needs_browser(Path(item.path).resolve())
        item.add_marker(pytest.mark.browser if browser else pytest.mark.unit)


@pytest.fixture(scope="session")
def data() -> WoonvisieData:
    return load_data()


@pytest.fixture
def a() -> Assumptions:
    return DEFAULTS


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of the data package to corrupt."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
