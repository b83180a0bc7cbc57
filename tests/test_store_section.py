"""The Scenariobank section of the scenario bar, driven headless: save, list, versions and
a restore as one undo step; a workshop with three participants and its median scenario;
writing off unless the server enables it."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
import pytest

from tests.test_scenario_bar import download
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS
from woonlib.store import scenarios, workshops
from woonlib.store.database import open_store
from woonlib.ui import Dashboard
from woonlib.ui.store_section import StoreSection


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "scenarios.sqlite"
    monkeypatch.setenv("WOONLIB_DB", str(path))
    monkeypatch.setenv("WOONLIB_STORE_WRITE", "1")
    return path


def section(dash: Dashboard) -> StoreSection:
    dash.bar.store_box.selected_index = 0  # opened as a reader does
    assert dash.bar.store_section is not None
    return dash.bar.store_section


def test_writing_is_off_unless_the_server_enables_it(
    data: WoonvisieData, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WOONLIB_STORE_WRITE")
    s = section(Dashboard(data))
    for key in ("save", "submit", "workshop_open"):
        assert s.buttons[key].disabled
        assert "alleen gelezen" in s.buttons[key].tooltip
    assert not s.buttons["open"].disabled


def test_save_list_versions_and_restore_as_one_undo_step(data: WoonvisieData, db: Path) -> None:
    dash = Dashboard(data)
    s = section(dash)
    dash.apply({"ambition_homes": 10_000})
    s.name.value, s.author.value, s.note.value = "Groei", "Anna", "<b>voor de raad</b>"
    s.buttons["save"].click()
    assert "Opgeslagen als Groei, versie 1" in dash.status.value
    dash.apply({"build_rate": 1200})
    s.buttons["save"].click()
    assert "versie 2" in dash.status.value
    assert s.saved.options == (("Groei (v2, Anna)", "Groei"),)
    s.saved.value = "Groei"
    assert "&lt;b&gt;voor de raad&lt;/b&gt;" in s.versions_list.value  # shown escaped
    assert "<b>voor" not in s.versions_list.value
    assert "Bouwtempo: 1.000 → 1.200" in s.versions_list.value
    assert s.version.value == 2  # the latest, until another is chosen
    dash.apply({"ambition_homes": 5000})
    s.version.value = 1
    s.buttons["restore"].click()
    assert dash.assumptions == DEFAULTS.replace(ambition_homes=10_000)
    assert dash.undo()  # one step back: the scenario before the restore
    assert dash.assumptions.ambition_homes == 5000


def test_a_refused_name_is_said_and_nothing_is_stored(data: WoonvisieData, db: Path) -> None:
    dash = Dashboard(data)
    s = section(dash)
    s.name.value, s.author.value = "<script>x</script>", "Anna"
    s.buttons["save"].click()
    assert "naam: 1 tot 80 tekens" in dash.status.value
    assert scenarios.scenarios(open_store(str(db))) == []


def test_a_workshop_with_three_participants_and_its_median(data: WoonvisieData, db: Path) -> None:
    facilitator = Dashboard(data)
    f = section(facilitator)
    f.workshop_title.value, f.code.value = "Raad 12 mei", "raad"
    f.buttons["workshop_open"].click()
    assert "Werksessie RAAD geopend" in facilitator.status.value
    assert f.ticker.every_ms == 1500  # the view follows new submissions
    settings = [
        {
            "build_rate": 800,
            "share_social_rent": 0.4,
            "share_mid_priced": 0.3,
            "share_expensive": 0.3,
        },
        {
            "build_rate": 1200,
            "share_social_rent": 0.2,
            "share_mid_priced": 0.5,
            "share_expensive": 0.3,
        },
        {
            "build_rate": 1500,
            "share_social_rent": 0.5,
            "share_mid_priced": 0.4,
            "share_expensive": 0.1,
        },
    ]
    for i, changes in enumerate(settings):
        participant = Dashboard(data)
        participant.open_link("workshop=RAAD")
        p = section(participant)
        assert p.code.value == "RAAD"
        assert "Werksessie Raad 12 mei" in participant.status.value
        participant.apply(changes)
        p.participant.value = f"Deelnemer {i + 1}"
        p.buttons["submit"].click()
        assert "Ingediend" in participant.status.value
    f._follow()  # what the page's ticker asks for every 1,5 s
    view = f.spread_view.value
    assert view.count("<circle") >= 3 and "Deelnemer 3" in view
    assert "Bouwtempo" in view
    name, mime, workbook = download(f.excel)
    assert name == "werksessie-RAAD.xlsx" and mime.endswith("spreadsheetml.sheet")
    sheets = pd.read_excel(io.BytesIO(workbook), sheet_name=None)
    assert list(sheets) == ["Spreiding", "Uitkomsten"]
    assert sheets["Spreiding"].iloc[0, :8].tolist() == [
        "Bouwtempo",
        3,
        3,
        800,
        1000,
        1200,
        1350,
        1500,
    ]
    assert sheets["Uitkomsten"]["Deelnemer"].tolist() == [
        "Deelnemer 1",
        "Deelnemer 2",
        "Deelnemer 3",
    ]
    f.buttons["median"].click()
    m = facilitator.assumptions
    assert m.build_rate == 1200
    shares = [getattr(m, k) for k in SHARE_FIELDS]  # medians 40/40/30 = 110%, rescaled
    assert math.isclose(sum(shares), 1.0)
    assert [round(x * 100) for x in shares] == [37, 36, 27]  # largest remainder: a tie, the first
    assert len(workshops.submitted(open_store(str(db)), "RAAD")) == 3


def test_an_unknown_workshop_link_is_said(data: WoonvisieData, db: Path) -> None:
    dash = Dashboard(data)
    dash.open_link("workshop=NOPE&build_rate=1100")
    assert "er is geen werksessie met deze code" in dash.status.value
    assert dash.assumptions.build_rate == 1100
