"""A Dutch page is Dutch and an English page English: every text of the whole widget tree.

The walk opens every tab (a tab may be built or filled only when first opened), then reads
what a user can see or hear: widget descriptions, tooltips, placeholders, labels, tab and
accordion titles, options, HTML (text and title/aria-label attributes) and every chart's
titles, axis titles, tick texts, trace names, categories and hover templates. A page fails on
a word of the other language that has no place there; proper names and identifiers the page
must show are listed explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any

import ipywidgets as W
import plotly.graph_objects as go
import pytest

from woonlib.data import WoonvisieData
from woonlib.report.labels import LABELS
from woonlib.scenario.state import ScenarioState
from woonlib.ui import Dashboard
from woonlib.ui.shared import walk
from woonlib.ui.sources import SourcesPanel


def words(text: str) -> set[str]:
    return set(text.split())


# English words that no Dutch sentence uses (words both languages share, such as "in",
# "is", "of", "over", "per", "data", "plan", "norm", "link" or "type", are left out).
ENGLISH = words(
    """
    the and to from for with by at on an or as but not no yes true false one all every
    each this that these those which who where when there their its it be been are was were
    has have had will would can could should must only than then into after before between
    against under up down out line lines home homes household households share shares year
    years table tables figure figures appendix section footnote page source sources note notes
    total target range allowed default unit units value values change changes known unknown
    counts excludes gross demolition new build built rate plans planned programme
    ambition affordable expensive mid priced rent social elderly care outflow urgency urgent
    growth forecast forecasts published printed reading column row rows number numbers people
    living protected youth shelter detention other group groups zero step clustered suitable
    assumption assumptions indicators check checks warning failed compare
    current own save load history undo redo copy selected file printable chart charts
    split none sets stricter tolerance inhabitants age class classes background task
    period segments purchase stock
    """
)

# Dutch words that no English sentence uses ("met" is left out: a check is met).
DUTCH = words(
    """
    de het een en van tot regel regels woningen woning huishoudens jaar jaren tabel figuur
    bijlage voor naar niet zijn wordt worden ook bij uit aandeel totaal sociale huur
    ouderen zorg nieuwbouw programmering procent deze die dat als maar nog geen alle elke
    bron bronnen aanname aannames toegestaan standaard eenheid beschrijving doel doeljaar
    bouwtempo ambitie opslaan laden deel kopieer ongedaan opnieuw terug waarde
    geschikt uitstroom urgenten verschil reeks groep opmerking periode betaalbaar
    betaalbare middelduur duur koop sloop inwoners ja nee
    """
)

# Proper names and identifiers each page must show, taken out before the words are read.
SHOWN_ON_DUTCH_PAGE = (
    "English",  # the language switch names the other language in that language
    "stay-rate",  # the Woonvisie's own word (line 1617), quoted in the targets register
    "python -m woonlib",  # the command line that reads a saved scenario
    "year, measure, value, unit, source, note",  # a monitor file's column names (its format)
)
SHOWN_ON_ENGLISH_PAGE = (
    "Nederlands",  # the language switch
    "Woonvisie Enschede 2024",  # the document's title
    "Woondeal Twente",
    "Stec Groep",  # the firm that edited the forecasts
    "Water- en Klimaatadaptatieplan",  # a plan of the municipality, named in the targets
)
QUOTED = re.compile(r"‘[^’]*’|(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"")  # the Woonvisie, as printed
TEMPLATE = re.compile(r"%\{[^}]*\}|<extra>|</extra>")  # plotly hover-template fields
TEXT_ATTRS = ("description", "tooltip", "placeholder", "label")
HTML_ATTRS = re.compile(r'(?:title|aria-label|alt|placeholder)="([^"]*)"')


def _html_texts(html: str) -> list[str]:
    """The visible text of an HTML fragment and its title/aria-label attributes."""
    body = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    attrs = [unescape(a) for a in HTML_ATTRS.findall(body)]
    return [unescape(re.sub(r"<[^>]+>", "\n", body)), *attrs]


def _figure_texts(node: Any, key: str = "") -> Iterator[str]:
    """Strings of a plotly figure's JSON that a reader sees (titles, names, categories)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "template":
                yield from _figure_texts(v, k)
    elif isinstance(node, list | tuple):
        for v in node:
            yield from _figure_texts(v, key)
    elif isinstance(node, str) and key in (
        "text",
        "name",
        "hovertemplate",
        "texttemplate",
        "ticktext",
        "x",
        "y",
        "labels",
        "hovertext",
    ):
        yield TEMPLATE.sub(" ", node)


def _widget_texts(widget: W.Widget) -> Iterator[str]:
    for attr in TEXT_ATTRS:
        value = getattr(widget, attr, None)
        if isinstance(value, str):
            yield value
    for name in widget.keys:  # e.g. the share link's copy_label, copied_label
        if name.endswith("_label") and isinstance(getattr(widget, name), str):
            yield getattr(widget, name)
    if isinstance(widget, W.HTML | W.Label | W.HTMLMath):
        yield from _html_texts(widget.value)
    yield from getattr(widget, "titles", ()) or ()
    yield from getattr(widget, "_options_labels", ()) or ()
    if isinstance(widget, go.FigureWidget):
        yield from _figure_texts(widget.to_plotly_json())


