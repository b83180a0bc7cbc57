"""What the page says and offers, without a browser (issue 18, items 6–8): the charts' toolbar
config, tooltips that are never None (shown as "null"), counts in the singular and plural, a
shortfall that follows its sign, Tabel 1's subtotal, yes/no rows in Vergelijken, and the
share link after a refused link. The page itself: tests/test_page_hygiene_browser.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets as W
import plotly
import pytest

from woonlib.data import WoonvisieData
from woonlib.data.monitor import MonitorError, MonitorProblem
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.core import outflow
from woonlib.report.charts import MODEBAR_BUTTONS, MODEBAR_NL, plotly_config
from woonlib.report.labels import fmt_count, label, signed_item, using
from woonlib.report.memo import charts_section
from woonlib.scenario.state import ScenarioState
from woonlib.ui import Dashboard
from woonlib.ui.browser import UploadButton
from woonlib.ui.compare import difference
from woonlib.ui.outflow import outflow_rows
from woonlib.ui.plotly_shared import SharedFigureWidget
from woonlib.ui.shared import walk
from woonlib.ui.tables import item_table

PACKAGE_DATA = Path(plotly.__file__).parent / "package_data"
# Buttons that send a chart, or link, to another host (plotly.js's modebar/buttons.js).
AWAY = {"sendChartToCloud", "editInChartStudio", "showLink"}


# --- the charts' toolbar (item 7) -------------------------------------------------------------


@pytest.mark.parametrize("bundle", ["widgetbundle.js", "plotly.min.js"])
def test_dutch_toolbar_strings_are_plotlys_own(bundle: str) -> None:
    """A key plotly.js does not print is never translated: "Download plot as a png" stayed
    English once plotly.js wrote "PNG". Both bundles (page and memo) print every key."""
    text = (PACKAGE_DATA / bundle).read_text(encoding="utf-8")
    missing = [key for key in MODEBAR_NL if f'"{key}"' not in text]
    assert missing == []


def test_every_button_of_the_toolbar_is_named_and_none_leaves_the_page() -> None:
    text = (PACKAGE_DATA / "widgetbundle.js").read_text(encoding="utf-8")
    names = [name for group in MODEBAR_BUTTONS for name in group]
    assert [n for n in names if not re.search(rf"\b\w\.{n}=\{{name:\"{n}\"", text)] == []
    assert AWAY.isdisjoint(names)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_config_offers_no_upload_in_either_language(lang: str) -> None:
    with using(lang):
        config = plotly_config()
    assert config["showSendToCloud"] is False
    assert config["displaylogo"] is False
    assert config["modeBarButtons"] == MODEBAR_BUTTONS
    assert config.get("locale", "en-US") == ("nl" if lang == "nl" else "en-US")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_memo_charts_have_the_pages_config(data: WoonvisieData, lang: str) -> None:
    with using(lang):
        html = charts_section(data, DEFAULTS)
    configs = [json.loads(m) for m in re.findall(r"(\{\"displaylogo\".*?\})\s*\)", html)]
    assert len(configs) == 7
    with using(lang):
        expected = {**plotly_config(), "responsive": False}
    expected.pop("plotlyServerURL")  # plotly.py leaves it out when nothing is sent
    assert all(c == expected for c in configs)
    assert "plotly.com" not in html


def test_every_chart_of_the_page_has_the_config(data: WoonvisieData) -> None:
    for lang in ("nl", "en"):
        dash = Dashboard(data, state=ScenarioState(lang=lang))
        assert len(dash.panels) == 9  # every tab built
        figures = [w for w in walk(dash) if isinstance(w, SharedFigureWidget)]
        assert len(figures) >= 14
        with using(lang):
            assert all(f._config == plotly_config() for f in figures)


# --- no "null" tooltips (item 8) --------------------------------------------------------------


def test_no_widget_has_a_none_tooltip(data: WoonvisieData) -> None:
    """ipywidgets 8 writes a label's tooltip into its title as is: None shows "null" on hover
    (a slider's label, an HTML widget's label, the upload buttons)."""
    dash = Dashboard(data)
    assert len(dash.panels) == 9  # every tab built
    kinds = (W.widgets.widget_description.DescriptionWidget, UploadButton, W.ToggleButton)
    bad = [
        f"{type(w).__name__} {getattr(w, 'description', '')!r}"
        for w in walk(dash)
        if isinstance(w, kinds) and w.tooltip is None
    ]
    assert bad == []
    # The slider labels say what they are, also when the label is cut off.
    slider = dash.panels[1].controls["ambition_homes"].slider
    assert slider.tooltip == slider.description == "Ambitie (woningen)"


# --- wording (item 6) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "lang", "text"),
    [
        (1, "nl", "1 probleem"),
        (2, "nl", "2 problemen"),
        (0, "nl", "0 problemen"),
        (1200, "nl", "1.200 problemen"),
        (1, "en", "1 problem"),
        (3, "en", "3 problems"),
    ],
)
def test_counts_in_singular_and_plural(count: int, lang: str, text: str) -> None:
    with using(lang):
        assert fmt_count(count, "problem") == text


def test_no_slash_plurals_in_the_catalogue() -> None:
    from woonlib.report.labels import LABELS

    found = [
        (k, lang, v)
        for k, entry in LABELS.items()
        for lang, v in entry.items()
        if re.search(r"\w\(s\)|probleem/problemen|\b(\w+)/\1en\b", v)
    ]
    assert found == []


def test_monitor_error_counts_one_problem() -> None:
    exc = MonitorError([MonitorProblem("x.csv", "value_number", "not a number", row=2)])
    assert "(1 problem)" in str(exc)


def test_surplus_is_named_a_surplus_and_shown_positive() -> None:
    assert signed_item("build_shortfall", -2150) == ("build_surplus", 2150)
    assert signed_item("build_shortfall", 300) == ("build_shortfall", 300)
    with using("nl"):
        html = item_table("t", [("build_shortfall", -2150.0, "homes")])
    assert "Overschot op ambitie" in html and "2.150" in html
    assert "Achterstand" not in html and "−" not in html and "-2" not in html
    with using("en"):
        html = item_table("t", [("build_shortfall", -2150.0, "homes")])
    assert "Surplus over ambition" in html and "2,150" in html


def test_outflow_subtotal_reads_as_waarvan() -> None:
    """Tabel 1 (lines 2830–2847): 135 + 132 + 13 = 280; 57, 15, NB and 60 are "waarvan" the
    132, so the rows that are not "waarvan" add up to the total."""
    with using("nl"):
        rows = outflow_rows(outflow(DEFAULTS, care_homes=0.0))
    names = [r[0][0] for r in rows]
    values = [float(r[1][0]) for r in rows]
    assert names == [
        "Urgenten (medisch/sociaal)",
        "Uitstroom instellingen (subtotaal)",
        "waarvan beschermd wonen (BW)",
        "waarvan detentie",
        "waarvan jeugdzorg",
        "waarvan maatschappelijke opvang (MO)",
        "Overige groepen",
        "Totaal",
    ]
    assert values == [135, 132, 57, 15, 0, 60, 13, 280]
    parts = [v for n, v in zip(names, values, strict=True) if not n.startswith("waarvan")]
    assert sum(parts[:-1]) == parts[-1] == 280
    subtotal = [v for n, v in zip(names, values, strict=True) if n.startswith("waarvan")]
    assert sum(subtotal) == 132
    assert rows[4][2][0] == "onbekend"
    with using("en"):
        en = [r[0][0] for r in outflow_rows(outflow(DEFAULTS, care_homes=0.0))]
    assert en[1] == "Outflow from institutions (subtotal)" and en[2] == "of which protected living"


def test_yes_no_row_says_same_or_different() -> None:
    with using("nl"):
        assert difference(True, True, "bool") == "gelijk"
        assert difference(True, False, "bool") == "anders"
    with using("en"):
        assert difference(False, True, "bool") == "different"
    with using("nl"):
        assert difference(9300.0, 9300.0, "homes") == "0"
        assert difference(9300.0, 10000.0, "homes") == "+700"
        assert difference(0.7, 0.65, "fraction") == "−5,0%"


def test_compare_table_has_no_number_on_a_yes_no_row(data: WoonvisieData) -> None:
    dash = Dashboard(data)
    panel = dash.panels[7]
    html = panel.table.value
    row = next(r for r in html.split("<tr") if label("affordable_target_met", "nl") in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
    assert cells[-1].strip() == "gelijk", cells


def test_share_link_after_a_refused_link_holds_only_what_applied(data: WoonvisieData) -> None:
    """`?ambition_homes=abc` applies nothing: the scenario stays the Woonvisie, so `query`
    does not change; the page is told the link was read and shows the clean link."""
    dash = Dashboard(data)
    link = dash.bar.link
    before = link.link_read
    notes = dash.open_link("ambition_homes=abc&build_rate=1200")
    assert [n.name for n in notes] == ["ambition_homes"]
    assert link.query == "build_rate=1200"
    assert link.link_read == before + 1
    dash2 = Dashboard(data)
    dash2.open_link("ambition_homes=abc")
    assert dash2.bar.link.query == "" and dash2.bar.link.link_read == 1
