"""HTML for the page and the memo from one template (`templates/table.html.j2`) and one CSS
file (`templates/page.css`), so a table or a check's outcome is written the same way in both.

Autoescape is on: text is escaped by the template; only `Markup` (safe HTML built here) is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

import jinja2
from markupsafe import Markup

from woonlib.model.indicators import Check
from woonlib.report.labels import check_texts

Cell = tuple[object, bool]  # (content, numeric): text is escaped, Markup is not
SYMBOLS = {"ok": "✔", "fail": "✖", "info": "i"}  # a check's outcome, readable without colour


def _escaped(value: object) -> object:
    """Text escaped as `html.escape` does (`&#x27;`, `&quot;`), so the page's and the memo's
    HTML stay byte for byte what they were; Markup passes as it is."""
    return value if hasattr(value, "__html__") else Markup(escape(str(value)))


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("woonlib.report", "templates"),
    autoescape=True,  # and _escaped: any text a template prints is escaped
    finalize=_escaped,
    undefined=jinja2.StrictUndefined,
)


@cache
def _macros() -> Any:
    return ENV.get_template("table.html.j2").module


def table(caption: str | None, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Markup:
    """A table with `scope="col"` headers; no caption element when `caption` is empty."""
    return Markup(_macros().table(caption or "", list(headers), [list(r) for r in rows]))


def status(state: str, word: str) -> Markup:
    """A policy check's outcome: its symbol and word, coloured by `state` (ok, fail, info)."""
    return Markup(_macros().status(state, SYMBOLS[state], word))


def check_rows(checks: Any) -> list[tuple[Cell, Cell, Cell]]:
    """Rows of (title, outcome, explanation) of `policy_checks`, worded by `check_texts`."""
    rows: list[tuple[Cell, Cell, Cell]] = []
    for check in checks.itertuples():
        title, word, explain = check_texts(check)
        rows.append(((title, False), (status(str(check.status), word), False), (explain, False)))
    return rows


def check_table(checks: Iterable[Check]) -> Markup:
    """Overzicht's policy checks as a table: a light (symbol in a coloured circle), the
    title and outcome, the explanation below, worded by `check_texts`."""
    rows = [(c.check, c.status, SYMBOLS[c.status], *check_texts(c)) for c in checks]
    return Markup(_macros().check_table(rows))


def page_css() -> str:
    """The page's CSS: the design system (`design.css`: tokens, components), then the
    page's own rules (`page.css`)."""
    return css("design.css") + css("page.css")


@cache
def css(name: str) -> str:
    """A CSS file of the templates folder (`page.css`, `memo.css`), read from the package."""
    return (files("woonlib.report") / "templates" / name).read_text(encoding="utf-8")
