"""A saved scenario opened by the page's link (``?scenario=NAME@VERSION``), in Python: it
reads whether or not writing is enabled, the link's assumptions apply over it, and a store
that cannot be read gives a short message while the page works on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.store import scenarios
from woonlib.store.database import open_store, shared_store
from woonlib.store.errors import StoreError
from woonlib.ui import Dashboard

GROWTH = DEFAULTS.replace(ambition_homes=10_000, build_rate=1200)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "scenarios.sqlite"
    monkeypatch.setenv("WOONLIB_DB", str(path))
    monkeypatch.delenv("WOONLIB_STORE_WRITE", raising=False)
    store = open_store(str(path))
    scenarios.save(store, "Groei 2032", "Anna", "<b>voor de raad</b>", GROWTH)
    scenarios.save(store, "Groei 2032", "Anna", "", GROWTH.replace(build_rate=1400))
    store.close()
    return path


def status(dash: Dashboard) -> str:
    return str(dash.status.value)


def test_a_link_opens_a_saved_version_with_writing_off(data: WoonvisieData, db: Path) -> None:
    dash = Dashboard(data)
    notes = dash.open_link("scenario=Groei+2032%401")
    assert notes == []
    assert dash.assumptions == GROWTH
    assert "Gedeeld scenario geopend: Groei 2032, versie 1" in status(dash)
    assert 'role="status"' in status(dash)
    assert dash.controls["ambition_homes"].value == 10_000


def test_the_links_assumptions_apply_over_the_latest_version(data: WoonvisieData, db: Path) -> None:
    dash = Dashboard(data)
    dash.open_link("scenario=Groei 2032&target_year=2031&bogus=1")
    assert dash.assumptions == GROWTH.replace(build_rate=1400, target_year=2031)
    assert "versie 2" in status(dash) and "bogus" in status(dash)


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ("scenario=Onbekend", "er is geen opgeslagen scenario met deze naam of versie"),
        ("scenario=Groei 2032@9", "er is geen opgeslagen scenario met deze naam of versie"),
        ("scenario=<script>", "de naam of de versie is niet geldig"),
        ("scenario=" + "x" * 500, "de naam of de versie is niet geldig"),
    ],
)
def test_a_scenario_the_store_does_not_hold_is_said_and_the_page_works_on(
    data: WoonvisieData, db: Path, link: str, problem: str
) -> None:
    dash = Dashboard(data)
    dash.open_link(link + "&build_rate=1100")
    assert dash.assumptions == DEFAULTS.replace(build_rate=1100)
    assert f"Gedeeld scenario niet geopend: {problem}" in status(dash)
    assert dash.apply({"ambition_homes": 9000})


def test_a_damaged_store_is_said_and_the_page_works_on(
    data: WoonvisieData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"geen database" * 500)
    monkeypatch.setenv("WOONLIB_DB", str(bad))
    dash = Dashboard(data)
    dash.open_link("scenario=Groei")
    assert "de scenariobank is beschadigd" in status(dash)
    assert 'role="alert"' in status(dash)
    assert str(bad) not in status(dash)  # the path is for the log, not the page
    assert dash.apply({"ambition_homes": 9000})
    assert dash.assumptions.ambition_homes == 9000


def test_the_page_may_write_only_when_the_server_enables_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(StoreError, match="WOONLIB_STORE_WRITE=1") as caught:
        shared_store(write=True)
    assert caught.value.kind == "read_only"
    assert shared_store().url.database == str(db)  # reading is fine
    monkeypatch.setenv("WOONLIB_STORE_WRITE", "1")
    assert shared_store(write=True) is shared_store()


def test_a_page_that_does_not_use_the_store_does_not_import_it() -> None:
    """SQLAlchemy costs a cold kernel most of a second: only a page that uses the store
    (a link to a saved scenario or workshop, the Scenariobank opened) imports it."""
    code = (
        "import sys; from woonlib.ui import build_dashboard; d = build_dashboard(); "
        "d.open_link('build_rate=1100'); print(sorted(m for m in sys.modules "
        "if m.startswith(('sqlalchemy', 'woonlib.store', 'psycopg'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert done.stdout.strip() == "[]"
