"""The scenario memo: changed assumptions, indicators, checks, charts, notes; offline; escaped."""

from __future__ import annotations

import dataclasses
import datetime
import re
from html import escape

import pytest
from plotly.offline import get_plotlyjs

from tests.helpers import memo_page
from woonlib.data import DataNote, WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.model.indicators import indicators, policy_checks
from woonlib.model.presets import preset
from woonlib.model.registry import unit_of
from woonlib.refs import Ref
from woonlib.report.labels import LABELS, check_texts, fmt_quantity, fmt_source, label, using
from woonlib.report.memo import (
    display,
    memo_figures,
    progress_figures,
    scenario_memo,
)

DAY = datetime.date(2025, 5, 7)
SCENARIO = DEFAULTS.replace(ambition_homes=10000, share_social_rent=0.35, share_mid_priced=0.35)
PLOTLYJS = get_plotlyjs()


@pytest.fixture(scope="module")
def memo_nl(data: WoonvisieData) -> str:
    return scenario_memo(data, SCENARIO, today=DAY)


@pytest.fixture(scope="module")
def memo_en(data: WoonvisieData) -> str:
    return scenario_memo(data, SCENARIO, lang="en", today=DAY)


def visible_text(memo: str) -> str:
    """What a reader sees: scripts, styles and tags removed."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", memo_page(memo), flags=re.S)
    return re.sub(r"<[^>]+>", " ", text)


def row_of(memo: str, first_cell: str) -> str:
    match = re.search(rf"<tr><td>{re.escape(first_cell)}</td>.*?</tr>", memo_page(memo))
    assert match, first_cell
    return match.group(0)


def test_display_is_the_one_formatter_with_a_dash_for_no_value() -> None:
    """The memo formats through `labels.fmt_quantity`; only a missing value is its own."""
    assert display(9300, "homes") == fmt_quantity(9300, "homes") == "9.300 woningen"
    assert display(0.3, "fraction") == "30,0%" and display(3, "years") == "3 jaar"
    for missing in (None, float("nan"), float("inf")):
        assert display(missing, "homes") == "–"


def test_title_date_and_language(memo_nl: str, memo_en: str) -> None:
    assert memo_nl.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in memo_nl and '<html lang="en">' in memo_en
    assert "<title>Scenario-notitie Woonvisie Enschede 2024</title>" in memo_nl
    assert "Datum: 7 mei 2025" in memo_nl
    assert "Date: 7 May 2025" in memo_en


def test_changed_assumptions_with_woonvisie_value_and_source(memo_nl: str) -> None:
    row = row_of(memo_nl, "Ambitie")
    assert '<td class="num">10.000 woningen</td><td class="num">9.300 woningen</td>' in row
    with using("nl"):
        assert escape(fmt_source(SPECS["ambition_homes"].source)) in row
    assert "regel 589" in row
    shares = row_of(memo_nl, "Aandeel sociale huur")
    assert "35,0%" in shares and "30,0%" in shares
    assert "35,0%" in row_of(memo_nl, "Aandeel middelduur")
    assert "Aandeel duur" not in visible_text(memo_nl).split("Kerncijfers")[0]  # not changed
    assert label("memo_none_changed") not in memo_nl


def test_no_changes_says_so(data: WoonvisieData) -> None:
    memo = scenario_memo(data, DEFAULTS, today=DAY)
    assert "Geen: alle aannames zijn die van de Woonvisie 2024." in memo
    assert "Voorinstelling:</b> Woonvisie 2024" in memo


def test_preset_is_named(data: WoonvisieData) -> None:
    memo = scenario_memo(data, preset("groei_9300"), today=DAY)
    assert "Groeiscenario 9.300" in memo
    assert escape(LABELS["preset_note_groei_9300"]["nl"]) in memo
    assert "22,5%" in row_of(memo, "Aandeel sociale huur")  # 2090/9300
    assert "Voorinstelling" not in scenario_memo(data, SCENARIO, today=DAY)


def test_indicators_in_dutch_format(memo_nl: str, data: WoonvisieData) -> None:
    text = memo_page(memo_nl)
    assert '<td>Benodigde plancapaciteit</td><td class="num">13.000 woningen</td>' in text
    # 10,000 / 9 = 1,111.1 a year: 1.111 would not reach the ambition, so rounded up
    rate = "Benodigd bouwtempo, gemiddeld over alle bouwjaren"
    assert f'<td>{rate}</td><td class="num">1.112 woningen per jaar</td>' in text
    net, gross = "netto na sloop (Figuur 5)", "nieuwbouw (bruto, bijlage 5.3)"
    assert f'<td>Betaalbaar aandeel {net}</td><td class="num">67,9%</td>' in text
    assert f'<td>Betaalbaar aandeel {gross}</td><td class="num">72,7%</td>' in text
    for key, val in indicators(data, SCENARIO).items():
        if key == "data_notes":
            continue
        if isinstance(val, dict):
            for part, v in val.items():
                cell = escape(display(v, unit_of(key)))
                assert f"<td>{escape(label(key))}: {escape(label(part))}</td>" in text
                assert cell in text, (key, part)
        else:
            assert f"<td>{escape(label(key))}</td>" in text, key
            assert escape(display(val, unit_of(key))) in text, key


def test_every_policy_check_with_status_and_explanation(memo_nl: str, data: WoonvisieData) -> None:
    for check in policy_checks(data, SCENARIO).itertuples():
        title, status, explain = check_texts(check)
        row = row_of(memo_nl, escape(title))
        assert status in row
        assert escape(explain) in row
        if check.norm == "woonvisie":  # every light names its norm and line
            assert f"regels {check.source.lines_text()}" in explain


def test_every_data_note(memo_nl: str, memo_en: str, data: WoonvisieData) -> None:
    assert data.notes
    for note in data.notes:
        assert escape(note.text_nl) in memo_nl, note.id
        assert escape(note.text) in memo_en, note.id


def test_charts_embedded_and_plotlyjs_once(memo_nl: str, data: WoonvisieData) -> None:
    figures = {**memo_figures(data, SCENARIO), **progress_figures(data, SCENARIO)}
    assert memo_nl.count("Plotly.newPlot(") == len(figures) >= 6
    assert "fan" in figures and "realised" not in figures  # realised: only with a monitor
    for name in figures:
        assert f'id="memo-chart-{name}"' in memo_nl
    head = memo_nl.partition(PLOTLYJS)[0]
    assert "<head>" in head and "memo-chart-" not in head  # plotly.js loads before the charts
    assert "@media print" in memo_nl and "@page" in memo_nl


def test_no_external_resources(memo_nl: str, memo_en: str) -> None:
    for memo in (memo_nl, memo_en):
        text = memo_page(memo)
        assert "http://" not in text and "https://" not in text
        assert not re.search(r"<(script|img|link|iframe)\b[^>]*\b(src|href)\s*=", memo, re.I)
        assert not re.search(r"\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", text, re.I)


def test_english_memo_has_english_labels_only(memo_en: str, data: WoonvisieData) -> None:
    text = visible_text(memo_en)
    assert "Scenario memo Woonvisie Enschede 2024" in text
    assert "Assumptions that differ from the Woonvisie" in text
    assert "Ambition" in text and "10,000 homes" in text and "9,300 homes" in text
    assert "13,000 homes" in text and "35.0%" in text
    used = [
        "memo_changed",
        "memo_in_scenario",
        "headline",
        "policy_checks",
        "memo_charts",
        "data_notes",
        "memo_footer",
        "ambition_homes",
        "share_social_rent",
        *[k for k in indicators(data, SCENARIO) if k != "data_notes"],
        *policy_checks(data, SCENARIO)["check"],
        *policy_checks(data, SCENARIO)["status"],
    ]
    for key in used:
        assert label(key, "en") in text, key
        if LABELS[key]["nl"] != LABELS[key]["en"]:
            assert LABELS[key]["nl"] not in text, key
    # no label key shows through as text
    for key in ("memo_", "check_", "explain_", "ambition_homes", "norm_split_homes"):
        assert key not in text, key
    # Dutch remains only where the source is quoted (SPECS sources, data notes)
    for dutch in ("Aannames", "Kerncijfers", "Beleidstoetsen", "Datanotities", "Toelichting"):
        assert dutch not in text, dutch


def test_english_charts_use_english_labels(memo_en: str) -> None:
    assert "Basis, ambition, programme and plan capacity" in memo_en
    assert "Basis, ambitie, programmering en plancapaciteit" not in memo_en


def test_data_note_text_is_escaped(data: WoonvisieData) -> None:
    evil = DataNote(
        id="evil",
        resource="<b>table</b>",
        text="2 < 3 & <script>alert('en')</script>",
        text_nl="2 < 3 & <img src=x onerror=alert('nl')>",
    )
    tampered = dataclasses.replace(data, notes=(*data.notes, evil))
    memo = scenario_memo(tampered, DEFAULTS, today=DAY)
    assert "2 &lt; 3 &amp; &lt;img src=x onerror=alert(&#x27;nl&#x27;)&gt;" in memo
    assert "&lt;b&gt;table&lt;/b&gt;" in memo
    assert "<img src=x" not in memo and "<b>table" not in memo
    memo_en = scenario_memo(tampered, DEFAULTS, lang="en", today=DAY)
    assert "&lt;script&gt;alert(&#x27;en&#x27;)&lt;/script&gt;" in memo_en
    assert "<script>alert" not in memo_en


def test_label_and_source_injection_is_escaped(
    data: WoonvisieData, monkeypatch: pytest.MonkeyPatch
) -> None:
    attack = "<img src=x onerror=alert(1)>Ambitie"
    monkeypatch.setitem(LABELS["ambition_homes"], "nl", attack)
    monkeypatch.setitem(LABELS["check_norm_split"], "nl", "</td><script>bad()</script>")
    attack_source = Ref(quote='"><script>src()</script>')
    spec = dataclasses.replace(SPECS["ambition_homes"], source=attack_source)
    monkeypatch.setitem(SPECS, "ambition_homes", spec)
    memo = scenario_memo(data, Assumptions(ambition_homes=10000), today=DAY)
    text = memo_page(memo)
    assert "<img src=x" not in text
    assert "<script>bad()" not in text and "<script>src()" not in text
    assert escape(attack) in text
    assert "&lt;/td&gt;&lt;script&gt;bad()&lt;/script&gt;" in text
    assert "&quot;&gt;&lt;script&gt;src()&lt;/script&gt;" in text
    # the chart data carry the label JSON-escaped, never as markup
    assert "\\u003cimg src=x onerror=alert(1)\\u003eAmbitie" in text


def test_memo_is_deterministic_for_a_given_day(data: WoonvisieData, memo_nl: str) -> None:
    assert scenario_memo(data, SCENARIO, today=DAY) == memo_nl
