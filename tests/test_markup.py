"""One table template and one CSS file for the page and the memo; text is escaped."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.indicators import policy_checks
from woonlib.report import markup
from woonlib.report.labels import LABELS, using
from woonlib.report.memo import checks_section, scenario_memo
from woonlib.ui.tables import html_table, item_table, page_style_html

HOSTILE = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
TABLE = re.compile(  # the one table's markup
    r'<table class="wl-table">(<caption>[^<]*</caption>)?<thead><tr>(<th scope="col">[^<]*</th>)+'
    r"</tr></thead><tbody>(<tr>(<td( class=\"num\")?>.*?</td>)+</tr>)*</tbody></table>"
)


@pytest.fixture
def macro_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Every call of the table macro, recorded."""
    calls: list[tuple[Any, ...]] = []
    macros = markup._macros()

    class Spy:
        status = macros.status

        @staticmethod
        def table(*args: Any) -> str:
            calls.append(args)
            return str(macros.table(*args))

    monkeypatch.setattr(markup, "_macros", Spy)
    return calls


def test_page_and_memo_tables_are_one_macro(
    data: WoonvisieData, macro_calls: list[tuple[Any, ...]]
) -> None:
    memo = scenario_memo(data, DEFAULTS, today=datetime.date(2025, 5, 7))
    memo_tables = memo.count("<table")
    assert memo_tables == len(macro_calls) >= 5  # every memo table comes from the macro
    page = item_table("Kerncijfers", [("ambition_homes", 9300, "homes")])
    assert len(macro_calls) == memo_tables + 1
    for out in (page, checks_section(data, DEFAULTS)):
        assert TABLE.fullmatch(out), out
    assert all(TABLE.fullmatch(t) for t in re.findall(r"<table.*?</table>", memo, re.S))


def test_same_rows_same_markup() -> None:
    """A page table and the macro called as the memo calls it give the same HTML."""
    headers = ["Onderdeel", "Waarde"]
    page = html_table("Titel", headers, [[("Ambitie", "text"), (9300, "homes")]])
    memo_style = markup.table("Titel", headers, [[("Ambitie", False), ("9.300", True)]])
    expected = (
        '<table class="wl-table"><caption>Titel</caption><thead><tr><th scope="col">Onderdeel'
        '</th><th scope="col">Waarde</th></tr></thead><tbody><tr><td>Ambitie</td>'
        '<td class="num">9.300</td></tr></tbody></table>'
    )
    assert page == str(memo_style) == expected


def test_no_caption_element_without_a_caption() -> None:
    assert "<caption>" not in markup.table(None, ["a"], [[("b", False)]])


def test_hostile_caption_header_and_cells_are_escaped() -> None:
    page = html_table(HOSTILE, [HOSTILE], [[(HOSTILE, "text")], [("x'\"&", "text")]])
    memo = str(markup.table(HOSTILE, [HOSTILE], [[(HOSTILE, False)]]))
    for out in (page, memo):
        assert "<img" not in out
        assert out.count(ESCAPED) == 3  # caption, header, cell
    assert "<td>x&#x27;&quot;&amp;</td>" in page  # as html.escape writes them


def test_hostile_check_label_is_escaped_and_the_status_kept(
    data: WoonvisieData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(LABELS["check_norm_split"], "nl", HOSTILE)
    out = checks_section(data, DEFAULTS)
    assert "<img" not in out and f"<td>{ESCAPED}</td>" in out
    statuses = set(policy_checks(data, DEFAULTS)["status"])
    for state in statuses:
        assert f'<span class="wl-status-{state}">{markup.SYMBOLS[state]} ' in out


def test_page_css_is_one_block_sent_once(data: WoonvisieData) -> None:
    """The design system (tokens, components) first, then the page's own rules, in one block."""
    page_css = markup.page_css()
    assert page_css == markup.css("design.css") + markup.css("page.css")
    assert page_css.index("--wl-action:") < page_css.index(".wl-table{")
    block = page_style_html()
    assert block == f"<style>{page_css}</style>"
    assert block.count("<style>") == 1 and ".wl-table{" in page_css and ".wl-note{" in page_css
    memo = scenario_memo(data, DEFAULTS, today=datetime.date(2025, 5, 7))
    assert memo.count(page_css) == 1 and markup.css("memo.css") in memo
    assert "<style" not in html_table("c", ["h"], [[("v", "text")]])  # tables carry no CSS


def test_overview_checks_are_the_macro_with_lights_styled_by_the_page_css(
    data: WoonvisieData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Overzicht's check rows: one row per check with its status class and data-check, the
    light a CSS class (no inline style), a hostile label escaped."""
    from woonlib.model.outcome import outcome

    monkeypatch.setitem(LABELS["check_norm_split"], "nl", HOSTILE)
    o = outcome(data, DEFAULTS)
    with using("nl"):
        out = str(markup.check_table(o.checks))
    assert "<img" not in out and f"<b>{ESCAPED}</b>" in out and "style=" not in out
    rows = re.findall(r'<tr class="wl-check wl-check-(\w+)" data-check="(\w+)">', out)
    assert rows == [(c.status, c.check) for c in o.checks]
    for c in o.checks:
        assert (
            f'<span class="wl-light wl-light-{c.status}">{markup.SYMBOLS[c.status]}</span>' in out
        )
    page_css = markup.page_css()
    for state, colour in (("ok", "#00734d"), ("fail", "#b34700"), ("info", "#5f5f5f")):
        assert f".wl-light-{state}{{background:var(--wl-{state})}}" in page_css
        assert f"--wl-{state}:{colour};" in page_css  # white on it >= 4.5:1 (docs/design.md)
    assert ".wl-light{display:inline-block;width:22px;height:22px;border-radius:11px;" in page_css
