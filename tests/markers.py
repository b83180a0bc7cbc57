"""Which test modules are browser tests: those that import the Voilà/Chromium harness or
playwright, directly or through a first-party module (tests.*, benchmarks.*). The harness is
the top-level package `harness` (harness/voila.py, harness/page.py), shared with the benchmarks.

tests/conftest.py marks their tests `browser` and every other test `unit`, so
`pytest -m unit` runs without Voilà or Chromium.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BROWSER_IMPORTS = ("playwright", "harness")  # a module importing these needs a browser
FIRST_PARTY = ("tests", "benchmarks")  # followed into their own imports


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _source(module: str) -> Path | None:
    """The file of a first-party module, or None."""
    base = REPO_ROOT.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def imported_names(path: Path) -> set[str]:
    """Every module name a file imports (`from a import b` gives both a and a.b)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@cache
def needs_browser(path: Path) -> bool:
    """Whether the module at `path` imports the harness or playwright (transitively)."""
    names = imported_names(path)
    if any(_under(name, BROWSER_IMPORTS) for name in names):
        return True
    first_party = {_source(n) for n in names if _under(n, FIRST_PARTY)} - {None, path}
    return any(needs_browser(p) for p in first_party if p is not None)
