"""HTML tables for the dashboard, formatted through the label catalogue (pure).

Thin wrappers over `woonlib.report.markup`: the page and the memo share one table template
and one CSS file.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from woonlib.report import markup
from woonlib.report.labels import fmt_value, label, signed_item

Cell = tuple[object, str]  # (value, unit) — unit "text" for text (Markup passes as it is),
# "label" for a catalogue key


def page_style_html() -> str:
    """The page's one `<style>` block (`woonlib/report/templates/page.css`): send it once."""
    return f"<style>{markup.css('page.css')}</style>"


def cell_text(value: object, unit: str) -> Markup:
    """A cell's text in the language's format, escaped (Markup, e.g. a status, as it is)."""
    if unit == "text" and isinstance(value, Markup):
        return value
    if unit == "text":
        return Markup(escape(str(value)))
    if unit == "label":
        return Markup(escape(label(str(value))))
    return Markup(escape(fmt_value(value, unit)))


def html_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """A captioned table; numbers right-aligned and in the language's format."""
    cells = [
        [(cell_text(value, unit), unit not in ("text", "label")) for value, unit in row]
        for row in rows
    ]
    return str(markup.table(caption, headers, cells))


def item_table(caption: str, items: Sequence[tuple[str, float, str]]) -> str:
    """A two-column table of (label key, value, unit) items."""
    signed = [(*signed_item(key, val), unit) for key, val, unit in items]
    rows = [[(key, "label"), (val, unit)] for key, val, unit in signed]
    return html_table(caption, [label("item"), label("value")], rows)
