"""A Voilà kernel imports less before its first render.

plotly imports nbformat at import time (for `fig.show()`, which the dashboard never calls),
nbformat imports jsonschema, and jsonschema builds the lark grammar of `rfc3987_syntax`
(RFC 3987 IRI checks) when that package is installed: about 0.8 s of every cold kernel's
start (benchmarks/profile.md), for a format check no kernel of ours ever runs. In a Voilà
kernel (Voilà sets VOILA_PREHEAT in every kernel it starts) that import is turned off;
jsonschema then simply does without the IRI format. Anywhere else nothing changes.
WOONLIB_LEAN_KERNEL=0 keeps every import (the benchmarks' "before").
"""

from __future__ import annotations

import os
import sys

UNUSED_IN_KERNEL = ("rfc3987_syntax",)
LEAN_ENV = "WOONLIB_LEAN_KERNEL"


def in_voila_kernel(environ: dict[str, str] | None = None) -> bool:
    """Whether this process is a kernel Voilà started."""
    return "VOILA_PREHEAT" in (os.environ if environ is None else environ)


def skip_unused_imports() -> list[str]:
    """In a Voilà kernel, make the imports in UNUSED_IN_KERNEL fail fast (ImportError, as if
    not installed) unless already imported; the names turned off."""
    if not in_voila_kernel() or os.environ.get(LEAN_ENV) == "0":
        return []
    skipped = [name for name in UNUSED_IN_KERNEL if name not in sys.modules]
    for name in skipped:
        sys.modules[name] = None  # type: ignore[assignment]  # Python: "import halted"
    return skipped