def page_texts(dash: Dashboard) -> list[str]:
    """Every text of the page, with every tab opened once (tabs may fill on first view)."""
    selected = dash.tabs.selected_index
    for index in range(len(dash.tabs.children)):
        dash.tabs.selected_index = index
    dash.tabs.selected_index = selected
    dash.flush()
    return [t for w in walk(dash) for t in _widget_texts(w) if t.strip()]


def foreign_words(texts: list[str], words: set[str], shown: tuple[str, ...], quotes: bool) -> dict:
    """Words of `words` found in `texts` -> the first text showing each (for the message)."""
    found: dict[str, str] = {}
    for line in (line for text in texts for line in text.splitlines()):
        clean = line
        for name in shown:
            clean = clean.replace(name, " ")
        if quotes:
            clean = QUOTED.sub(" ", clean)
        for word in re.findall(r"[\wÀ-ÿ]+", clean):  # identifiers (snake_case) are not words
            if word.lower() in words and "_" not in word:
                found.setdefault(word.lower(), line.strip()[:160])
    return found


@pytest.fixture
def nl(data: WoonvisieData) -> Dashboard:
    return Dashboard(data)


@pytest.fixture
def en(data: WoonvisieData) -> Dashboard:
    return Dashboard(data, state=ScenarioState(lang="en"))


def test_the_walk_reads_every_kind_of_text(nl: Dashboard) -> None:
    """The walk sees tab titles, help tooltips, table cells and chart texts (or it proves
    nothing): one of each, known to be on the Dutch page."""
    texts = page_texts(nl)
    assert "Bronnen" in texts  # a tab title
    assert any("regels 3091–3099" in t for t in texts)  # a help tooltip and a table cell
    assert "Woningen per segment: scenario tegen Figuur 5" in texts  # a chart title
    assert any(t.startswith("Terug naar Woonvisie:") for t in texts)  # a button tooltip


def test_dutch_page_has_no_english(nl: Dashboard) -> None:
    nl.apply({"ambition_homes": -1})  # the message for a value out of range, in the status line
    assert "0 tot 20.000 woningen" in nl.status.value
    found = foreign_words(page_texts(nl), ENGLISH, SHOWN_ON_DUTCH_PAGE, quotes=False)
    assert found == {}


def test_english_page_has_no_dutch(en: Dashboard) -> None:
    en.apply({"ambition_homes": -1})
    assert "0 to 20,000 homes" in en.status.value
    texts = page_texts(en)
    found = foreign_words(texts, DUTCH, SHOWN_ON_ENGLISH_PAGE, quotes=True)
    assert found == {}
    dutch_labels = {v["nl"] for v in LABELS.values() if v["nl"] != v["en"] and len(v["nl"]) > 3}
    assert sorted(dutch_labels & {t.strip() for t in texts}) == []


def test_the_word_lists_catch_the_other_language() -> None:
    """The check fails on a sentence of the wrong language, and passes proper names."""
    dutch = ["Woonvisie Enschede 2024, Tabel 2, regels 3091–3099", "English"]
    english = ["Woonvisie Enschede 2024, Table 2, lines 3091–3099", "Nederlands"]
    assert foreign_words(dutch, ENGLISH, SHOWN_ON_DUTCH_PAGE, quotes=False) == {}
    assert foreign_words(english, DUTCH, SHOWN_ON_ENGLISH_PAGE, quotes=True) == {}
    assert set(foreign_words(english, ENGLISH, SHOWN_ON_DUTCH_PAGE, quotes=False)) == {
        "table",
        "lines",
    }
    assert set(foreign_words(dutch, DUTCH, SHOWN_ON_ENGLISH_PAGE, quotes=True)) == {
        "tabel",
        "regels",
    }


def test_the_package_has_dutch_and_english_texts_for_the_page(data: WoonvisieData) -> None:
    """What the Bronnen tab shows of each table comes in both languages from the package."""
    for name, resource in data.resources.items():
        for field in ("title", "title_nl", "description", "description_nl"):
            assert str(resource.get(field, "")).strip(), (name, field)
        assert resource["title_nl"] != resource["title"], name
        for source in resource["sources"]:
            assert source.get("table") and source.get("table_en"), name


def test_sources_tab_in_each_language(nl: Dashboard, en: Dashboard) -> None:
    def html(dash: Dashboard) -> str:
        (panel,) = [p for p in dash.panels if isinstance(p, SourcesPanel)]
        return " ".join(w.value for w in walk(panel) if isinstance(w, W.HTML))

    dutch, english = html(nl), html(en)
    for text in ("0 tot 5.000 woningen", "regels 3091–3099", "Tabel 1, regels 2815–2847"):
        assert text in dutch, text
    assert "Ouderenhuishoudens (bijlage 5.4)</td>" in dutch
    assert "een van: CBS 2022, Primos 2021" in dutch and "procent" in dutch
    for text in ("0 to 5,000 homes", "lines 3091–3099", "Table 1, lines 2815–2847"):
        assert text in english, text
    assert "Elderly households (appendix 5.4)</td>" in english
