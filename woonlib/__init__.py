"""woonlib: the Woonvisie Enschede 2024 as data, assumptions and a scenario model.

The public API (what notebooks and scripts use; everything else may move)::

    import woonlib as wl

    data = wl.load_data()                       # the validated data package, with sources
    a = wl.DEFAULTS.replace(ambition_homes=10_000)   # a scenario: frozen, validated
    wl.indicators(a)                            # == `python -m woonlib indicators --json`
    wl.results(a).programme.programme_gap       # every result as plain values
    wl.policy_checks(a)                         # the checks, as a table

Names are loaded on first use (SPEC 1 style lazy loading), so `import woonlib` stays cheap
for the Voilà server, which only needs `woonlib.serving`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from woonlib.serving.lean import skip_unused_imports

skip_unused_imports()  # in a Voilà kernel only: see woonlib/serving/lean.py

if TYPE_CHECKING:
    import pandas as pd

    from woonlib.data import DataPackageError, WoonvisieData, load_data
    from woonlib.data.monitor import Monitor, MonitorError, load_monitor
    from woonlib.model.assumptions import DEFAULTS, SPECS, AssumptionError, Assumptions
    from woonlib.model.core import Results
    from woonlib.model.registry import INDICATORS
    from woonlib.scenario.files import read_scenario

__all__ = [
    "DEFAULTS",
    "INDICATORS",
    "SPECS",
    "AssumptionError",
    "Assumptions",
    "DataPackageError",
    "Monitor",
    "MonitorError",
    "WoonvisieData",
    "indicators",
    "load_data",
    "load_monitor",
    "policy_checks",
    "read_scenario",
    "results",
]

_LAZY = {  # public name -> module that defines it
    "DEFAULTS": "woonlib.model.assumptions",
    "SPECS": "woonlib.model.assumptions",
    "AssumptionError": "woonlib.model.assumptions",
    "Assumptions": "woonlib.model.assumptions",
    "INDICATORS": "woonlib.model.registry",
    "DataPackageError": "woonlib.data",
    "WoonvisieData": "woonlib.data",
    "load_data": "woonlib.data",
    "Monitor": "woonlib.data.monitor",
    "MonitorError": "woonlib.data.monitor",
    "load_monitor": "woonlib.data.monitor",
    "read_scenario": "woonlib.scenario.files",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'woonlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _scenario(assumptions: Assumptions | None, data: WoonvisieData | None) -> tuple[Any, Any]:
    from woonlib.data import load_data
    from woonlib.model.assumptions import DEFAULTS

    return (assumptions or DEFAULTS), (data or load_data())


def indicators(
    assumptions: Assumptions | None = None,
    data: WoonvisieData | None = None,
    monitor: Monitor | None = None,
) -> dict[str, Any]:
    """The headline indicators of a scenario (default: the Woonvisie) as plain JSON values.

    The same mapping as `python -m woonlib indicators --json` (with `--monitor`: pass the
    `Monitor`): whole numbers as int, other floats to 6 decimals. Units, labels and sources
    of each key: `woonlib.INDICATORS`. Exact values: `results(assumptions)`.
    """
    from woonlib.model.indicators import json_ready, scenario_indicators

    a, d = _scenario(assumptions, data)
    return json_ready(scenario_indicators(d, a, monitor))


def results(assumptions: Assumptions | None = None, data: WoonvisieData | None = None) -> Results:
    """Every result of a scenario as plain values (`woonlib.model.core.Results`), exact."""
    from woonlib.model.core import results as core_results

    a, d = _scenario(assumptions, data)
    return core_results(d, a)


def policy_checks(
    assumptions: Assumptions | None = None, data: WoonvisieData | None = None
) -> pd.DataFrame:
    """The policy checks of a scenario: status, value, target, unit, whose norm, lines."""
    from woonlib.model.indicators import policy_checks as checks_table

    a, d = _scenario(assumptions, data)
    return checks_table(d, a)
