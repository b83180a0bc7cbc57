"""Each panel's `depends` list is complete: an assumption that changes what a panel computes
is on its list (else a slider move would leave that panel silently stale)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SHARE_FIELDS, SPECS, Assumptions
from woonlib.model.outcome import outcome
from woonlib.ui.panel import EVERY, Panel


def same(x: Any, y: Any) -> bool:
    """Deep equality of computed results (frames, arrays, mappings, sequences, floats)."""
    if isinstance(x, pd.DataFrame | pd.Series):
        return isinstance(y, type(x)) and x.equals(y)
    if isinstance(x, np.ndarray):
        return np.array_equal(x, y, equal_nan=True)
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return type(x) is type(y) and same(fields_of(x), fields_of(y))
    if isinstance(x, Mapping):  # a dict, or a core result's read-only MappingProxyType
        return isinstance(y, Mapping) and x.keys() == y.keys() and all(same(x[k], y[k]) for k in x)
    if isinstance(x, list | tuple):
        return len(x) == len(y) and all(same(a, b) for a, b in zip(x, y, strict=True))
    if isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y):
        return True
    return bool(x == y)


def fields_of(x: Any) -> dict[str, Any]:
    """A dataclass's fields by name, unconverted (asdict cannot copy a MappingProxyType)."""
    return {f.name: getattr(x, f.name) for f in dataclasses.fields(x)}


def moved(name: str) -> Assumptions:
    """The Woonvisie with assumption `name` moved to another allowed value."""
    spec, now = SPECS[name], getattr(DEFAULTS, name)
    if name in SHARE_FIELDS:
        other = next(f for f in SHARE_FIELDS if f != name)
        return DEFAULTS.replace(**{name: now + 0.05, other: getattr(DEFAULTS, other) - 0.05})
    if spec.choices:
        return DEFAULTS.replace(**{name: next(c for c in spec.choices if c != now)})
    if isinstance(now, bool):
        return DEFAULTS.replace(**{name: not now})
    step = spec.step or 1
    up = now + step * 2
    if name == "target_year":
        up = now + 2
    value = up if spec.maximum is None or up <= spec.maximum else now - step * 2
    return DEFAULTS.replace(**{name: type(now)(value) if isinstance(now, int) else value})


def result(panel: Panel, a: Assumptions) -> Any:
    """What `panel` computes for scenario `a` (from its outcome, as the host has it)."""
    return panel.compute(outcome(panel.data, a))


@pytest.fixture(scope="module")
def panels(data: WoonvisieData) -> list[Panel]:
    from woonlib.ui.dashboard import Dashboard

    board = Dashboard(data)  # every tab built, showing the Woonvisie
    return [p for p in board.panels if p.depends != EVERY]


def test_every_assumption_can_be_moved() -> None:
    for name in SPECS:
        assert moved(name) != DEFAULTS, name


def test_the_listed_panels_exist(panels: list[Panel]) -> None:
    names = {type(p).__name__ for p in panels}
    assert {"ProgrammePanel", "SegmentsPanel", "ElderlyPanel", "OutflowPanel"} <= names


def test_each_panel_lists_every_assumption_it_depends_on(panels: list[Panel]) -> None:
    missing = []
    for panel in panels:
        base = result(panel, DEFAULTS)
        for name in SPECS:
            if name not in panel.depends and not same(result(panel, moved(name)), base):
                missing.append(f"{type(panel).__name__}: {name}")
    assert not missing, "compute changes, but not in depends: " + ", ".join(missing)


def test_the_check_can_fail(panels: list[Panel]) -> None:
    """The comparison sees a change: each listed panel changes with at least one name."""
    for panel in panels:
        if not panel.depends:
            continue
        base = result(panel, DEFAULTS)
        assert any(not same(result(panel, moved(n)), base) for n in panel.depends), panel
