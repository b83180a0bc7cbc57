"""HTML tables for the dashboard, formatted through the label catalogue (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from woonlib.report.labels import fmt_value, label

Cell = tuple[object, str]  # (value, unit) — unit "text" for text, "label" for a catalogue key

STYLE = (
    "<style>.wl-table{border-collapse:collapse;font-size:13px;margin:4px 0 12px}"
    ".wl-table th,.wl-table td{padding:3px 10px;border-bottom:1px solid #ddd}"
    ".wl-table td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".wl-table caption{text-align:left;font-weight:600;padding:4px 0}"
    ".wl-note{color:#6a4a00;background:#fff6dd;padding:6px 10px;border-left:4px solid #E69F00;"
    "margin:4px 0;font-size:13px}</style>"
)


def cell_text(value: object, unit: str, lang: str) -> str:
    if unit == "text":
        return escape(str(value))
    if unit == "label":
        return escape(label(str(value), lang))
    return escape(fmt_value(value, unit, lang))


def html_table(
    caption: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]], lang: str = "nl"
) -> str:
    """A captioned table; numbers right-aligned and in the language's format."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for value, unit in row:
            css = "" if unit in ("text", "label") else ' class="num"'
            cells.append(f"<td{css}>{cell_text(value, unit, lang)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table class="wl-table"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def item_table(caption: str, items: Sequence[tuple[str, float, str]], lang: str = "nl") -> str:
    """A two-column table of (label key, value, unit) items."""
    rows = [[(key, "label"), (val, unit)] for key, val, unit in items]
    return html_table(caption, [label("item", lang), label("value", lang)], rows, lang)
