"""HTML tables for the dashboard, formatted through the label catalogue (pure).

Thin wrappers over `woonlib.report.markup`: the page and the memo share one table template
and one CSS file.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from html import escape

from markupsafe import Markup

from woonlib.report import markup
from woonlib.report.labels import current_lang, fmt_value, label, signed_item

Cell = tuple[object, str]  # (value, unit) — unit "text" for text (Markup passes as it is),
# "label" for a catalogue key


def page_style_html() -> str:
    """The page's one `<style>` block (`markup.page_css`: design.css, page.css): send it once."""
    return f"<style>{markup.page_css()}</style>"


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
    """A captioned table; numbers right-aligned and in the language's format.

    Made once per content and language: a slider move changes a few tables' figures, and the
    rest of the page's tables come back the same (cells keyed with their type, so Markup and
    the same plain text, or 1 and True, are never mixed up).
    """
    key = tuple(tuple((type(v), v, unit) for v, unit in row) for row in rows)
    return _html_table(current_lang(), caption, tuple(headers), key)


@lru_cache(maxsize=256)
def _html_table(
    lang: str,
    caption: str,
    headers: tuple[str, ...],
    rows: tuple[tuple[tuple[type, object, str], ...], ...],
) -> str:
    cells = [[_cell(lang, kind, value, unit) for kind, value, unit in row] for row in rows]
    return str(markup.table(caption, headers, cells))


@lru_cache(maxsize=8192)  # a changed table still repeats most of its cells
def _cell(lang: str, _kind: type, value: object, unit: str) -> tuple[Markup, bool]:
    """A cell's (text, numeric) in `lang` (the active language: the key, not the format)."""
    return cell_text(value, unit), unit not in ("text", "label")


def item_table(caption: str, items: Sequence[tuple[str, float, str]]) -> str:
    """A two-column table of (label key, value, unit) items."""
    signed = [(*signed_item(key, val), unit) for key, val, unit in items]
    rows = [[(key, "label"), (val, unit)] for key, val, unit in signed]
    return html_table(caption, [label("item"), label("value")], rows)
