"""The language is held in a context (`labels.using`), not threaded through signatures: only
the functions named here take a `lang`, and a format follows the active language."""

from __future__ import annotations

import ast
from pathlib import Path

import woonlib
from woonlib.model.assumptions import DEFAULTS
from woonlib.report.labels import current_lang, fmt_value, label, using

# Where a language comes from outside (an entry point), or is a cache's key
TAKE_LANG = {
    "report/labels.py:label",  # label(key, lang=None): a key in a given language
    "report/labels.py:using",  # the context itself
    "report/labels.py:_fmt_number",  # lru-cached: the language is part of the key
    "report/labels.py:_fmt_percent",
    "ui/tables.py:_html_table",  # lru-cached table HTML, keyed by its language too
    "ui/tables.py:_cell",  # lru-cached cell text
    "ui/targets.py:_status_cell",  # lru-cached status cell
    "report/export.py:workbook_bytes",  # entry points: they run their body in using(lang)
    "report/export.py:scenario_csvs",
    "report/memo.py:scenario_memo",
    "report/readable.py:readable",
    "scenario/state.py:__init__",  # ScenarioState(lang=...): the state holds it
}


def functions_taking_lang() -> set[str]:
    root = Path(woonlib.__file__).parent
    found = set()
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                a = node.args
                if "lang" in [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs]:
                    name = getattr(node, "name", "<lambda>")
                    found.add(f"{path.relative_to(root).as_posix()}:{name}")
    return found


def test_only_the_entry_points_take_a_language() -> None:
    assert functions_taking_lang() == TAKE_LANG


def test_formats_follow_the_active_language() -> None:
    assert current_lang() == "nl"
    assert fmt_value(9300, "homes") == "9.300"
    with using("en"):
        assert current_lang() == "en"
        assert fmt_value(9300, "homes") == "9,300"
        assert fmt_value(0.678, "fraction") == "67.8%"
        assert label("yes") == "yes"
        assert label("yes", "nl") == "ja"  # an explicit language wins
    assert fmt_value(0.678, "fraction") == "67,8%"


def test_an_entry_point_speaks_its_language_and_leaves_the_context() -> None:
    from woonlib.data import load_data
    from woonlib.report.memo import scenario_memo

    memo = scenario_memo(load_data(), DEFAULTS, lang="en")
    assert '<html lang="en">' in memo
    assert current_lang() == "nl"
