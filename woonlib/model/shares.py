"""The segment shares as written and shown: tenths of a percent that add to exactly 100,0%.

The model keeps a share as it is (a preset's 2090/9300 = 22,473…%); what a person reads,
the share link and the scenario file carry the three shares in tenths of a percent, rounded
with the largest-remainder rule (each share rounded down, then the tenths still missing go
to the shares with the largest remainders), so they always add to exactly 100,0%.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

TENTHS = 1000  # a share in tenths of a percent: 1000 = 100,0%


def largest_remainder(fractions: Mapping[str, float], total: int = TENTHS) -> dict[str, int]:
    """`fractions` (adding to 1) as whole parts of `total` that add to exactly `total`  [-].

    >>> largest_remainder({"a": 2090 / 9300, "b": 5160 / 9300, "c": 2050 / 9300})
    {'a': 225, 'b': 555, 'c': 220}
    """
    exact = {k: max(float(v), 0.0) * total for k, v in fractions.items()}
    parts = {k: math.floor(x + 1e-9) for k, x in exact.items()}
    missing = total - sum(parts.values())
    # ties go to the first share, so the rounding of given shares never depends on chance
    order = sorted(exact, key=lambda k: parts[k] - exact[k])
    for k in order[: max(missing, 0)]:
        parts[k] += 1
    return parts


def written(fractions: Mapping[str, float]) -> dict[str, float]:
    """The shares as the link and the scenario file carry them: tenths of a percent as
    fractions (0.225), adding to exactly 1  [-]."""
    return {k: v / TENTHS for k, v in largest_remainder(fractions).items()}


def is_written(fractions: Mapping[str, float]) -> bool:
    """True when every share is a whole tenth of a percent (as `written` gives them)."""
    return all(
        math.isclose(v * TENTHS, round(v * TENTHS), abs_tol=1e-6) for v in fractions.values()
    )
