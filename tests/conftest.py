"""Shared fixtures (the real data package, a corrupted copy, the example monitor, a
dashboard) and the test layers: every test is marked `unit` or `browser` (tests/markers.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers import MONITOR_EXAMPLE
from tests.markers import needs_browser
from tests.postgres import Cluster, remove, start_cluster
from woonlib.data import WoonvisieData, default_data_dir, load_data
from woonlib.data.monitor import Monitor, load_monitor
from woonlib.model.assumptions import DEFAULTS, Assumptions

if TYPE_CHECKING:
    from woonlib.ui import Dashboard

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


@pytest.fixture(scope="session")
def monitor_example(data: WoonvisieData) -> Monitor:
    """The fictional example monitor (tests/fixtures/monitor-voorbeeld-fictief.csv)."""
    return load_monitor(MONITOR_EXAMPLE, data["targets"])


@pytest.fixture
def dash(data: WoonvisieData) -> Dashboard:
    """A fresh dashboard on the real data, Dutch."""
    from woonlib.ui import Dashboard  # imported on use: browser-only runs need no widgets here

    return Dashboard(data)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """A PostgreSQL server of the tests' own (tests/postgres.py), for the whole session."""
    cluster = start_cluster()
    yield cluster
    remove(cluster)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store on each backend: an SQLite file, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "scenarios.sqlite")
    cluster: Cluster = request.getfixturevalue("postgres")
    return cluster.new_database()
