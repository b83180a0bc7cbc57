"""Shared fixtures: the real data package, and corrupted copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from woonlib.data import WoonvisieData, default_data_dir, load_data
from woonlib.model.assumptions import DEFAULTS, Assumptions

DATA_DIR = default_data_dir()


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
