"""The served page is lean: few widget models at first render, none left behind by a
language switch, tabs built when first opened and then showing the current scenario."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ipywidgets as W
import plotly.graph_objects as go
import pytest
from ipywidgets.widgets.widget import _instances

from woonlib.data import WoonvisieData
from woonlib.model.presets import PRESETS
from woonlib.ui import Dashboard
from woonlib.ui.dashboard import PANELS
from woonlib.ui.shared import is_shared, walk
from woonlib.ui.sources import SourcesPanel

REPO_ROOT = Path(__file__).resolve().parents[1]
MAX_MODELS = 200  # issue 12, item 6: widget models at first render
# Numbers of the Woonvisie each tab shows in its text (tables, cards, notes), Dutch format.
NUMBERS = (
    ("9.300", "12.090", "72,7%", "67,9%", "1.266", "4.650", "280"),
    ("9.300", "3.525", "12.090", "8.315"),
    ("2.790", "3.720", "67,8%", "1.266"),
    ("4.650", "19.000", "26.000"),
    ("280", "2.520"),
    ("9.300", "regel 679", "te volgen", "12 maanden"),
    ("nog geen monitorgegevens", "36%", "1.034", "1.121"),
    ("9.300", "12.090", "70,0%"),
    ("Tabel 1", "Tabel 2", "Figuur 5", "regels 3091–3099", "0 tot 5.000 woningen"),
)
# The served page's first render in a fresh process, as in its kernel: every model alive.
FIRST_RENDER = """
from ipywidgets.widgets.widget import _instances
from woonlib.data import load_data
from woonlib.ui.dashboard import Dashboard
Dashboard(load_data(), lazy=True)
print(len(_instances))
"""


def models() -> set[int]:
    return {id(w) for w in list(_instances.values())}


def page_models(dash: Dashboard) -> set[int]:
    """The models the page shows: its widgets, their layouts and styles, plotly's bundle."""
    found: set[int] = set()
    for widget in walk(dash):
        found.add(id(widget))
        for part in ("layout", "style", "_bundle"):
            value = getattr(widget, part, None)
            if isinstance(value, W.Widget):
                found.add(id(value))
                if part == "_bundle":  # the bundle is a widget with a layout of its own
                    found.add(id(value.layout))
    return found


def text_of(widget: W.Widget) -> str:
    return " ".join(w.value for w in walk(widget) if isinstance(w, W.HTML))


@pytest.fixture
def lazy(data: WoonvisieData) -> Dashboard:
    return Dashboard(data, lazy=True)


