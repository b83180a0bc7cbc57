"""The outcome of one scenario: every value the page shows, computed once per change.

`outcome(data, a)` is the page's gate: a scenario whose outcome cannot be computed is refused
(the page goes back), and the panels that show it read these values rather than computing
them again. Pure and cached through `core.results`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions
from woonlib.model.core import Results, results
from woonlib.model.indicators import Check, checks, indicators


@dataclass(frozen=True)
class Outcome:
    """Scenario `a` with its plain results, headline indicators and policy checks."""

    a: Assumptions
    results: Results
    indicators: Mapping[str, Any]
    checks: tuple[Check, ...]


def outcome(data: WoonvisieData, a: Assumptions) -> Outcome:
    """The outcome of scenario `a` on `data`; raises if the model cannot compute it."""
    return Outcome(a, results(data, a), indicators(data, a), checks(data, a))