def test_first_render_has_at_most_200_widget_models() -> None:
    run = subprocess.run(
        [sys.executable, "-c", FIRST_RENDER],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    count = int(run.stdout.split()[-1])
    assert count <= MAX_MODELS, f"{count} widget models at first render"


def test_first_render_builds_only_the_tab_in_view_and_orphans_nothing(
    data: WoonvisieData,
) -> None:
    before = models()
    dash = Dashboard(data, lazy=True)
    assert set(dash.built) == {0}
    assert dash.tabs.titles[0] == "Overzicht" and len(dash.tabs.titles) == len(PANELS)
    slots = dash.tabs.children
    assert slots[1].children[0] is slots[8].children[0]  # one placeholder for all
    assert set(dash.controls) == set()  # Overzicht has none
    new = models() - before
    orphans = new - page_models(dash)
    assert orphans == set(), [type(_instances_by_id(i)).__name__ for i in orphans]


def _instances_by_id(ident: int) -> W.Widget:
    return next(w for w in _instances.values() if id(w) == ident)


@pytest.mark.parametrize("index", range(len(PANELS)))
def test_every_tab_builds_on_selection_with_the_woonvisie_numbers(
    lazy: Dashboard, index: int
) -> None:
    lazy.tabs.selected_index = index
    assert index in lazy.built
    panel = lazy.built[index]
    assert lazy.tabs.children[index].children == (panel,) and isinstance(panel, PANELS[index])
    text = text_of(panel)
    missing = [n for n in NUMBERS[index] if n not in text]
    assert not missing, f"{lazy.tabs.titles[index]}: {missing} not shown"
    for fig in (w for w in walk(panel) if isinstance(w, go.FigureWidget)):
        assert fig._bundle is not None  # plotly.js comes from the page's one bundle
    assert lazy.status.value == ""


def test_a_tab_built_later_shows_the_scenario_of_then(lazy: Dashboard) -> None:
    lazy.apply({"ambition_homes": 10000, "build_rate": 1200})
    assert "10.000" in lazy.built[0].cards.value
    shares = {"social_rent": 0.35, "mid_priced": 0.35, "expensive": 0.30}
    lazy.set_scenario(lazy.assumptions.replace(**{f"share_{k}": v for k, v in shares.items()}))
    lazy.tabs.selected_index = 1
    programme = lazy.built[1]
    assert programme.fig_programme.data[0].y[1] == 10000  # type: ignore[attr-defined]
    # what a page that draws the chart now gets: the figure's synced state, not the defaults
    assert list(programme.fig_programme._widget_data[0]["y"])[1] == 10000  # type: ignore[attr-defined]
    assert lazy.controls["ambition_homes"].value == 10000
    assert lazy.controls["ambition_homes"].slider.value == 10000
    lazy.tabs.selected_index = 2
    assert lazy.segments.share_group.percents == {k: round(v * 100) for k, v in shares.items()}
    lazy.undo()  # the controls of tabs built since follow undo
    woonvisie = {"social_rent": 30, "mid_priced": 40, "expensive": 30}
    assert lazy.segments.share_group.percents == woonvisie
    lazy.undo()  # the first step (ambition and build rate) undone
    assert lazy.controls["ambition_homes"].value == 9300
    assert lazy.controls["build_rate"].value == 1000
    lazy.set_scenario(PRESETS["groei_9300"].assumptions)  # a preset reaches them too
    assert lazy.controls["build_rate"].value == PRESETS["groei_9300"].assumptions.build_rate


def test_language_switch_keeps_every_widget_model(lazy: Dashboard) -> None:
    lazy.tabs.selected_index = 1
    lazy.apply({"ambition_homes": 10000})
    count = len(_instances)
    before = list(walk(lazy))
    lazy.state.lang = "en"
    lazy.state.lang = "nl"
    assert list(walk(lazy)) == before  # relabelled in place: the same widgets, in order
    assert all(w.comm is not None for w in before)  # none closed, none made
    assert len(_instances) == count
    assert lazy.tabs.selected_index == 1 and set(lazy.built) == {0, 1}  # none built, none lost
    assert lazy.controls["ambition_homes"].value == 10000
    assert "10.000" in text_of(lazy.built[1])
    lazy.tabs.selected_index = 0  # the same tabs built as before: the same models
    assert len(_instances) == count


@pytest.mark.parametrize("lazy_page", [False, True])
def test_language_switch_with_every_tab_built_leaves_nothing(
    data: WoonvisieData, lazy_page: bool
) -> None:
    dash = Dashboard(data, lazy=lazy_page)
    dash.panels  # noqa: B018 (builds every tab)
    before = len(_instances)
    dash.state.lang = "en"
    assert set(dash.built) == set(range(len(PANELS)))  # relabelled, none closed
    dash.state.lang = "nl"
    dash.panels  # noqa: B018
    assert len(_instances) == before
    (sources,) = [p for p in dash.panels if isinstance(p, SourcesPanel)]
    assert "Bronnen" in dash.tabs.titles and "regels 3091–3099" in text_of(sources)


def test_shared_layouts_are_never_closed_by_closing_a_tree(lazy: Dashboard) -> None:
    lazy.tabs.selected_index = 1
    shared = [w.layout for w in walk(lazy) if is_shared(w.layout)]
    assert shared
    lazy.state.lang = "en"
    assert all(s.comm is not None for s in shared)


def test_the_tabs_children_never_change(lazy: Dashboard) -> None:
    """A tab is built into its own box: changing the Tab's children would make the page
    redraw every tab after it (and plotly's old views of those then break their updates)."""
    slots = lazy.tabs.children
    for index in (6, 5, 1):
        lazy.tabs.selected_index = index
    assert lazy.tabs.children == slots
    assert all(a is b for a, b in zip(lazy.tabs.children, slots, strict=True))


def test_page_css_is_one_widget_sent_once(lazy: Dashboard) -> None:
    styles = [w for w in walk(lazy) if isinstance(w, W.HTML) and "<style>" in w.value]
    assert styles == [lazy.page_css]
    for index in range(len(PANELS)):
        lazy.tabs.selected_index = index
    lazy.apply({"ambition_homes": 9500})
    styles = [w for w in walk(lazy) if isinstance(w, W.HTML) and "<style>" in w.value]
    assert styles == [lazy.page_css]


def test_one_plotly_bundle_for_every_chart(lazy: Dashboard) -> None:
    """Overzicht's headline chart brings plotly.js (5 MB) into the first render, once: every
    chart of every tab, and the page's own request once it is shown, get the same bundle."""
    from woonlib.ui import panel

    overview = lazy.host.panels[0]
    assert overview.chart._bundle is panel.page_bundle()
    lazy.tabs.selected_index = 1
    charts = [w for w in walk(lazy) if hasattr(w, "_bundle")]
    assert len(charts) > 1 and {id(c._bundle) for c in charts} == {id(panel.page_bundle())}
    made: list[object] = []
    lazy.page_a11y.when_opened(lambda: made.append(panel.page_bundle()))
    lazy.page_a11y._message(None, {"event": "opened"}, None)
    assert made and made[0] is panel.page_bundle()
    assert lazy.page_a11y.opened.is_set()
